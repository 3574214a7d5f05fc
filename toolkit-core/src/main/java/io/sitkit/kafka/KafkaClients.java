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

/** Builds the client configurations sitkit uses, from one {@link KafkaSettings}. Stateless. */
public final class KafkaClients {
    private static final AtomicInteger IDS = new AtomicInteger();

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
        return p;
    }

    /** Producer: byte arrays, acks=all, bounded blocking ({@code max.block.ms} = timeout), raised size limit. */
    public static Map<String, Object> producer(KafkaSettings s) {
        Map<String, Object> p = common(s, "producer");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, s.timeout().toMillis());
        int request = (int) p.get(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(s.timeout().toMillis(), request + 5L));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, s.maxMessageBytes());
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, 2L * s.maxMessageBytes()));
        p.putAll(s.clientProperties());
        p.keySet().retainAll(ProducerConfig.configNames());
        return p;
    }

    /** Consumer without a group (assign mode), no auto-commit, the settings' isolation level. */
    public static Map<String, Object> consumer(KafkaSettings s) {
        Map<String, Object> p = common(s, "consumer");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, s.isolationLevel());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1024 * 1024, s.maxMessageBytes()));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(50 * 1024 * 1024, s.maxMessageBytes()));
        p.putAll(s.clientProperties());
        p.keySet().retainAll(ConsumerConfig.configNames());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    public static Map<String, Object> admin(KafkaSettings s) {
        Map<String, Object> p = common(s, "admin");
        p.putAll(s.clientProperties());
        p.keySet().retainAll(AdminClientConfig.configNames());
        return p;
    }
}
