package io.sitkit.env;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import io.sitkit.kafka.KafkaSettings;

import java.util.List;

/**
 * {@code sitkit.environment=external}: brokers someone else runs. Kafka when
 * {@code sitkit.kafka.bootstrap-servers} is set (client security via {@code sitkit.kafka.client.*});
 * JMS when {@code sitkit.jms.url} or {@code sitkit.jms.connection-factory} is set. Queue capture
 * needs {@code sitkit.jms.queue-observation} (default {@code none}: refuse with the fix).
 *
 * <pre>{@code
 * Environment env = Environments.start(SitkitConfig.load().with("sitkit.environment", "external"));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ExternalEnvironmentProvider implements EnvironmentProvider {
    public static final String NAME = "external";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Environment start(SitkitConfig config) {
        KafkaSettings kafka = config.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS).isPresent()
                && config.bool(ConfigKeys.KAFKA_ENABLED, true) ? KafkaSettings.from(config, null) : null;
        boolean jmsConfigured = config.get(ConfigKeys.JMS_URL).isPresent() || config.get(ConfigKeys.JMS_CONNECTION_FACTORY).isPresent();
        JmsSettings jms = jmsConfigured && config.bool(ConfigKeys.JMS_ENABLED, true)
                ? JmsSettings.from(config, config.get(ConfigKeys.JMS_URL).orElse(""), QueueObservation.NONE) : null;
        return of(config, kafka, jms);
    }

    static Environment of(SitkitConfig config, KafkaSettings kafka, JmsSettings jms) {
        if (kafka == null && jms == null) {
            throw new ConfigException("the external environment has no broker: set " + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS
                    + " and/or " + ConfigKeys.JMS_URL + " (env " + ConfigKeys.envName(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS)
                    + ", " + ConfigKeys.envName(ConfigKeys.JMS_URL) + ")");
        }
        return new BaseEnvironment(NAME, config, kafka, jms) {
            @Override
            protected List<AutoCloseable> ownedResources() {
                return List.of();
            }
        };
    }
}
