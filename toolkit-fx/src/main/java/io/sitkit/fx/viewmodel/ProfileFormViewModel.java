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

    /** {@code activemq} (Classic) or {@code artemis}. */
    public StringProperty jmsProviderProperty() {
        return jmsProvider;
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
            case JMS -> {
                if (jmsUrl.get().isBlank()) {
                    throw new IllegalArgumentException("a JMS profile needs the broker URL (tcp://host:61616)");
                }
                yield ConnectionProfile.jms(n, jmsUrl.get().strip(), jmsUser.get())
                        .withSetting(ConfigKeys.JMS_PROVIDER, jmsProvider.get());
            }
        };
        if (kind.get() == ConnectionProfile.Kind.JMS && !jmsPassword.get().isEmpty()) {
            p = p.withSecret(ConfigKeys.JMS_PASSWORD, jmsPassword.get());
        }
        if (kind.get() == ConnectionProfile.Kind.KAFKA) {
            p = p.withSetting(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl.get().strip());
            String[] lines = clientProperties.get().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("client property line " + (i + 1) + " '" + line + "' is not property=value");
                }
                String key = ConfigKeys.KAFKA_CLIENT_PREFIX + line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                p = Secrets.isSensitive(key) ? p.withSecret(key, value) : p.withSetting(key, value);
            }
        }
        if (protect.get()) {
            String env = environmentName.get() == null || environmentName.get().isBlank() ? n : environmentName.get().strip();
            p = p.protectedAs(env);
        }
        return p;
    }
}
