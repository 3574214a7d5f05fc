package io.sitkit.fx.ui;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector's writes and providers through its real window on headless Monocle: create, delete
 * and purge from the Destinations menu, a locked connection's refusal, export and import, a sample
 * from a JSON Schema and an .avsc decode, and a JMS profile found through JNDI. Writes the export
 * dialog screenshot.
 */
class InspectorWritesUiIT extends InspectorWindowTest {
    @Test
    @Order(1)
    void connects_the_sandbox_and_a_protected_staging_profile() {
        chooseProfile("UI sandbox");
        until(() -> vm.connections().size() == 1);
        DemoTraffic.publishOrders(sandbox().bus(), 25, 7);
        fx(() -> vm.connections().get(0).refresh());
        String bootstrap = sandbox().environment().kafkaBootstrapServers().orElseThrow();
        fx(() -> vm.saveProfile(ConnectionProfile.kafka("Staging", bootstrap).protectedAs("staging")));
        chooseProfile("Staging");

        until(() -> vm.connections().size() == 2 && !vm.connections().get(1).allDestinations().isEmpty());
        clickDestination("demo.orders", 0);
        until(() -> table().getItems().size() == 25);
        assertThat(fx(() -> vm.connections().get(1).lockedProperty().get())).isTrue();
    }

    @Test
    @Order(8)
    void the_destinations_menu_creates_and_deletes_a_topic_and_purges_a_queue() {
        Connection c = sandbox();
        for (int i = 0; i < 3; i++) {
            c.bus().publish(OutgoingMessage.text("jms:queue:ui-purge", "{\"n\":" + i + "}"));
        }
        fx(() -> vm.connections().get(0).refresh());
        clickDestination("demo.orders", 0);

        chooseMenuItem("#destinationsMenu", "New topic…");
        until(() -> robot.lookup("#newTopicName").tryQuery().isPresent());
        robot.clickOn("#newTopicName").write("ui-created");
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> partitions = robot.lookup("#newTopicPartitions").queryAs(javafx.scene.control.Spinner.class);
            partitions.getValueFactory().setValue(2);
            return null;
        });
        clickDialogButton("OK");
        until(() -> robot.lookup(".dest-summary").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("2 partitions · 0 messages")));
        assertThat(text("#connectionStatus")).isEqualTo("Created topic kafka:ui-created with 2 partitions");

        clickDestination("ui-created", 0);
        chooseMenuItem("#destinationsMenu", "Delete topic…");
        until(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText()))
                .isEqualTo("Delete topic kafka:ui-created?");
        clickDialogButton("OK");
        until(() -> !listed("ui-created"));
        assertThat(text("#connectionStatus")).isEqualTo("Deleted topic kafka:ui-created");

        clickDestination("ui-purge", 0);
        chooseMenuItem("#destinationsMenu", "Purge queue…");
        clickDialogButton("OK");
        until(() -> text("#connectionStatus").equals("Purged 3 messages from jms:queue:ui-purge"));
        assertThat(c.bus().jms().depth(Destination.jmsQueue("ui-purge"))).isZero();
    }

    @Test
    @Order(9)
    void a_locked_connection_refuses_to_delete_a_topic_without_asking_first() throws Exception {
        fx(() -> {
            vm.connections().get(1).lock();
            return null;
        });
        clickDestination("demo.payments", 1);

        chooseMenuItem("#destinationsMenu", "Delete topic…");

        until(() -> robot.lookup(".dialog-pane .content").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()))
                .isEqualTo("refused to delete topic kafka:demo.payments: environment 'staging' is protected; use Unlock… and type its name to allow this");
        clickDialogButton("OK");
        assertThat(listed("demo.payments")).isTrue();
        assertThat(Files.readAllLines(config.resolve("audit.jsonl"))).noneMatch(l -> l.contains("\"environment\":\"staging\",\"action\":\"delete"));
    }

    @Test
    @Order(10)
    void selected_rows_are_exported_to_csv_and_imported_into_a_new_topic() {
        clickDestination("demo.orders", 0);
        until(() -> table().getItems().size() > 2);
        fx(() -> {
            table().getSelectionModel().clearSelection();
            return null;
        });
        robot.clickOn(row(0));
        robot.press(KeyCode.CONTROL).clickOn(row(1)).release(KeyCode.CONTROL);
        Path file = config.resolve("ui-export.csv");

        robot.clickOn("#exportButton");
        until(() -> robot.lookup("#transferFile").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#exportSelected").queryAs(javafx.scene.control.RadioButton.class).isSelected())).isTrue();
        fill("#transferFile", file.toString());
        fx(() -> {
            robot.lookup("#exportFormat").queryAs(javafx.scene.control.ChoiceBox.class).getSelectionModel().select(1);
            return null;
        });
        robot.clickOn("#exportRun");
        until(() -> text("#transferMessage").equals("Exported 2 messages to " + file + " (CSV (.csv))"));
        Scene dialog = robot.lookup("#transferFile").query().getScene();
        shoot("6-export-dialog.png", dialog);
        fx(() -> {
            ((Stage) dialog.getWindow()).close();
            return null;
        });

        robot.clickOn("#importButton");
        until(() -> robot.lookup("#importInto").tryQuery().isPresent());
        fill("#transferFile", file.toString());
        fx(() -> {
            robot.lookup("#importInto").queryAs(TextInputControl.class).setText("kafka:ui-imported");
            return null;
        });
        robot.clickOn("#importRun");

        until(() -> text("#transferMessage").equals("Imported 2 messages from ui-export.csv into kafka:ui-imported (audited)"));
        until(() -> listed("ui-imported"));
        assertThat(sandbox().bus().kafka().listDestinations()).filteredOn(i -> i.destination().name().equals("ui-imported"))
                .singleElement().satisfies(i -> assertThat(i.messageCount()).isEqualTo(2));
    }

    @Test
    @Order(11)
    void inject_samples_a_payload_from_a_json_schema_and_a_topic_decodes_with_a_chosen_avsc() throws Exception {
        Path schema = Files.writeString(config.resolve("payment.schema.json"), io.sitkit.fx.SchemaFiles.PAYMENT_SCHEMA);
        Path avsc = Files.writeString(config.resolve("shipment.avsc"), io.sitkit.fx.SchemaFiles.SHIPMENT_AVSC);
        new io.sitkit.fx.service.Injector(sandbox()).send(io.sitkit.fx.service.InjectRequest.avroPlain(Destination.kafka("ui-shipments"),
                io.sitkit.fx.service.InjectSchema.load(avsc, Optional.empty()), "{\"shipmentId\":\"s-1\",\"parcels\":4}"));
        fx(() -> vm.connections().get(0).refresh());
        clickDestination("demo.payments", 0);

        robot.clickOn("#injectButton");
        until(() -> robot.lookup("#injectSchemaFile").tryQuery().isPresent());
        fill("#injectSchemaFile", schema.toString());
        robot.clickOn("#injectSample");
        until(() -> text("#injectMessage").equals("Sample from JSON Schema payment.schema.json"));
        assertThat(text("#injectPayload")).startsWith("{\n  \"paymentId\" : \"p-");
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> copies = robot.lookup("#injectCopies").queryAs(javafx.scene.control.Spinner.class);
            copies.getValueFactory().setValue(3);
            return null;
        });
        robot.clickOn("#injectSend");
        until(() -> text("#injectMessage").equals("Sent 3 messages to kafka:demo.payments (audited)"));
        assertThat(text("#injectChecks")).isEqualTo("checks against JSON Schema payment.schema.json");
        Stage inject = (Stage) robot.lookup("#injectPayload").query().getScene().getWindow();
        fx(() -> {
            inject.close();
            return null;
        });

        clickDestination("ui-shipments", 0);
        until(() -> table().getItems().size() == 1);
        robot.clickOn("#decodeSchema");
        until(() -> robot.lookup("#avroSchemaFile").tryQuery().isPresent());
        fill("#avroSchemaFile", avsc.toString());
        clickDialogButton("OK");

        until(() -> table().getItems().size() == 1 && table().getItems().get(0).preview().equals("{\"shipmentId\":\"s-1\",\"parcels\":4}"));
        assertThat(fx(() -> robot.lookup("#decoderChoice").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(io.sitkit.fx.service.DecoderChoice.AVRO_SCHEMA);
    }

    @Test
    @Order(12)
    void a_jms_profile_of_any_provider_connects_through_a_jndi_lookup() {
        String url = sandbox().environment().jmsBrokerUrl().orElseThrow();
        chooseMenuItem("#connectMenu", "New profile…");
        until(() -> robot.lookup("#profileName").tryQuery().isPresent());
        robot.clickOn("#profileName").write("MQ by JNDI");
        fx(() -> {
            robot.lookup("#profileKind").queryAs(javafx.scene.control.ChoiceBox.class).setValue(ConnectionProfile.Kind.JMS);
            robot.lookup("#profileJmsProvider").queryAs(javafx.scene.control.ChoiceBox.class).setValue("jndi");
            return null;
        });
        fill("#profileJndiName", "ConnectionFactory");
        fx(() -> {
            robot.lookup("#profileJndiProperties").queryAs(TextInputControl.class).setText(
                    "java.naming.factory.initial=org.apache.activemq.jndi.ActiveMQInitialContextFactory\njava.naming.provider.url=" + url);
            return null;
        });
        clickDialogButton("OK");

        until(() -> vm.connections().size() == 3 && !vm.connections().get(2).allDestinations().isEmpty());
        assertThat(fx(() -> vm.connections().get(2).connection().describe())).isEqualTo("JMS JNDI ConnectionFactory at " + url);
        clickDestination("demo.payment-requests", 2);
        until(() -> table().getItems().size() > 0);
        assertThat(fx(() -> vm.profiles().stream().map(ConnectionProfile::address).toList())).contains("JNDI ConnectionFactory");
    }
}
