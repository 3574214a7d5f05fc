package io.sitkit.env;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads {@code sitkit.embedded.kafka.security} and {@code sitkit.embedded.jms.security} and connects
 * sitkit's own clients to the secured embedded brokers: as user {@value #KAFKA_USER} with a password
 * made for this run, trusting the generated certificates.
 *
 * <p>Thread-safety: stateless.
 */
final class EmbeddedSecurity {
    static final String KAFKA_USER = "sitkit";
    static final String JMS_USER = "sitkit";

    private EmbeddedSecurity() {
    }

    static EmbeddedKafkaSecurity kafka(SitkitConfig config) {
        String name = config.string(ConfigKeys.EMBEDDED_KAFKA_SECURITY, "none");
        EmbeddedKafkaSecurity.Mode mode;
        try {
            mode = EmbeddedKafkaSecurity.Mode.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKeys.EMBEDDED_KAFKA_SECURITY + ": " + e.getMessage());
        }
        return switch (mode) {
            case NONE -> EmbeddedKafkaSecurity.none();
            case MUTUAL_TLS -> EmbeddedKafkaSecurity.mutualTls();
            case SASL_SCRAM_TLS -> EmbeddedKafkaSecurity.saslScramTls(Map.of(KAFKA_USER, randomSecret()));
        };
    }

    /**
     * The settings of sitkit's clients: the configured ones plus what the broker's listener needs.
     *
     * @param bootstrap the broker's own addresses, or those of its proxies
     */
    static KafkaSettings kafkaSettings(SitkitConfig config, EmbeddedKafkaBroker broker, String bootstrap) {
        KafkaSettings settings = KafkaSettings.from(config, bootstrap);
        for (Map.Entry<String, String> e : broker.clientSecurityProperties().entrySet()) {
            settings = settings.withClientProperty(e.getKey(), e.getValue());
        }
        String password = broker.config().security().users().get(KAFKA_USER);
        if (password != null) {
            settings = settings.withClientProperty("sasl.jaas.config", EmbeddedKafkaSecurity.jaasConfig(KAFKA_USER, password));
        }
        return settings;
    }

    static EmbeddedActiveMqSecurity jms(SitkitConfig config) {
        String name = config.string(ConfigKeys.EMBEDDED_JMS_SECURITY, "none").trim().toLowerCase(java.util.Locale.ROOT);
        EmbeddedActiveMqSecurity none = EmbeddedActiveMqSecurity.none();
        return switch (name) {
            case "none" -> none;
            case "password" -> none.withUser(JMS_USER, randomSecret());
            case "tls" -> none.withTls(true);
            case "password-tls" -> none.withUser(JMS_USER, randomSecret()).withTls(true);
            case "mutual-tls" -> none.withMutualTls();
            case "password-mutual-tls" -> none.withUser(JMS_USER, randomSecret()).withMutualTls();
            default -> throw new ConfigException(ConfigKeys.EMBEDDED_JMS_SECURITY + ": unknown embedded JMS security '"
                    + name + "'; use none, password, tls, password-tls, mutual-tls or password-mutual-tls");
        };
    }

    /**
     * The settings of sitkit's JMS clients: credentials, trust store and (mutual TLS) client key store
     * of the secured broker.
     *
     * @param url the broker's own URL, or that of its proxy
     */
    static JmsSettings jmsSettings(SitkitConfig config, EmbeddedActiveMq broker, String url,
                                   EmbeddedActiveMqSecurity security) {
        SitkitConfig c = config.with(ConfigKeys.JMS_PROVIDER, "activemq").with(ConfigKeys.JMS_CONNECTION_FACTORY, null);
        if (broker.tls().isPresent()) {
            c = c.with(ConfigKeys.JMS_SSL_TRUSTSTORE, broker.tls().get().trustStore().toString())
                    .with(ConfigKeys.JMS_SSL_TRUSTSTORE_PASSWORD, broker.tls().get().password());
        }
        if (security.clientCertificates()) {
            c = c.with(ConfigKeys.JMS_SSL_KEYSTORE, broker.tls().orElseThrow().clientKeyStore().toString())
                    .with(ConfigKeys.JMS_SSL_KEYSTORE_PASSWORD, broker.tls().get().password());
        }
        JmsSettings settings = JmsSettings.from(c, url, QueueObservation.MIRROR);
        String password = security.users().get(JMS_USER);
        return password == null ? settings : settings.withCredentials(JMS_USER, password);
    }

    static String randomSecret() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
