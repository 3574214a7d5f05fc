package io.sitkit.fx.view;

import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.viewmodel.ProfileFormViewModel;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The "new connection profile" dialog, bound to a {@link ProfileFormViewModel}. The password is a
 * {@code PasswordField}: what is typed is never shown and becomes a secret of the profile.
 *
 * <p>Thread-safety: FX thread only.
 */
final class ProfileDialog {
    private ProfileDialog() {
    }

    static Optional<ConnectionProfile> show(Window owner, Consumer<String> onError) {
        ProfileFormViewModel f = new ProfileFormViewModel();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New connection profile");
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().add(MainView.CSS);
        ChoiceBox<ConnectionProfile.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(ConnectionProfile.Kind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ConnectionProfile.Kind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ConnectionProfile.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(f.kindProperty());
        kind.setId("profileKind");
        ChoiceBox<String> provider = new ChoiceBox<>();
        provider.setId("profileJmsProvider");
        provider.getItems().setAll("activemq", "artemis", "class", "jndi");
        java.util.Map<String, String> providerLabels = java.util.Map.of("activemq", "ActiveMQ Classic (by URL)", "artemis", "Artemis (by URL)",
                "class", "Any provider: its ConnectionFactory class", "jndi", "Any provider: a JNDI lookup");
        provider.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String p) {
                return p == null ? "" : providerLabels.getOrDefault(p, p);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        provider.valueProperty().bindBidirectional(f.jmsProviderProperty());
        TextField factoryClass = text(f.factoryClassProperty(), "com.example.jms.ExampleConnectionFactory (made with the JMS URL if it takes one)");
        factoryClass.setId("profileFactoryClass");
        factoryClass.disableProperty().bind(f.jmsProviderProperty().isNotEqualTo("class"));
        TextField jndiName = text(f.jndiNameProperty(), "ConnectionFactory");
        jndiName.setId("profileJndiName");
        TextArea jndi = new TextArea();
        jndi.setId("profileJndiProperties");
        jndi.setPrefRowCount(3);
        jndi.setPromptText("java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory\n"
                + "java.naming.provider.url=tcp://host:61616");
        jndi.textProperty().bindBidirectional(f.jndiPropertiesProperty());
        for (javafx.scene.control.Control c : java.util.List.of(jndiName, jndi)) {
            c.disableProperty().bind(f.jmsProviderProperty().isNotEqualTo("jndi"));
        }
        TextField jars = text(f.clientJarsProperty(), "/opt/provider/client.jar;/opt/provider/deps.jar (not needed on the class path)");
        jars.setId("profileClientJars");
        jars.disableProperty().bind(f.jmsProviderProperty().isNotEqualTo("class").and(f.jmsProviderProperty().isNotEqualTo("jndi")));
        TextArea client = new TextArea();
        client.setId("profileClientProperties");
        client.setPrefRowCount(3);
        client.setPromptText("security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=… (kept secret)");
        client.textProperty().bindBidirectional(f.clientPropertiesProperty());
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(f.jmsPasswordProperty());
        CheckBox protect = new CheckBox("Protected (read-only until unlocked by typing the environment name)");
        protect.selectedProperty().bindBidirectional(f.protectProperty());
        CheckBox demo = new CheckBox("Start demo traffic (orders and payments across Kafka and JMS)");
        demo.selectedProperty().bindBidirectional(f.demoTrafficProperty());

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        int r = 0;
        TextField name = text(f.nameProperty(), "e.g. staging");
        name.setId("profileName");
        g.addRow(r++, new Label("Name"), name);
        g.addRow(r++, new Label("Kind"), kind);
        g.addRow(r++, new Label("Bootstrap servers"), text(f.bootstrapProperty(), "host:9092,host2:9092"));
        g.addRow(r++, new Label("Schema registry URL"), text(f.registryUrlProperty(), "https://registry:8081 (optional)"));
        g.addRow(r++, new Label("Kafka client properties"), client);
        TextField jmsUrl = text(f.jmsUrlProperty(), "tcp://host:61616");
        jmsUrl.setId("profileJmsUrl");
        g.addRow(r++, new Label("JMS URL"), jmsUrl);
        g.addRow(r++, new Label("JMS provider"), provider);
        g.addRow(r++, new Label("Factory class"), factoryClass);
        g.addRow(r++, new Label("JNDI name"), jndiName);
        g.addRow(r++, new Label("JNDI properties"), jndi);
        g.addRow(r++, new Label("Client jars"), jars);
        g.addRow(r++, new Label("JMS user"), text(f.jmsUserProperty(), ""));
        g.addRow(r++, new Label("JMS password"), password);
        g.addRow(r++, new Label(), protect);
        g.addRow(r++, new Label("Environment name"), text(f.environmentNameProperty(), "typed to unlock; defaults to the profile name"));
        g.addRow(r++, new Label(), demo);
        d.getDialogPane().setContent(g);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                f.build();
            } catch (RuntimeException ex) {
                onError.accept(ex.getMessage());
                e.consume();
            }
        });
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> f.build());
    }

    private static TextField text(javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setPromptText(prompt);
        t.setPrefWidth(380);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
