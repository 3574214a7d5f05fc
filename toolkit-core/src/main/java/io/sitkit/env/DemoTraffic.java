package io.sitkit.env;

import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.SitkitException;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic for the sandbox: a small shop whose orders and payments flow across Kafka and JMS,
 * correlated by order id, in Avro and JSON — so a first look at the inspector shows something
 * moving. Each order makes three messages:
 * <ol>
 *   <li>{@value #ORDERS}: {@code OrderPlaced} in Avro, Confluent-framed with schema id
 *       {@value #ORDER_SCHEMA_ID} (look it up with {@link #schemas()}), key = order id, headers
 *       {@code eventType}, {@code traceparent};</li>
 *   <li>{@value #PAYMENT_REQUESTS}: a JSON payment request, JMS correlation id = order id;</li>
 *   <li>{@value #PAYMENT_EVENTS}: a JSON payment result ({@code AUTHORIZED}, or {@code DECLINED}
 *       for about one order in ten), key = order id.</li>
 * </ol>
 *
 * <pre>{@code
 * try (Environment env = Environments.embedded(); Bus bus = env.openBus();
 *      DemoTraffic demo = DemoTraffic.start(bus, Duration.ofMillis(500), 42)) {
 *     ...                                              // an order every 500 ms
 * }
 * DemoTraffic.publishOrders(bus, 10, 42);             // or ten orders now, synchronously
 * }</pre>
 *
 * <p>The same seed gives the same orders (ids, amounts, declines); timestamps come from the clock.
 *
 * <p>Thread-safety: {@link #start} owns one daemon thread, stopped by {@link #close()}
 * (idempotent, bounded wait); the static methods are safe from any thread.
 */
public final class DemoTraffic implements AutoCloseable {
    /** The Avro order topic. */
    public static final String ORDERS = "kafka:demo.orders";
    /** The JMS queue of payment requests. */
    public static final String PAYMENT_REQUESTS = "jms:queue:demo.payment-requests";
    /** The Kafka topic of payment results. */
    public static final String PAYMENT_EVENTS = "kafka:demo.payments";
    /** The schema id the order frames carry. */
    public static final int ORDER_SCHEMA_ID = 1;

    private static final String[] SKUS = {"BOOK-001", "MUG-RED", "PEN-BLUE", "LAMP-42", "TEA-GREEN", "SOCKS-L"};
    private static final Schema ORDER_SCHEMA = loadSchema();

    private final ScheduledExecutorService thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastError = "";

    private DemoTraffic(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** The {@code OrderPlaced} schema. */
    public static Schema orderSchema() {
        return ORDER_SCHEMA;
    }

    /** Finds the demo's schemas by id, for decoders: id {@value #ORDER_SCHEMA_ID} is {@code OrderPlaced}. */
    public static SchemaLookup schemas() {
        return id -> id == ORDER_SCHEMA_ID
                ? new RegisteredSchema(ORDER_SCHEMA_ID, "demo.orders-value", 1, SchemaFormat.AVRO, ORDER_SCHEMA.toString(true))
                : null;
    }

    /**
     * Publishes an order (three messages) every {@code interval} on a daemon thread until closed.
     * A publish that fails (a broker gone) is counted and retried with the next order.
     */
    public static DemoTraffic start(Bus bus, Duration interval, long seed) {
        Objects.requireNonNull(bus, "bus");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("demo traffic interval must be positive, was " + interval);
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitkit-demo-traffic");
            t.setDaemon(true);
            return t;
        });
        DemoTraffic demo = new DemoTraffic(thread);
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong sequence = new AtomicLong();
        thread.scheduleWithFixedDelay(() -> {
            try {
                publishOrder(bus, random, sequence.incrementAndGet(), Clock.systemUTC());
                demo.published.incrementAndGet();
            } catch (RuntimeException e) {
                demo.failures.incrementAndGet();
                demo.lastError = e.getMessage();
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return demo;
    }

    /** Publishes {@code orders} orders now (three messages each) and returns where they went. */
    public static List<PublishResult> publishOrders(Bus bus, int orders, long seed) {
        if (orders < 0) {
            throw new IllegalArgumentException("orders must be >= 0, was " + orders);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<PublishResult> out = new ArrayList<>();
        for (int i = 1; i <= orders; i++) {
            out.addAll(publishOrder(bus, random, i, Clock.systemUTC()));
        }
        return out;
    }

    /** Orders published so far by the running generator. */
    public long published() {
        return published.get();
    }

    /** Orders that failed to publish, and the last error ("" when none). */
    public String failures() {
        long n = failures.get();
        return n == 0 ? "" : n + " failed, last: " + lastError;
    }

    private static List<PublishResult> publishOrder(Bus bus, SplittableRandom random, long sequence, Clock clock) {
        String orderId = String.format(Locale.ROOT, "o-%05d", sequence);
        String customerId = String.format(Locale.ROOT, "c-%03d", 1 + random.nextInt(120));
        String currency = random.nextInt(5) == 0 ? "USD" : "EUR";
        int lineCount = 1 + random.nextInt(3);
        StringBuilder lines = new StringBuilder();
        long cents = 0;
        for (int l = 0; l < lineCount; l++) {
            int quantity = 1 + random.nextInt(3);
            long unitCents = 199 + random.nextInt(4800);
            cents += quantity * unitCents;
            lines.append(l == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"sku\":\"%s\",\"quantity\":%d,\"unitPrice\":%d.%02d}",
                    SKUS[random.nextInt(SKUS.length)], quantity, unitCents / 100, unitCents % 100));
        }
        String total = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
        String coupon = random.nextInt(4) == 0 ? "\"WINTER10\"" : "null";
        long now = clock.millis();
        String trace = String.format(Locale.ROOT, "00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong());
        String orderJson = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"currency\":\"" + currency
                + "\",\"total\":" + total + ",\"lines\":[" + lines + "],\"coupon\":" + coupon + ",\"placedAt\":\"" + java.time.Instant.ofEpochMilli(now) + "\"}";
        byte[] avro = ConfluentWireFormat.frame(ORDER_SCHEMA_ID, AvroCodec.of(ORDER_SCHEMA).encodeJson(orderJson));
        boolean declined = random.nextInt(10) == 0;
        List<PublishResult> out = new ArrayList<>(3);
        out.add(bus.publish(OutgoingMessage.bytes(ORDERS, avro).withKey(orderId)
                .withHeader("eventType", "OrderPlaced").withHeader("traceparent", trace)
                .withHeader("source", "demo-shop")));
        out.add(bus.publish(OutgoingMessage.text(PAYMENT_REQUESTS, "{\"orderId\":\"" + orderId + "\",\"amount\":" + total
                        + ",\"currency\":\"" + currency + "\",\"method\":\"" + (random.nextBoolean() ? "card" : "invoice") + "\"}")
                .withCorrelationId(orderId).withHeader("traceparent", trace).withHeader("eventType", "PaymentRequested")));
        out.add(bus.publish(OutgoingMessage.text(PAYMENT_EVENTS, "{\"orderId\":\"" + orderId + "\",\"paymentId\":\"p-"
                        + orderId.substring(2) + "\",\"status\":\"" + (declined ? "DECLINED" : "AUTHORIZED") + "\",\"amount\":" + total
                        + (declined ? ",\"reason\":\"insufficient funds\"" : "") + "}")
                .withKey(orderId).withHeader("traceparent", trace).withHeader("eventType", declined ? "PaymentDeclined" : "PaymentAuthorized")));
        return out;
    }

    private static Schema loadSchema() {
        try (InputStream in = DemoTraffic.class.getResourceAsStream("demo-order-placed.avsc")) {
            if (in == null) {
                throw new SitkitException("the demo schema io/sitkit/env/demo-order-placed.avsc is missing from the class path");
            }
            return AvroSchemas.parseOne("demo-order-placed.avsc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SitkitException("cannot read the demo schema: " + e.getMessage(), e);
        }
    }

    /** Stops the generator, waiting up to 5 s for a publish in progress. Idempotent. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new SitkitException("the demo traffic thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
