package io.sitkit.bench;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code inspector} suite's brokers, in a JVM of their own so that the inspector's JVM holds
 * only the inspector: an embedded Kafka (one partition per topic; no JMS), a topic
 * {@code args[0]} filled with {@code args[1]} JSON orders (key, two headers, about 300 bytes each)
 * and an empty topic {@code args[2]}. Reports {@code @bench bootstrap <servers>} once ready, then
 * takes commands on stdin:
 * <ul>
 *   <li>{@code produce <topic> <rate per s> <count>} — publishes {@code count} orders at that rate
 *       on a thread of its own and reports {@code @bench produced <count> <seconds>};</li>
 *   <li>end of input — closes the environment and exits.</li>
 * </ul>
 */
public final class BrokerHost {
    private BrokerHost() {
    }

    public static void main(String[] args) throws Exception {
        String pages = args[0];
        long fill = Long.parseLong(args[1]);
        String tail = args[2];
        SitkitConfig config = SitkitConfig.of(Map.of(ConfigKeys.ENVIRONMENT, "embedded", ConfigKeys.JMS_ENABLED, "false",
                ConfigKeys.KAFKA_DEFAULT_PARTITIONS, "1"));
        try (Environment env = Environments.start(config); Bus bus = env.openBus()) {
            bus.kafka().createTopicIfMissing(pages, 1);
            bus.kafka().createTopicIfMissing(tail, 1);
            Map<String, Object> props = KafkaClients.producer(bus.kafka().settings());
            props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            try (KafkaProducer<byte[], byte[]> fast = new KafkaProducer<>(props)) {
                long t0 = System.nanoTime();
                send(fast, pages, 0, fill, 0);
                Probe.progress("inspector: %,d orders in %s in %.1f s", fill, pages, (System.nanoTime() - t0) / 1e9);
            }
            Probe.fact("bootstrap", env.kafkaBootstrapServers().orElseThrow());
            try (KafkaProducer<byte[], byte[]> paced = new KafkaProducer<>(KafkaClients.producer(bus.kafka().settings()))) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    String[] cmd = line.strip().split(" ");
                    if (cmd[0].equals("produce") && cmd.length == 4) {
                        String topic = cmd[1];
                        long rate = Long.parseLong(cmd[2]);
                        long count = Long.parseLong(cmd[3]);
                        Thread t = new Thread(() -> paced(paced, topic, rate, count), "bench-producer");
                        t.setDaemon(true);
                        t.start();
                    } else if (!line.isBlank()) {
                        System.err.println("BrokerHost: unknown command '" + line + "'");
                    }
                }
            }
        }
        System.exit(0);
    }

    private static void paced(KafkaProducer<byte[], byte[]> producer, String topic, long rate, long count) {
        long t0 = System.nanoTime();
        try {
            send(producer, topic, 0, count, rate);
            Probe.fact("produced", count + " " + String.format(Locale.ROOT, "%.3f", (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            Probe.fact("produce_failed", e.toString().replace('\n', ' '));
        }
    }

    /**
     * Sends orders {@code first .. first+count-1}; at {@code rate} per second when it is positive
     * (in 1 ms slices: each slice sends what the elapsed time allows), else as fast as acknowledged.
     * Returns once every record is acknowledged; throws the first send failure.
     */
    static void send(KafkaProducer<byte[], byte[]> producer, String topic, long first, long count, long rate) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        long sent = 0;
        while (sent < count) {
            long allowed = rate <= 0 ? count : Math.min(count, (System.nanoTime() - t0) * rate / 1_000_000_000L + 1);
            for (; sent < allowed; sent++) {
                long n = first + sent;
                producer.send(record(topic, n), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    acked.incrementAndGet();
                });
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            if (rate > 0 && sent < count) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
        if (acked.get() != count) {
            throw new IllegalStateException("only " + acked.get() + " of " + count + " records to " + topic + " were acknowledged");
        }
    }

    /** Order {@code n}: key {@code o-0000042}, headers {@code eventType} and {@code traceparent}, a JSON body. */
    static ProducerRecord<byte[], byte[]> record(String topic, long n) {
        String id = String.format(Locale.ROOT, "o-%07d", n);
        String body = String.format(Locale.ROOT, "{\"orderId\":\"%s\",\"status\":\"NEW\",\"customer\":{\"id\":\"c-%05d\",\"tier\":\"%s\"},"
                + "\"lines\":[{\"sku\":\"MUG-RED\",\"qty\":%d,\"price\":9.90},{\"sku\":\"BOOK-001\",\"qty\":1,\"price\":24.00}],"
                + "\"total\":%.2f,\"currency\":\"EUR\",\"channel\":\"web\"}", id, n % 50_000, n % 7 == 0 ? "GOLD" : "BASIC",
                1 + n % 3, 24.0 + 9.9 * (1 + n % 3));
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventType", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", String.format(Locale.ROOT, "00-%032x-%016x-01", n * 7919 + 1, n + 1).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, null, id.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8), headers);
    }
}
