package io.sitkit.fx.viewmodel;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.fx.service.ConnectionProfile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "new connection profile" form: name, kind, addresses, credentials, Kafka client properties,
 * protection and demo traffic; {@link #build()} turns it into a {@link ConnectionProfile}, moving
 * every sensitive value (the password, any client property that names a secret) into the
 * profile's secrets so it is never shown or saved in plain text.
 *
 * <pre>{@code
 * ProfileFormViewModel f = new ProfileFormViewModel();
 * f.kindProperty().set(ConnectionProfile.Kind.JMS);
 * f.jmsUrlProperty().set("tcp://mq:61616");
 * ConnectionProfile p = f.build();
 * f.jmsProviderProperty().set("jndi");    // any provider: a JNDI lookup (or "class": its ConnectionFactory class)
 * f.jndiNameProperty().set("ConnectionFactory");
 * f.jndiPropertiesProperty().set("java.naming.factory.initial=com.example.jndi.ExampleContextFactory");
 * f.clientJarsProperty().set("/opt/example/example-jms-client.jar");
 * }</pre>
 *
 * <p>Thread-safety: UI thread only.
 */
public final class ProfileFormViewModel {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ConnectionProfile.Kind> kind = new SimpleObjectProperty<>(this, "kind", ConnectionProfile.Kind.KAFKA);
    private final StringProperty bootstrap = new SimpleStringProperty(this, "bootstrap", "");
    private final StringProperty registryUrl = new SimpleStringProperty(this, "registryUrl", "");
    private final StringProperty clientProperties = new SimpleStringProperty(this, "clientProperties", "");
    private final StringProperty jmsUrl = new SimpleStringProperty(this, "jmsUrl", "");
    private final StringProperty jmsUser = new SimpleStringProperty(this, "jmsUser", "");
    private final StringProperty jmsPassword = new SimpleStringProperty(this, "jmsPassword", "");
    private final StringProperty jmsProvider = new SimpleStringProperty(this, "jmsProvider", "activemq");
    private final StringProperty factoryClass = new SimpleStringProperty(this, "factoryClass", "");
    private final StringProperty jndiName = new SimpleStringProperty(this, "jndiName", "");
    private final StringProperty jndiProperties = new SimpleStringProperty(this, "jndiProperties", "");
    private final StringProperty clientJars = new SimpleStringProperty(this, "clientJars", "");
    private final BooleanProperty protect = new SimpleBooleanProperty(this, "protect", false);
    private final StringProperty environmentName = new SimpleStringProperty(this, "environmentName", "");
    private final BooleanProperty demoTraffic = new SimpleBooleanProperty(this, "demoTraffic", true);

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ConnectionProfile.Kind> kindProperty() {
        return kind;
    }

    public StringProperty bootstrapProperty() {
        return bootstrap;
    }

    public StringProperty registryUrlProperty() {
        return registryUrl;
    }

    /** Kafka client properties, one {@code property=value} per line ({@code security.protocol=SASL_SSL}). */
    public StringProperty clientPropertiesProperty() {
        return clientProperties;
    }

    public StringProperty jmsUrlProperty() {
        return jmsUrl;
    }

    public StringProperty jmsUserProperty() {
        return jmsUser;
    }

    /** Typed into a password field; it becomes a secret of the profile and is never shown again. */
    public StringProperty jmsPasswordProperty() {
        return jmsPassword;
    }

    /**
     * {@code activemq} (Classic) or {@code artemis} by URL; {@code class}: any provider by its
     * {@code ConnectionFactory} class; {@code jndi}: a JNDI lookup.
     */
    public StringProperty jmsProviderProperty() {
        return jmsProvider;
    }

    /** For {@code class}: the provider's {@code jakarta.jms.ConnectionFactory} class, made with the JMS URL when it takes one. */
    public StringProperty factoryClassProperty() {
        return factoryClass;
    }

    /** For {@code jndi}: the name the connection factory is bound to. */
    public StringProperty jndiNameProperty() {
        return jndiName;
    }

    /** For {@code jndi}: the {@code InitialContext} properties, one {@code property=value} per line; a secret one is kept secret. */
    public StringProperty jndiPropertiesProperty() {
        return jndiProperties;
    }

    /** For {@code class} and {@code jndi}: the provider's client jars, one per line (or separated by {@code ;}). */
    public StringProperty clientJarsProperty() {
        return clientJars;
    }

    public BooleanProperty protectProperty() {
        return protect;
    }

    public StringProperty environmentNameProperty() {
        return environmentName;
    }

    public BooleanProperty demoTrafficProperty() {
        return demoTraffic;
    }

    private ConnectionProfile jmsProfile(String n) {
        String url = jmsUrl.get() == null ? "" : jmsUrl.get().strip();
        ConnectionProfile p;
        switch (jmsProvider.get()) {
            case "class" -> {
                if (factoryClass.get().isBlank()) {
                    throw new IllegalArgumentException("name the provider's ConnectionFactory class (e.g. com.example.jms.ExampleConnectionFactory)");
                }
                p = ConnectionProfile.jmsFactory(n, factoryClass.get().strip(), url, jmsUser.get());
            }
            case "jndi" -> {
                if (jndiName.get().isBlank()) {
                    throw new IllegalArgumentException("give the JNDI name the connection factory is bound to (e.g. ConnectionFactory)");
                }
                p = ConnectionProfile.jmsJndi(n, jndiName.get().strip(), properties("JNDI property", jndiProperties.get()), jmsUser.get());
            }
            default -> {
                if (url.isBlank()) {
                    throw new IllegalArgumentException("a JMS profile needs the broker URL (tcp://host:61616)");
                }
                return ConnectionProfile.jms(n, url, jmsUser.get()).withSetting(ConfigKeys.JMS_PROVIDER, jmsProvider.get());
            }
        }
        List<Path> jars = new ArrayList<>();
        for (String jar : clientJars.get().split("[;\\n]")) {
            if (!jar.isBlank()) {
                jars.add(Path.of(jar.strip()));
            }
        }
        return jars.isEmpty() ? p : p.withClientJars(jars);
    }

    /** {@code property=value} lines, blank lines and {@code #} comments skipped. */
    private static Map<String, String> properties(String what, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " '" + line + "' is not property=value");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * The profile the form describes.
     *
     * @throws IllegalArgumentException naming the missing or malformed field
     */
    public ConnectionProfile build() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("give the profile a name");
        }
        ConnectionProfile p = switch (kind.get()) {
            case SANDBOX -> ConnectionProfile.sandbox(n, demoTraffic.get());
            case KAFKA -> {
                if (bootstrap.get().isBlank()) {
                    throw new IllegalArgumentException("a Kafka profile needs bootstrap servers (host:port, …)");
                }
                yield ConnectionProfile.kafka(n, bootstrap.get().strip());
            }
            case JMS -> jmsProfile(n);
        };
        if (kind.get() == ConnectionProfile.Kind.JMS && !jmsPassword.get().isEmpty()) {
            p = p.withSecret(ConfigKeys.JMS_PASSWORD, jmsPassword.get());
        }
        if (kind.get() == ConnectionProfile.Kind.KAFKA) {
            p = p.withSetting(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl.get().strip());
            for (Map.Entry<String, String> e : properties("client property", clientProperties.get()).entrySet()) {
                String key = ConfigKeys.KAFKA_CLIENT_PREFIX + e.getKey();
                p = Secrets.isSensitive(key) ? p.withSecret(key, e.getValue()) : p.withSetting(key, e.getValue());
            }
        }
        if (protect.get()) {
            String env = environmentName.get() == null || environmentName.get().isBlank() ? n : environmentName.get().strip();
            p = p.protectedAs(env);
        }
        return p;
    }
}
