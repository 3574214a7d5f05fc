package io.sitkit.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start an {@link EmbeddedKafkaBroker}: an immutable, validated value.
 *
 * <pre>{@code
 * EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
 *         .withDefaultPartitions(3)
 *         .withBrokerProperty("log.retention.ms", "600000");
 * }</pre>
 *
 * @param dataDir           where the broker keeps its logs; {@code null} means a fresh temp dir
 *                          that the broker owns and deletes on {@code close()}. A given dir is
 *                          never deleted.
 * @param autoCreateTopics  {@code auto.create.topics.enable}
 * @param defaultPartitions {@code num.partitions} for auto-created topics, at least 1
 * @param maxMessageBytes   largest record batch the broker accepts, 1 KiB to 1 GiB; producers
 *                          must raise their own {@code max.request.size} to send more than 1 MiB
 * @param startupTimeout    how long the broker may take to become ready
 *                          ({@code server.max.startup.time.ms})
 * @param brokerProperties  extra broker properties, applied last so they override every other
 * @param security          how the client listener is secured; {@link EmbeddedKafkaSecurity#none()} by default
 *
 * <p>{@link #toString()} masks credentials. Thread-safety: immutable.
 */
public record EmbeddedKafkaConfig(
        Path dataDir,
        boolean autoCreateTopics,
        int defaultPartitions,
        int maxMessageBytes,
        Duration startupTimeout,
        Map<String, String> brokerProperties,
        EmbeddedKafkaSecurity security) {

    /** 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final int MIN_MAX_MESSAGE_BYTES = 1024;
    static final int MAX_MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

    public EmbeddedKafkaConfig {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException(
                    "defaultPartitions must be at least 1 but was " + defaultPartitions);
        }
        if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES || maxMessageBytes > MAX_MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes must be between " + MIN_MAX_MESSAGE_BYTES
                    + " and " + MAX_MAX_MESSAGE_BYTES + " but was " + maxMessageBytes);
        }
        Objects.requireNonNull(startupTimeout, "startupTimeout must not be null");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive but was " + startupTimeout);
        }
        Objects.requireNonNull(brokerProperties, "brokerProperties must not be null; use Map.of()");
        brokerProperties.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new IllegalArgumentException(
                        "brokerProperties must have non-blank keys and non-null values but had " + k + "=" + v);
            }
        });
        brokerProperties = Map.copyOf(brokerProperties);
        Objects.requireNonNull(security, "security must not be null; use EmbeddedKafkaSecurity.none()");
    }

    /** The record without security, as before security existed: a plain listener. */
    public EmbeddedKafkaConfig(Path dataDir, boolean autoCreateTopics, int defaultPartitions, int maxMessageBytes,
                               Duration startupTimeout, Map<String, String> brokerProperties) {
        this(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes, startupTimeout, brokerProperties,
                EmbeddedKafkaSecurity.none());
    }

    /** Temp data dir, auto-created topics with 1 partition, 16 MiB messages, 60 s start-up. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(null, true, 1, DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(60), Map.of());
    }

    /** A copy that keeps its data in {@code dir} (not deleted on close); {@code null} for a temp dir. */
    public EmbeddedKafkaConfig withDataDir(Path dir) {
        return new EmbeddedKafkaConfig(dir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, security);
    }

    public EmbeddedKafkaConfig withAutoCreateTopics(boolean enabled) {
        return new EmbeddedKafkaConfig(dataDir, enabled, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, security);
    }

    public EmbeddedKafkaConfig withDefaultPartitions(int partitions) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, partitions, maxMessageBytes,
                startupTimeout, brokerProperties, security);
    }

    public EmbeddedKafkaConfig withMaxMessageBytes(int bytes) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, bytes,
                startupTimeout, brokerProperties, security);
    }

    public EmbeddedKafkaConfig withStartupTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                timeout, brokerProperties, security);
    }

    /** A copy whose client listener is secured as given. */
    public EmbeddedKafkaConfig withSecurity(EmbeddedKafkaSecurity security) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, security);
    }

    /** A copy with one more broker property; it overrides anything sitkit sets. */
    public EmbeddedKafkaConfig withBrokerProperty(String key, String value) {
        Map<String, String> props = new LinkedHashMap<>(brokerProperties);
        props.put(key, value);
        return withBrokerProperties(props);
    }

    /** Shows every component; broker properties that hold credentials are masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        brokerProperties.forEach((k, v) -> shown.put(k, io.sitkit.config.Secrets.mask(k, v)));
        return "EmbeddedKafkaConfig[dataDir=" + dataDir + ", autoCreateTopics=" + autoCreateTopics
                + ", defaultPartitions=" + defaultPartitions + ", maxMessageBytes=" + maxMessageBytes
                + ", startupTimeout=" + startupTimeout + ", brokerProperties=" + shown + ", security=" + security + "]";
    }

    /** A copy whose extra broker properties are exactly {@code properties}. */
    public EmbeddedKafkaConfig withBrokerProperties(Map<String, String> properties) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, properties, security);
    }
}
