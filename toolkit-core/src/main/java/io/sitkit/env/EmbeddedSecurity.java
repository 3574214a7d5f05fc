package io.sitkit.env;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads {@code sitkit.embedded.kafka.security} and connects sitkit's own clients to the secured
 * embedded broker: SCRAM as user {@value #KAFKA_USER} with a password made for this run.
 *
 * <p>Thread-safety: stateless.
 */
final class EmbeddedSecurity {
    static final String KAFKA_USER = "sitkit";

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

    /** The settings of sitkit's clients: the configured ones plus what the broker's listener needs. */
    static KafkaSettings kafkaSettings(SitkitConfig config, EmbeddedKafkaBroker broker) {
        KafkaSettings settings = KafkaSettings.from(config, broker.bootstrapServers());
        for (Map.Entry<String, String> e : broker.clientSecurityProperties().entrySet()) {
            settings = settings.withClientProperty(e.getKey(), e.getValue());
        }
        String password = broker.config().security().users().get(KAFKA_USER);
        if (password != null) {
            settings = settings.withClientProperty("sasl.jaas.config", EmbeddedKafkaSecurity.jaasConfig(KAFKA_USER, password));
        }
        return settings;
    }

    static String randomSecret() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
