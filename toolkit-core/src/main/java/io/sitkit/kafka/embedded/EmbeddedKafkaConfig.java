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
 *         .withBrokerProperty("log.retention.ms", "600000")
 *         .withBrokers(3);   // a 3-node cluster: replication factor 3, min.insync.replicas 2
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
 * @param brokerProperties  extra broker properties, applied last so they override every other;
 *                          {@code node.<id>.<key>} applies {@code <key>} to one node of a cluster only
 *                          (e.g. {@code node.2.advertised.listeners})
 * @param brokers           nodes in the cluster, 1 to 9; each is broker and controller, so 3 make a
 *                          controller quorum that survives one node's restart, and topics can have
 *                          replication factor 3 with {@code min.insync.replicas=2}
 * @param security          how the client listener of every node is secured; {@link EmbeddedKafkaSecurity#none()}
 *                          by default
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
        int brokers,
        EmbeddedKafkaSecurity security) {

    /** 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final int MIN_MAX_MESSAGE_BYTES = 1024;
    static final int MAX_MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;
    static final int MAX_BROKERS = 9;

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
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be between 1 and " + MAX_BROKERS + " but was " + brokers
                    + "; 3 give a controller quorum and replication factor 3");
        }
        Objects.requireNonNull(security, "security must not be null; use EmbeddedKafkaSecurity.none()");
    }

    /** The record without security, as before security existed: plain listeners. */
    public EmbeddedKafkaConfig(Path dataDir, boolean autoCreateTopics, int defaultPartitions, int maxMessageBytes,
                               Duration startupTimeout, Map<String, String> brokerProperties, int brokers) {
        this(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes, startupTimeout, brokerProperties,
                brokers, EmbeddedKafkaSecurity.none());
    }

    /** The record as before clusters and security existed: one node, a plain listener. */
    public EmbeddedKafkaConfig(Path dataDir, boolean autoCreateTopics, int defaultPartitions, int maxMessageBytes,
                               Duration startupTimeout, Map<String, String> brokerProperties) {
        this(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes, startupTimeout, brokerProperties, 1);
    }

    /** Temp data dir, auto-created topics with 1 partition, 16 MiB messages, 60 s start-up. */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(null, true, 1, DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(60), Map.of(), 1,
                EmbeddedKafkaSecurity.none());
    }

    /** A copy that keeps its data in {@code dir} (not deleted on close); {@code null} for a temp dir. */
    public EmbeddedKafkaConfig withDataDir(Path dir) {
        return new EmbeddedKafkaConfig(dir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, brokers, security);
    }

    public EmbeddedKafkaConfig withAutoCreateTopics(boolean enabled) {
        return new EmbeddedKafkaConfig(dataDir, enabled, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, brokers, security);
    }

    public EmbeddedKafkaConfig withDefaultPartitions(int partitions) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, partitions, maxMessageBytes,
                startupTimeout, brokerProperties, brokers, security);
    }

    public EmbeddedKafkaConfig withMaxMessageBytes(int bytes) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, bytes,
                startupTimeout, brokerProperties, brokers, security);
    }

    public EmbeddedKafkaConfig withStartupTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                timeout, brokerProperties, brokers, security);
    }

    /** A copy whose client listener (on every node) is secured as given. */
    public EmbeddedKafkaConfig withSecurity(EmbeddedKafkaSecurity security) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, brokers, security);
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
        Map<String, String> shown = io.sitkit.config.Secrets.mask(brokerProperties);
        return "EmbeddedKafkaConfig[dataDir=" + dataDir + ", autoCreateTopics=" + autoCreateTopics
                + ", defaultPartitions=" + defaultPartitions + ", maxMessageBytes=" + maxMessageBytes
                + ", startupTimeout=" + startupTimeout + ", brokerProperties=" + shown + ", brokers=" + brokers
                + ", security=" + security + "]";
    }

    /** A copy whose extra broker properties are exactly {@code properties}. */
    public EmbeddedKafkaConfig withBrokerProperties(Map<String, String> properties) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, properties, brokers, security);
    }

    /** A copy that starts a cluster of {@code count} nodes (each broker and controller); 1 is a single broker. */
    public EmbeddedKafkaConfig withBrokers(int count) {
        return new EmbeddedKafkaConfig(dataDir, autoCreateTopics, defaultPartitions, maxMessageBytes,
                startupTimeout, brokerProperties, count, security);
    }
}
