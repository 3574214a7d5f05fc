package io.sitkit.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kafka client configurations sitkit uses, built from one {@link KafkaSettings}: public so that
 * tools and benchmarks can create raw clients configured exactly like sitkit's.
 *
 * <pre>{@code
 * try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(KafkaClients.producer(settings))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class KafkaClients {
    /** Room for record batch, key and headers on top of the payload limit. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KafkaClients.class);
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private KafkaClients() {
    }

    private static Map<String, Object> common(KafkaSettings s, String role) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "sitkit-" + role + "-" + IDS.incrementAndGet());
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, s.timeout().toMillis());
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        // A topic auto-created by a first publish or capture answers "not yet" once; retrying after 20 ms
        // instead of Kafka's 100 ms shortens every first use of a topic (exponential backoff still caps retries).
        p.put(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 20);
        return p;
    }

    /**
     * Producer: byte arrays, acks=all, {@code linger.ms=0}, bounded blocking ({@code max.block.ms} =
     * timeout), raised size limit. A test publishes and replies one message at a time and waits for
     * it, so it must not wait for a batch to fill: Kafka 4's default linger of 5 ms would be added to
     * every {@code publish}, every stub reply and every relayed message. Under load the producer still
     * batches whatever accumulates while a request is in flight. {@code sitkit.kafka.client.linger.ms}
     * sets another value.
     */
    public static Map<String, Object> producer(KafkaSettings s) {
        Map<String, Object> p = common(s, "producer");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, s.timeout().toMillis());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, s.maxMessageBytes() + RECORD_OVERHEAD_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, 2L * (s.maxMessageBytes() + RECORD_OVERHEAD_BYTES)));
        passThrough(p, s, ProducerConfig.configNames());
        if (!s.clientProperties().containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
            // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms; honour the user's values.
            long request = Long.parseLong(String.valueOf(p.get(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG)));
            long linger = Long.parseLong(String.valueOf(p.get(ProducerConfig.LINGER_MS_CONFIG)));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                    Math.max(s.timeout().toMillis(), request + linger)));
        }
        return p;
    }

    /**
     * Consumer without a group (assign mode), no auto-commit, the settings' isolation level, and no
     * topic creation: reading a topic that does not exist never creates it (a capture that must
     * listen before the first write creates it on purpose, through the environment's protection).
     */
    public static Map<String, Object> consumer(KafkaSettings s) {
        Map<String, Object> p = common(s, "consumer");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, s.isolationLevel());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1024 * 1024, s.maxMessageBytes() + RECORD_OVERHEAD_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(50 * 1024 * 1024, s.maxMessageBytes() + RECORD_OVERHEAD_BYTES));
        passThrough(p, s, ConsumerConfig.configNames());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    public static Map<String, Object> admin(KafkaSettings s) {
        Map<String, Object> p = common(s, "admin");
        passThrough(p, s, AdminClientConfig.configNames());
        return p;
    }

    /**
     * Applies the user's pass-through properties that this client type knows (a producer-only key is
     * not given to a consumer); a key no Kafka client knows is reported once, since it is likely a typo.
     */
    private static void passThrough(Map<String, Object> p, KafkaSettings s, java.util.Set<String> known) {
        for (Map.Entry<String, String> e : s.clientProperties().entrySet()) {
            if (known.contains(e.getKey())) {
                p.put(e.getKey(), e.getValue());
            } else if (!ProducerConfig.configNames().contains(e.getKey()) && !ConsumerConfig.configNames().contains(e.getKey())
                    && !AdminClientConfig.configNames().contains(e.getKey()) && WARNED.add(e.getKey())) {
                LOG.warn("sitkit.kafka.client.{} is not a Kafka client property and is ignored; check its spelling", e.getKey());
            }
        }
    }

    /**
     * Closes a consumer that has no group and commits nothing, without waiting: a default close
     * waits for the fetch the broker may be holding open (up to {@code fetch.max.wait.ms}, 500 ms).
     */
    static void closeNow(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(java.time.Duration.ZERO));
    }
}
