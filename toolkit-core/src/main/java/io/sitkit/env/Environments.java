package io.sitkit.env;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point: starts the environment that {@code sitkit.environment} names (default {@code embedded}).
 *
 * <pre>{@code
 * try (Environment env = Environments.start(SitkitConfig.load())) { ... }
 * try (Environment env = Environments.embedded()) { ... }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Environments {
    private Environments() {
    }

    /** Starts the configured environment. */
    public static Environment start(SitkitConfig config) {
        String name = config.string(ConfigKeys.ENVIRONMENT, EmbeddedEnvironmentProvider.NAME);
        return provider(name).start(config);
    }

    /** Starts embedded Kafka and ActiveMQ with default settings. */
    public static Environment embedded() {
        return new EmbeddedEnvironmentProvider().start(SitkitConfig.empty());
    }

    /**
     * An external environment from settings built in code, e.g. with a {@code ConnectionFactory}
     * the caller configured itself. Either argument may be null, not both.
     */
    public static Environment external(io.sitkit.kafka.KafkaSettings kafka, io.sitkit.jms.JmsSettings jms) {
        return ExternalEnvironmentProvider.of(SitkitConfig.empty(), kafka, jms);
    }

    /**
     * The same, with everything else — protection, audit, redaction, capture bounds — read from
     * {@code config}; the brokers are the settings given, whatever {@code config} says about them.
     * For a broker reached in a way configuration keys cannot say (a JNDI lookup, a factory from a
     * jar loaded at run time).
     */
    public static Environment external(SitkitConfig config, io.sitkit.kafka.KafkaSettings kafka, io.sitkit.jms.JmsSettings jms) {
        return ExternalEnvironmentProvider.of(java.util.Objects.requireNonNull(config, "config"), kafka, jms);
    }

    /** The provider registered under {@code name}. */
    public static EnvironmentProvider provider(String name) {
        List<String> known = new ArrayList<>();
        for (EnvironmentProvider p : ServiceLoader.load(EnvironmentProvider.class, Environments.class.getClassLoader())) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
            known.add(p.name());
        }
        throw new ConfigException(ConfigKeys.ENVIRONMENT + " = '" + name + "' names no known environment; known: " + known);
    }
}
