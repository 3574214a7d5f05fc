package io.sitkit.bench;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * Synthetic order traffic for the {@code correlation} suite: per order key ten messages of about
 * 300 bytes of JSON over four destinations, in this order by capture time —
 *
 * <ul>
 *   <li>{@code kafka:orders}: one {@code NEW} order, random record key, correlated by {@code $.orderId};</li>
 *   <li>{@code jms:queue:payments}: {@code AUTHORIZED} then {@code CAPTURED}, correlated by the JMS
 *       property {@code orderId}; {@code $.amount} equals the order's {@code $.total};</li>
 *   <li>{@code kafka:shipments}: {@code PACKED}, {@code SHIPPED}, {@code DELIVERED}, keyed by the order id;</li>
 *   <li>{@code jms:topic:notifications}: four notifications, correlated by the nested {@code $.order.id}.</li>
 * </ul>
 *
 * Orders start about 2 ms apart and each takes up to about 6.6 s, so the keys interleave as they
 * would in a real capture; every hop of a flow is under 3.5 s. The messages come back sorted by
 * capture time, with Kafka offsets increasing in that order per partition.
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class OrderTraffic {
    static final Destination ORDERS = Destination.kafka("orders");
    static final Destination PAYMENTS = Destination.jmsQueue("payments");
    static final Destination SHIPMENTS = Destination.kafka("shipments");
    static final Destination NOTIFICATIONS = Destination.jmsTopic("notifications");
    static final int MESSAGES_PER_KEY = 10;
    private static final int KAFKA_PARTITIONS = 3;
    private static final String[] SHIPMENT_STATUS = {"PACKED", "SHIPPED", "DELIVERED"};
    private static final String[] NOTIFICATION_TYPE = {"ORDER_CONFIRMED", "PAYMENT_RECEIVED", "ORDER_SHIPPED", "ORDER_DELIVERED"};
    private static final String[] TIERS = {"STANDARD", "SILVER", "GOLD"};
    private static final String[] CARRIERS = {"DHL", "UPS", "DPD", "GLS"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Vienna", "Zurich"};
    private static final Instant BASE = Instant.parse("2024-05-01T08:00:00Z");

    private final Random random = new Random(42);
    private final int keys;
    private final long[] totalCents;
    private final int[] customer;
    private final long[] kafkaOffsets = new long[2 * KAFKA_PARTITIONS];
    private long jmsIds;

    private OrderTraffic(int keys) {
        if (keys <= 0 || keys >= 1 << 17) {
            throw new IllegalArgumentException("keys must be 1.." + ((1 << 17) - 1) + ": " + keys);
        }
        this.keys = keys;
        this.totalCents = new long[keys];
        this.customer = new int[keys];
    }

    /** The correlation key of order {@code i}. */
    static String key(int i) {
        return String.format("o-%07d", i);
    }

    /** {@code keys × 10} messages, sorted by capture time. */
    static Message[] generate(int keys) {
        return new OrderTraffic(keys).messages();
    }

    private Message[] messages() {
        // One long per message: capture time in microseconds (28 bits), key (17 bits), step (4 bits).
        long[] events = new long[keys * MESSAGES_PER_KEY];
        int n = 0;
        for (int k = 0; k < keys; k++) {
            totalCents[k] = 500 + random.nextInt(40_000);
            customer[k] = random.nextInt(50_000);
            long t = k * 2_000L + random.nextInt(1_500);
            long[] times = new long[MESSAGES_PER_KEY];
            times[0] = t;
            times[1] = times[0] + millis(20, 400);
            times[2] = times[1] + millis(50, 800);
            times[3] = times[2] + millis(100, 1_500);
            times[4] = times[3] + millis(200, 1_500);
            times[5] = times[4] + millis(200, 1_500);
            for (int s = 6; s < MESSAGES_PER_KEY; s++) {
                times[s] = times[s - 1] + millis(5, 300);
            }
            for (int s = 0; s < MESSAGES_PER_KEY; s++) {
                events[n++] = times[s] << 21 | (long) k << 4 | s;
            }
        }
        Arrays.sort(events);
        Message[] out = new Message[events.length];
        for (int i = 0; i < events.length; i++) {
            long e = events[i];
            out[i] = message((int) (e >>> 4 & 0x1FFFF), (int) (e & 0xF), BASE.plusNanos((e >>> 21) * 1_000));
        }
        return out;
    }

    private long millis(int min, int max) {
        return (min + random.nextInt(max - min)) * 1_000L + random.nextInt(1_000);
    }

    private Message message(int k, int step, Instant capturedAt) {
        String id = key(k);
        Instant sent = Instant.ofEpochMilli(capturedAt.toEpochMilli() - 1 - random.nextInt(4));
        if (step == 0) {
            byte[] recordKey = String.format("%016x", random.nextLong()).getBytes(StandardCharsets.UTF_8);
            return kafka(ORDERS, recordKey, order(k, id, sent), sent, capturedAt);
        }
        if (step <= 2) {
            Headers props = Headers.of(Header.typed("orderId", id), Header.typed("source", "payment-service"));
            return jms(PAYMENTS, props, payment(k, id, step, sent), id, sent, capturedAt);
        }
        if (step <= 5) {
            return kafka(SHIPMENTS, id.getBytes(StandardCharsets.UTF_8), shipment(k, id, step - 3, sent), sent, capturedAt);
        }
        Headers props = Headers.of(Header.typed("channel", "EMAIL"));
        return jms(NOTIFICATIONS, props, notification(k, id, step - 6, sent), null, sent, capturedAt);
    }

    private Message kafka(Destination d, byte[] key, String json, Instant sent, Instant capturedAt) {
        int partition = Math.floorMod(Arrays.hashCode(key), KAFKA_PARTITIONS);
        int slot = (d.equals(ORDERS) ? 0 : KAFKA_PARTITIONS) + partition;
        KafkaMetadata md = new KafkaMetadata(partition, kafkaOffsets[slot]++, "CreateTime", -1);
        return new Message(d, key, Headers.empty(), json.getBytes(StandardCharsets.UTF_8), BodyType.BYTES, sent, capturedAt, md);
    }

    private Message jms(Destination d, Headers props, String json, String correlationId, Instant sent, Instant capturedAt) {
        JmsMetadata md = new JmsMetadata("ID:bench-host-40123-1714550400000-1:1:1:1:" + ++jmsIds, correlationId,
                null, null, 4, true, null, false, null);
        return new Message(d, null, props, json.getBytes(StandardCharsets.UTF_8), BodyType.BYTES, sent, capturedAt, md);
    }

    private String order(int k, String id, Instant at) {
        int c = customer[k];
        long total = totalCents[k];
        long first = total * 2 / 3;
        return "{\"orderId\":\"" + id + "\",\"status\":\"NEW\",\"customer\":{\"id\":\"c-" + c + "\",\"name\":\"Customer " + c
                + "\",\"email\":\"c" + c + "@example.com\",\"tier\":\"" + TIERS[c % TIERS.length] + "\"},\"items\":[{\"sku\":\"SKU-"
                + (10_000 + k % 90_000) + "\",\"qty\":1,\"price\":" + money(first) + "},{\"sku\":\"SKU-" + (10_000 + c % 90_000)
                + "\",\"qty\":1,\"price\":" + money(total - first) + "}],\"total\":" + money(total)
                + ",\"currency\":\"EUR\",\"channel\":\"web\",\"createdAt\":\"" + at + "\"}";
    }

    private String payment(int k, String id, int attempt, Instant at) {
        return "{\"paymentId\":\"p-" + id.substring(2) + "-" + attempt + "\",\"orderId\":\"" + id + "\",\"status\":\""
                + (attempt == 1 ? "AUTHORIZED" : "CAPTURED") + "\",\"amount\":" + money(totalCents[k])
                + ",\"currency\":\"EUR\",\"method\":\"CARD\",\"card\":{\"brand\":\"VISA\",\"last4\":\"" + (1000 + k % 9000)
                + "\",\"expiry\":\"09/27\"},\"provider\":\"acme-pay\",\"merchantRef\":\"web-shop-eu-1\",\"billingCountry\":\"DE\",\"attempt\":" + attempt
                + ",\"riskScore\":" + k % 97
                + ",\"updatedAt\":\"" + at + "\"}";
    }

    private String shipment(int k, String id, int step, Instant at) {
        return "{\"shipmentId\":\"s-" + id.substring(2) + "\",\"orderId\":\"" + id + "\",\"status\":\"" + SHIPMENT_STATUS[step]
                + "\",\"carrier\":\"" + CARRIERS[k % CARRIERS.length] + "\",\"trackingNo\":\"JD01460" + (1_000_000 + k)
                + "\",\"address\":{\"street\":\"Hauptstrasse " + (1 + k % 200) + "\",\"city\":\"" + CITIES[k % CITIES.length]
                + "\",\"zip\":\"" + (10_000 + k % 89_999) + "\",\"country\":\"DE\"},\"service\":\"STANDARD\",\"warehouse\":\"WH-BER-02\",\"parcels\":1,\"weightKg\":"
                + (1 + k % 9) + ".25,\"updatedAt\":\"" + at + "\"}";
    }

    private String notification(int k, String id, int step, Instant at) {
        return "{\"notificationId\":\"n-" + id.substring(2) + "-" + step + "\",\"type\":\"" + NOTIFICATION_TYPE[step]
                + "\",\"channel\":\"EMAIL\",\"recipient\":\"c" + customer[k] + "@example.com\",\"subject\":\"Your order " + id
                + "\",\"priority\":\"normal\",\"order\":{\"id\":\"" + id
                + "\",\"total\":" + money(totalCents[k]) + ",\"currency\":\"EUR\"},\"template\":\""
                + NOTIFICATION_TYPE[step].toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-v3\",\"locale\":\"en-GB\",\"sentAt\":\""
                + at + "\"}";
    }

    private static String money(long cents) {
        long c = cents % 100;
        return cents / 100 + "." + (c < 10 ? "0" : "") + c;
    }
}
