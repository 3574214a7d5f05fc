package io.sitkit.kafka.embedded;

import io.sitkit.config.Secrets;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the client listener of an {@link EmbeddedKafkaBroker} is secured: plain (the default),
 * SASL/SCRAM-SHA-512 over TLS, or mutual TLS. TLS certificates are generated when the broker
 * starts; SCRAM users are written into the KRaft bootstrap records when the data dir is formatted.
 *
 * <pre>{@code
 * EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
 *         .withSecurity(EmbeddedKafkaSecurity.saslScramTls(Map.of("alice", "alice-secret")));
 * }</pre>
 *
 * <p>{@link #toString()} masks the passwords. Thread-safety: immutable.
 *
 * @param mode  how clients connect
 * @param users SCRAM-SHA-512 users and their passwords ({@link Mode#SASL_SCRAM_TLS} only)
 */
public record EmbeddedKafkaSecurity(Mode mode, Map<String, String> users) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.@+\\-]+");

    /** How clients connect to the broker. */
    public enum Mode {
        /** {@code PLAINTEXT}: no encryption, no authentication. */
        NONE("none", "PLAINTEXT"),
        /** {@code SASL_SSL} with mechanism {@code SCRAM-SHA-512}. */
        SASL_SCRAM_TLS("sasl-scram-tls", "SASL_SSL"),
        /** {@code SSL} with {@code ssl.client.auth=required}: clients present a trusted certificate. */
        MUTUAL_TLS("mutual-tls", "SSL");

        private final String configName;
        private final String protocol;

        Mode(String configName, String protocol) {
            this.configName = configName;
            this.protocol = protocol;
        }

        /** The name used in configuration: {@code none}, {@code sasl-scram-tls}, {@code mutual-tls}. */
        public String configName() {
            return configName;
        }

        /** Kafka's {@code security.protocol} of the listener. */
        public String protocol() {
            return protocol;
        }

        /** Parses a {@link #configName()}, case-insensitively. */
        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.configName.equalsIgnoreCase(name.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown embedded Kafka security '" + name
                    + "'; use none, sasl-scram-tls or mutual-tls");
        }
    }

    public EmbeddedKafkaSecurity {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(users, "users must not be null; use Map.of()");
        if (mode == Mode.SASL_SCRAM_TLS && users.isEmpty()) {
            throw new IllegalArgumentException("SASL/SCRAM needs at least one user");
        }
        if (mode != Mode.SASL_SCRAM_TLS && !users.isEmpty()) {
            throw new IllegalArgumentException("users are only for sasl-scram-tls but the mode is " + mode.configName());
        }
        users.forEach((user, password) -> {
            if (user == null || !SAFE.matcher(user).matches()) {
                throw new IllegalArgumentException("SCRAM user names may use letters, digits and _.@+- but was '" + user + "'");
            }
            if (user.equals(ListenerSecurity.BROKER_USER)) {
                throw new IllegalArgumentException("SCRAM user '" + user + "' is the broker's own; pick another name");
            }
            if (password == null || !SAFE.matcher(password).matches()) {
                throw new IllegalArgumentException("the password of SCRAM user '" + user
                        + "' must be non-empty and use only letters, digits and _.@+-");
            }
        });
        users = Map.copyOf(users);
    }

    /** A plain listener. */
    public static EmbeddedKafkaSecurity none() {
        return new EmbeddedKafkaSecurity(Mode.NONE, Map.of());
    }

    /** SASL/SCRAM-SHA-512 over TLS with these users (name → password). */
    public static EmbeddedKafkaSecurity saslScramTls(Map<String, String> users) {
        return new EmbeddedKafkaSecurity(Mode.SASL_SCRAM_TLS, users);
    }

    /** TLS with client certificates required. */
    public static EmbeddedKafkaSecurity mutualTls() {
        return new EmbeddedKafkaSecurity(Mode.MUTUAL_TLS, Map.of());
    }

    /** The {@code sasl.jaas.config} of a SCRAM client logging in as {@code user}. */
    public static String jaasConfig(String user, String password) {
        return ListenerSecurity.scramJaas(user, password);
    }

    boolean usesTls() {
        return mode != Mode.NONE;
    }

    /**
     * The name of the client listener on every node ({@code PLAINTEXT}, {@code SASLSCRAMTLS} or
     * {@code MUTUALTLS}), for broker properties that name it, e.g. {@code node.2.advertised.listeners}.
     */
    public String listenerName() {
        return mode == Mode.NONE ? "PLAINTEXT" : mode.name().replace("_", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        users.forEach((u, p) -> shown.put(u, Secrets.MASK));
        return "EmbeddedKafkaSecurity[" + mode.configName() + (shown.isEmpty() ? "" : ", users=" + shown) + "]";
    }
}
