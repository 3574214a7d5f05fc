package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;

import java.util.List;
import java.util.Optional;

/**
 * The embedded environment: real brokers in this JVM. Created by {@link EmbeddedEnvironmentProvider}
 * (or {@link Environments#embedded()}); closing it closes its buses, then ActiveMQ, then Kafka,
 * and deletes their temp dirs.
 *
 * <p>Thread-safety: thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedEnvironment extends BaseEnvironment {
    private final List<AutoCloseable> owned;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedActiveMq activeMq;
    private final java.time.Duration startupTime;
    private final java.util.Map<String, io.sitkit.net.NetworkProxy> proxies;

    EmbeddedEnvironment(SitkitConfig config, KafkaSettings kafkaSettings, JmsSettings jmsSettings,
                        List<AutoCloseable> owned, EmbeddedKafkaBroker kafka, EmbeddedActiveMq activeMq,
                        java.time.Duration startupTime, java.util.Map<String, io.sitkit.net.NetworkProxy> proxies) {
        super(EmbeddedEnvironmentProvider.NAME, config, kafkaSettings, jmsSettings);
        this.owned = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(owned));
        this.kafka = kafka;
        this.activeMq = activeMq;
        this.startupTime = startupTime;
        this.proxies = proxies;
    }

    /**
     * With {@code sitkit.embedded.proxy=true}, the proxy in front of each broker, by name: {@code kafka-1}
     * (… {@code kafka-<n>} for a cluster; each node advertises its proxy) and {@code activemq}; empty otherwise.
     * Add latency, limit bandwidth or reset connections through them:
     * {@code env.proxies().get("kafka-1").setLatency(Duration.ofMillis(50))}.
     */
    public java.util.Map<String, io.sitkit.net.NetworkProxy> proxies() {
        return proxies;
    }

    /** How long starting took, brokers in parallel; e.g. {@code "1320 ms (Kafka 1290 ms, ActiveMQ 410 ms)"}. */
    public String startupReport() {
        return startupTime.toMillis() + " ms (Kafka " + (kafka == null ? "off" : kafka.startupTime().toMillis() + " ms")
                + ", ActiveMQ " + (activeMq == null ? "off" : activeMq.startupTime().toMillis() + " ms") + ")";
    }

    /** The embedded Kafka broker, if started (for restart tests and broker-side checks). */
    public Optional<EmbeddedKafkaBroker> kafkaBroker() {
        return Optional.ofNullable(kafka);
    }

    /** The embedded ActiveMQ broker, if started. */
    public Optional<EmbeddedActiveMq> activeMqBroker() {
        return Optional.ofNullable(activeMq);
    }

    @Override
    protected List<AutoCloseable> ownedResources() {
        return owned;
    }
}
