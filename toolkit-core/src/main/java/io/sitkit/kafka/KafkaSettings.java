package io.sitkit.kafka;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.config.SitkitConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach a Kafka cluster and how sitkit's clients behave on it.
 *
 * <pre>{@code
 * KafkaSettings settings = KafkaSettings.of("127.0.0.1:9092").withTimeout(Duration.ofSeconds(3));
 * }</pre>
 *
 * <p>Thread-safety: immutable. {@link #toString()} masks credentials.
 *
 * @param bootstrapServers host:port list
 * @param clientProperties extra Kafka client properties (security, SASL, SSL…), applied last
 * @param timeout          bound on every blocking call: metadata, publish acknowledgement, admin
 * @param isolationLevel   {@code read_committed} or {@code read_uncommitted} for captures and browses
 * @param maxMessageBytes  largest message the clients send and fetch
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties, Duration timeout,
                            String isolationLevel, int maxMessageBytes) {

    /** 16 MiB: the default message size limit on sitkit's clients and embedded broker. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are blank; set " + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS);
        }
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Kafka timeout must be positive: " + timeout);
        }
        if (!isolationLevel.equals("read_committed") && !isolationLevel.equals("read_uncommitted")) {
            throw new IllegalArgumentException("isolation level must be read_committed or read_uncommitted: " + isolationLevel);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("max message bytes must be >= 1024: " + maxMessageBytes);
        }
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of(), DEFAULT_TIMEOUT, "read_committed", DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Reads {@code sitkit.kafka.*}; {@code bootstrapServers} overrides the configured one when not null. */
    public static KafkaSettings from(SitkitConfig config, String bootstrapServers) {
        String servers = bootstrapServers != null ? bootstrapServers : config.required(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS);
        return new KafkaSettings(servers, config.withPrefix(ConfigKeys.KAFKA_CLIENT_PREFIX),
                config.duration(ConfigKeys.KAFKA_TIMEOUT, DEFAULT_TIMEOUT),
                config.string(ConfigKeys.KAFKA_ISOLATION_LEVEL, "read_committed"),
                config.integer(ConfigKeys.KAFKA_MAX_MESSAGE_BYTES, DEFAULT_MAX_MESSAGE_BYTES));
    }

    public KafkaSettings withTimeout(Duration t) {
        return new KafkaSettings(bootstrapServers, clientProperties, t, isolationLevel, maxMessageBytes);
    }

    public KafkaSettings withClientProperty(String key, String value) {
        Map<String, String> copy = new TreeMap<>(clientProperties);
        copy.put(key, value);
        return new KafkaSettings(bootstrapServers, copy, timeout, isolationLevel, maxMessageBytes);
    }

    public KafkaSettings withIsolationLevel(String level) {
        return new KafkaSettings(bootstrapServers, clientProperties, timeout, level, maxMessageBytes);
    }

    @Override
    public String toString() {
        Map<String, String> shown = Secrets.mask(clientProperties);
        return "KafkaSettings{bootstrap=" + bootstrapServers + ", timeout=" + timeout + ", isolation=" + isolationLevel
                + ", maxMessageBytes=" + maxMessageBytes + ", client=" + shown + "}";
    }
}
