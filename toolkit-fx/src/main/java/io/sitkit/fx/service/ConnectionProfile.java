package io.sitkit.fx.service;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.config.SitkitConfig;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A saved way to connect: the embedded sandbox, an external Kafka cluster or a JMS broker, written
 * as sitkit configuration keys (README "Configuration") so the core opens it exactly as it would
 * from a properties file. Secrets (passwords, tokens, JAAS configs — whatever
 * {@link Secrets#isSensitive} calls one) are kept apart from the settings: they are never shown,
 * never printed, and saved only encrypted (see {@link ProfileStore}).
 *
 * <pre>{@code
 * ConnectionProfile staging = ConnectionProfile.jms("staging JMS", "tcp://mq:61616", "tester")
 *         .withSecret("sitkit.jms.password", typed)
 *         .protectedAs("staging");
 * ConnectionProfile any = ConnectionProfile.jmsFactory("mq", "com.example.jms.ExampleConnectionFactory", "mq://host:7676", "app")
 *         .withClientJars(List.of(Path.of("/opt/example/example-jms-client.jar")));
 * }</pre>
 *
 * <p>Thread-safety: immutable; every {@code with…} returns a new instance.
 *
 * @param name            shown in the tree and used as the profile's id
 * @param kind            what it connects to
 * @param settings        sitkit configuration keys and values, none of them secret
 * @param secrets         secret keys and values known now (entered or decrypted)
 * @param requiredSecrets secret keys the profile needs; those missing from {@code secrets} are asked for at connect
 */
public record ConnectionProfile(String name, Kind kind, Map<String, String> settings, Map<String, String> secrets,
                                Set<String> requiredSecrets) {
    /** Setting of the sandbox: whether it starts the demo traffic generator. */
    public static final String DEMO_TRAFFIC = "sitkit.fx.demo-traffic";

    /** What a profile connects to. */
    public enum Kind {
        SANDBOX("Embedded sandbox"), KAFKA("Kafka cluster"), JMS("JMS broker");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** For people: "Kafka cluster". */
        public String label() {
            return label;
        }
    }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a connection profile needs a name");
        }
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
        TreeSet<String> required = new TreeSet<>(requiredSecrets);
        required.addAll(secrets.keySet());
        requiredSecrets = Collections.unmodifiableSet(required);
        settings.forEach((k, v) -> {
            if (!k.startsWith("sitkit.")) {
                throw new IllegalArgumentException("profile '" + name + "': setting '" + k + "' is not a sitkit key;"
                        + " Kafka client properties are written sitkit.kafka.client.<property>");
            }
            if (Secrets.isSensitive(k) && !k.startsWith(CorrelationSettings.RULE)) { // a rule's key names a destination, not a secret
                throw new IllegalArgumentException("profile '" + name + "': '" + k + "' is a secret; set it with"
                        + " withSecret so it is never shown and saved only encrypted");
            }
            Objects.requireNonNull(v, k);
        });
    }

    /** The embedded sandbox: Kafka and ActiveMQ in this JVM, optionally with demo traffic. */
    public static ConnectionProfile sandbox(String name, boolean demoTraffic) {
        return new ConnectionProfile(name, Kind.SANDBOX, Map.of(DEMO_TRAFFIC, Boolean.toString(demoTraffic)), Map.of(), Set.of());
    }

    /** An external Kafka cluster; add security with {@code withSetting("sitkit.kafka.client.…")} and secrets. */
    public static ConnectionProfile kafka(String name, String bootstrapServers) {
        return new ConnectionProfile(name, Kind.KAFKA, Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers), Map.of(), Set.of());
    }

    /** A JMS broker by URL (ActiveMQ Classic by default; {@code sitkit.jms.provider=artemis} for Artemis). */
    public static ConnectionProfile jms(String name, String url, String user) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(ConfigKeys.JMS_URL, url);
        if (user != null && !user.isBlank()) {
            s.put(ConfigKeys.JMS_USER, user);
        }
        return new ConnectionProfile(name, Kind.JMS, s, Map.of(), Set.of());
    }

    /**
     * A JMS broker of any provider by its {@code ConnectionFactory} class, made by reflection — with
     * {@code url} when the class has a {@code (String)} constructor, else with none; add the
     * provider's jars with {@link #withClientJars}.
     */
    public static ConnectionProfile jmsFactory(String name, String factoryClass, String url, String user) {
        ConnectionProfile p = new ConnectionProfile(name, Kind.JMS, Map.of(ConfigKeys.JMS_CONNECTION_FACTORY, factoryClass), Map.of(), Set.of())
                .withSetting(ConfigKeys.JMS_URL, url);
        return user == null || user.isBlank() ? p : p.withSetting(ConfigKeys.JMS_USER, user);
    }

    /**
     * A JMS broker whose connection factory is looked up in JNDI under {@code jndiName}, with
     * {@code environment} as the {@code InitialContext} properties ({@code java.naming.factory.initial},
     * {@code java.naming.provider.url}, …); a property that names a secret is kept as one.
     */
    public static ConnectionProfile jmsJndi(String name, String jndiName, Map<String, String> environment, String user) {
        ConnectionProfile p = new ConnectionProfile(name, Kind.JMS, Map.of(JmsProviders.JNDI_NAME, jndiName), Map.of(), Set.of());
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String key = JmsProviders.JNDI_PREFIX + e.getKey();
            p = Secrets.isSensitive(key) ? p.withSecret(key, e.getValue()) : p.withSetting(key, e.getValue());
        }
        return user == null || user.isBlank() ? p : p.withSetting(ConfigKeys.JMS_USER, user);
    }

    /** The same profile loading its JMS provider's classes from {@code jars} (its client jar and what that needs). */
    public ConnectionProfile withClientJars(java.util.List<java.nio.file.Path> jars) {
        return withSetting(JmsProviders.CLIENT_JARS, String.join(";", jars.stream().map(java.nio.file.Path::toString).toList()));
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, kind, settings, secrets, requiredSecrets);
    }

    public ConnectionProfile withSetting(String key, String value) {
        Map<String, String> s = new TreeMap<>(settings);
        if (value == null || value.isBlank()) {
            s.remove(key);
        } else {
            s.put(key, value);
        }
        return new ConnectionProfile(name, kind, s, secrets, requiredSecrets);
    }

    /** The same profile knowing one more secret (a password typed in, a decrypted token). */
    public ConnectionProfile withSecret(String key, String value) {
        Map<String, String> s = new TreeMap<>(secrets);
        s.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "secret value"));
        return new ConnectionProfile(name, kind, settings, s, requiredSecrets);
    }

    /** The same profile knowing none of its secrets' values (it still knows which it needs). */
    public ConnectionProfile withoutSecretValues() {
        return new ConnectionProfile(name, kind, settings, Map.of(), requiredSecrets);
    }

    /**
     * Read-only until unlocked: injecting, purging and deleting need {@code environmentName} typed in
     * (the core's {@code sitkit.protection.*}).
     */
    public ConnectionProfile protectedAs(String environmentName) {
        return withSetting(ConfigKeys.PROTECTION_ENABLED, "true").withSetting(ConfigKeys.PROTECTION_ENVIRONMENT_NAME, environmentName);
    }

    public boolean isProtected() {
        return Boolean.parseBoolean(settings.getOrDefault(ConfigKeys.PROTECTION_ENABLED, "false"));
    }

    /** The name typed to unlock a protected profile. */
    public String environmentName() {
        return settings.getOrDefault(ConfigKeys.PROTECTION_ENVIRONMENT_NAME, name);
    }

    public boolean demoTraffic() {
        return Boolean.parseBoolean(settings.getOrDefault(DEMO_TRAFFIC, "false"));
    }

    /** Secrets the profile needs whose values are not known now. */
    public Set<String> missingSecrets() {
        Set<String> missing = new TreeSet<>(requiredSecrets);
        missing.removeAll(secrets.keySet());
        return missing;
    }

    /** Where it points, for the tree: bootstrap servers, the JMS URL or "in this JVM". */
    public String address() {
        return switch (kind) {
            case SANDBOX -> "Kafka and ActiveMQ in this JVM";
            case KAFKA -> settings.getOrDefault(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS, "?");
            case JMS -> settings.containsKey(JmsProviders.JNDI_NAME) ? "JNDI " + settings.get(JmsProviders.JNDI_NAME)
                    : settings.getOrDefault(ConfigKeys.JMS_URL, settings.getOrDefault(ConfigKeys.JMS_CONNECTION_FACTORY, "?"));
        };
    }

    /**
     * The core configuration that opens this profile: its settings and secrets, the environment
     * kind, and {@code auditFile} as {@code sitkit.audit.file} unless the profile names its own.
     *
     * @throws IllegalStateException when a secret is missing
     */
    public SitkitConfig toConfig(Path auditFile) {
        if (!missingSecrets().isEmpty()) {
            throw new IllegalStateException("profile '" + name + "' needs " + missingSecrets() + " before it can connect");
        }
        Map<String, String> c = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (!k.startsWith("sitkit.fx.")) {
                c.put(k, v);
            }
        });
        c.putAll(secrets);
        c.put(ConfigKeys.ENVIRONMENT, kind == Kind.SANDBOX ? "embedded" : "external");
        if (auditFile != null) {
            c.putIfAbsent(ConfigKeys.AUDIT_FILE, auditFile.toString());
        }
        if (kind != Kind.SANDBOX) {
            c.putIfAbsent(ConfigKeys.PROTECTION_ENVIRONMENT_NAME, name);
        }
        return SitkitConfig.of(c);
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + ", " + kind + ", " + Secrets.mask(settings) + ", secrets " + requiredSecrets + " (values hidden)]";
    }
}
