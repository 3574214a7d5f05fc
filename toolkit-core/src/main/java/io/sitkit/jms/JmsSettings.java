package io.sitkit.jms;

import io.sitkit.config.Secrets;
import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import jakarta.jms.ConnectionFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach a JMS broker and how sitkit observes it.
 *
 * <pre>{@code
 * JmsSettings activemq = JmsSettings.activeMq("tcp://mq:61616").withCredentials("app", secret);
 * JmsSettings any = JmsSettings.of(() -> new MyProviderConnectionFactory(...), "my-broker:1234");
 * }</pre>
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the password.
 *
 * @param factory          creates the provider's {@link ConnectionFactory}
 * @param address          the broker address for messages (credentials removed)
 * @param user             user name, or null
 * @param password         password, or null; never printed
 * @param timeout          bound on connecting and every blocking call
 * @param queueObservation how queue captures see traffic
 * @param mirrorPrefix     prefix of the topic that mirrors a queue
 * @param browseInterval   pause between browses in {@link QueueObservation#BROWSE} mode
 */
public record JmsSettings(Supplier<ConnectionFactory> factory, String address, String user, String password,
                          Duration timeout, QueueObservation queueObservation, String mirrorPrefix,
                          Duration browseInterval) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_MIRROR_PREFIX = "VirtualTopic.Mirror.";

    public JmsSettings {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(queueObservation, "queueObservation");
        Objects.requireNonNull(mirrorPrefix, "mirrorPrefix");
        Objects.requireNonNull(browseInterval, "browseInterval");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("JMS timeout must be positive: " + timeout);
        }
        if (browseInterval.isNegative() || browseInterval.isZero()) {
            throw new IllegalArgumentException("browse interval must be positive: " + browseInterval);
        }
    }

    /** Any provider: a factory supplier and an address to show in messages. Queue observation: none. */
    public static JmsSettings of(Supplier<ConnectionFactory> factory, String address) {
        return new JmsSettings(factory, address, null, null, DEFAULT_TIMEOUT, QueueObservation.NONE,
                DEFAULT_MIRROR_PREFIX, Duration.ofMillis(100));
    }

    /** ActiveMQ Classic by broker URL. Queue observation: none until told the broker mirrors queues. */
    public static JmsSettings activeMq(String url) {
        return of(() -> new org.apache.activemq.ActiveMQConnectionFactory(url), Secrets.redactUrls(url));
    }

    /**
     * Reads {@code sitkit.jms.*}: provider ({@code activemq}, {@code artemis}) or a connection factory
     * class, URL, user, password, timeout, queue observation. {@code url} overrides the configured URL when not null.
     */
    public static JmsSettings from(SitkitConfig config, String url, QueueObservation defaultObservation) {
        String brokerUrl = url != null ? url : config.required(ConfigKeys.JMS_URL);
        String factoryClass = config.get(ConfigKeys.JMS_CONNECTION_FACTORY).orElse(null);
        String provider = config.string(ConfigKeys.JMS_PROVIDER, "activemq");
        Supplier<ConnectionFactory> factory;
        if (factoryClass != null) {
            factory = () -> ConnectionFactories.instantiate(factoryClass, brokerUrl);
        } else if (provider.equalsIgnoreCase("activemq")) {
            factory = ActiveMqTls.configured(config)
                    ? () -> ActiveMqTls.factory(config, brokerUrl)
                    : () -> new org.apache.activemq.ActiveMQConnectionFactory(brokerUrl);
        } else if (provider.equalsIgnoreCase("artemis")) {
            factory = () -> ConnectionFactories.instantiate(
                    "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory", brokerUrl);
        } else {
            throw new ConfigException(ConfigKeys.JMS_PROVIDER + " = '" + provider
                    + "' is not known; use activemq or artemis, or name a ConnectionFactory class in "
                    + ConfigKeys.JMS_CONNECTION_FACTORY);
        }
        QueueObservation observation = config.get(ConfigKeys.JMS_QUEUE_OBSERVATION)
                .map(QueueObservation::parse).orElse(defaultObservation);
        String address = brokerUrl.isBlank() && factoryClass != null ? factoryClass : Secrets.redactUrls(brokerUrl);
        return new JmsSettings(factory, address, config.get(ConfigKeys.JMS_USER).orElse(null),
                config.get(ConfigKeys.JMS_PASSWORD).orElse(null),
                config.duration(ConfigKeys.JMS_TIMEOUT, DEFAULT_TIMEOUT), observation,
                config.string(ConfigKeys.JMS_MIRROR_PREFIX, DEFAULT_MIRROR_PREFIX),
                config.duration(ConfigKeys.JMS_BROWSE_INTERVAL, Duration.ofMillis(100)));
    }

    public JmsSettings withCredentials(String u, String p) {
        return new JmsSettings(factory, address, u, p, timeout, queueObservation, mirrorPrefix, browseInterval);
    }

    public JmsSettings withTimeout(Duration t) {
        return new JmsSettings(factory, address, user, password, t, queueObservation, mirrorPrefix, browseInterval);
    }

    public JmsSettings withQueueObservation(QueueObservation o) {
        return new JmsSettings(factory, address, user, password, timeout, o, mirrorPrefix, browseInterval);
    }

    public JmsSettings withMirrorPrefix(String prefix) {
        return new JmsSettings(factory, address, user, password, timeout, queueObservation, prefix, browseInterval);
    }

    public JmsSettings withBrowseInterval(Duration interval) {
        return new JmsSettings(factory, address, user, password, timeout, queueObservation, mirrorPrefix, interval);
    }

    @Override
    public String toString() {
        return "JmsSettings{address=" + address + ", user=" + user + ", password=" + (password == null ? "none" : "******")
                + ", timeout=" + timeout + ", queueObservation=" + queueObservation + "}";
    }
}
