package io.sitkit.fx.ui;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.ProfileStore;
import io.sitkit.fx.view.MainView;
import io.sitkit.fx.viewmodel.Background;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import io.sitkit.kafka.OffsetReset;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real inspector window, driven by TestFX on headless Monocle (no X display), against a real
 * embedded sandbox it connects to through its own menu: connect, browse, decode Avro, filter,
 * inject, live tail, diff, and a protected profile's refusal. Writes the README screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectorUiIT {
    private final FxRobot robot = new FxRobot();
    private Path config;
    private Background background;
    private InspectorViewModel vm;
    private Scene scene;

    @BeforeAll
    void start() throws Exception {
        config = Files.createTempDirectory(Path.of("target"), "ui-config");
        ProfileStore store = new ProfileStore(config.resolve("profiles.json"));
        store.save(List.of(ConnectionProfile.sandbox("UI sandbox", false)), Optional.empty());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            background = Background.forFx();
            vm = new InspectorViewModel(background, store, config.resolve("audit.jsonl"), Duration.ofSeconds(2));
            scene = new Scene(new MainView(vm), 1280, 800);
            stage.setScene(scene);
            stage.setTitle("sitkit inspector");
            stage.show();
            vm.loadProfiles();
        });
        until(() -> vm.profiles().size() == 1);
    }

    /** A failed step must not leave a dialog over the window for the next one. */
    @AfterEach
    void closeDialogs() {
        fx(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w instanceof Stage && w != scene.getWindow())
                    .forEach(w -> ((Stage) w).close());
            return null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        fx(() -> {
            vm.close();
            return null;
        });
        background.close();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the FX thread failed", e);
        }
    }

    private void until(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> fx(condition));
        } catch (RuntimeException e) {
            Path shot = fx(() -> Screenshots.failure(scene));
            throw new AssertionError("a UI step timed out; the window at that moment: " + shot.toAbsolutePath(), e);
        }
    }

    private Connection sandbox() {
        return fx(() -> vm.connections().get(0).connection());
    }

    /** Clicks destination {@code name} of the {@code connection}-th connection (tree cells are reused, so scene order says nothing). */
    private void clickDestination(String name, int connection) {
        until(() -> destinationLabel(name, connection) != null);
        robot.clickOn(fx(() -> destinationLabel(name, connection)));
    }

    private Label destinationLabel(String name, int connection) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<Object> tree = robot.lookup("#destinationTree").queryAs(javafx.scene.control.TreeView.class);
        if (tree.getRoot().getChildren().size() <= connection) {
            return null;
        }
        javafx.scene.control.TreeItem<Object> root = tree.getRoot().getChildren().get(connection);
        for (Label l : robot.lookup(".dest-name").queryAllAs(Label.class)) {
            Node n = l;
            while (n != null && !(n instanceof javafx.scene.control.TreeCell)) {
                n = n.getParent();
            }
            if (l.getText().equals(name) && n instanceof javafx.scene.control.TreeCell<?> cell && cell.getTreeItem() != null) {
                javafx.scene.control.TreeItem<?> top = cell.getTreeItem();
                while (top.getParent() != null && top.getParent() != tree.getRoot()) {
                    top = top.getParent();
                }
                if (top == root) {
                    return l;
                }
            }
        }
        return null;
    }

    private static String labelText(Node n) {
        return n.lookupAll(".label").stream().filter(l -> l instanceof Label).map(l -> ((Label) l).getText())
                .filter(t -> t != null).findFirst().orElse("");
    }

    /** Opens the Connect menu and picks the profile whose entry starts with {@code name}. */
    private void chooseProfile(String name) {
        robot.clickOn("#connectMenu");
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(n -> labelText(n).startsWith(name + "  —")));
        Node item = fx(() -> robot.lookup(".menu-item").queryAll().stream().filter(n -> labelText(n).startsWith(name + "  —"))
                .findFirst().orElseThrow());
        robot.clickOn(item);
    }

    /** The table row showing item {@code index} (cells are reused, so their scene order is not the item order). */
    private Node row(int index) {
        until(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .anyMatch(r -> r.getIndex() == index && r.getItem() != null));
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.getItem() != null).findFirst().orElseThrow());
    }

    private String text(String query) {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : ((TextInputControl) n).getText();
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<io.sitkit.fx.service.MessageRow> table() {
        return robot.lookup("#messageTable").queryAs(TableView.class);
    }

    private void shoot(String name, Scene dialog) {
        Path file = fx(() -> Screenshots.write(name, scene, dialog));
        assertThat(file).exists().isNotEmptyFile();
    }

    @Test
    @Order(1)
    void connects_through_the_menu_and_shows_topics_queues_and_consumer_groups() {
        chooseProfile("UI sandbox");
        until(() -> vm.connections().size() == 1);
        Connection c = sandbox();
        DemoTraffic.publishOrders(c.bus(), 24, 42);
        c.bus().kafka().resetOffsets("billing", "demo.orders", OffsetReset.toOffset(17));
        c.bus().kafka().resetOffsets("shipping", "demo.orders", OffsetReset.toOffset(24));
        robot.clickOn("#refresh");

        until(() -> robot.lookup(".dest-summary").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("24 messages · 2 groups (lag 7)")));
        assertThat(fx(() -> robot.lookup(".dest-summary").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("group billing · Empty · lag 7", "24 messages");
        assertThat(text("#inspectorStatus")).startsWith("Connected to 'UI sandbox': Kafka 127.0.0.1:");
        clickDestination("demo.orders", 0);
        until(() -> table().getItems().size() == 24);
        shoot("1-connections-and-destinations.png", null);
    }

    @Test
    @Order(2)
    void browsing_a_topic_decodes_confluent_avro_and_shows_its_headers() {
        clickDestination("demo.orders", 0);
        until(() -> table().getItems().size() == 24);
        robot.clickOn(row(2));

        until(() -> text("#detailFormat").startsWith("Avro · io.sitkit.demo.OrderPlaced · schema id 1 · "));
        assertThat(text("#payloadText")).contains("\"orderId\" : \"o-00003\"");
        assertThat(text("#detailTitle")).isEqualTo("kafka:demo.orders · partition 0 @ 2 · key o-00003");
        assertThat(fx(() -> robot.lookup("#headersTable").queryAs(TableView.class).getItems().size())).isEqualTo(3);
        shoot("3-decoded-avro-with-headers.png", null);
    }

    @Test
    @Order(3)
    void the_filter_bar_scans_off_the_fx_thread_and_shows_only_matches() {
        robot.clickOn("#textFilter").write("MUG-RED");
        robot.clickOn("#jsonPathFilter").write("$[?(@.total > 20)]");
        robot.clickOn("#applyFilter");

        until(() -> text("#messagesStatus").endsWith("scanned messages match (end of destination reached)"));
        assertThat(text("#messagesStatus")).matches("\\d+ of 24 scanned messages match \\(end of destination reached\\)");
        assertThat(fx(() -> table().getItems())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.decoded().text()).contains("MUG-RED"))
                .allSatisfy(r -> assertThat(r.decoded().tree().get("total").asDouble()).isGreaterThan(20));
        robot.clickOn(row(0));
        shoot("2-filtered-table.png", null);
        robot.clickOn("#clearFilter");
        until(() -> table().getItems().size() == 24);
    }

    @Test
    @Order(4)
    void edit_and_resend_injects_an_avro_copy_and_lists_where_it_went() {
        robot.clickOn(row(0));
        robot.clickOn("#resendButton");
        until(() -> robot.lookup("#injectPayload").tryQuery().isPresent());
        TextArea payload = robot.lookup("#injectPayload").queryAs(TextArea.class);
        assertThat(fx(() -> (String) payload.getText())).contains("\"orderId\" : \"o-00001\"");
        fx(() -> {
            payload.setText(payload.getText().replace("\"o-00001\"", "\"o-manual-1\""));
            return null;
        });
        robot.clickOn("#injectValidate");
        until(() -> text("#injectMessage").equals("Valid: 1 message ready for kafka:demo.orders"));
        shoot("4-inject-dialog.png", payload.getScene());

        robot.clickOn("#injectSend");

        until(() -> text("#injectMessage").equals("Sent 1 message to kafka:demo.orders (audited)"));
        List<String> results = fx(() -> List.copyOf(robot.lookup("#injectResults").<String>queryListView().getItems()));
        assertThat(results).containsExactly("kafka:demo.orders[0]@24");
        fx(() -> {
            ((Stage) payload.getScene().getWindow()).close();
            return null;
        });
    }

    @Test
    @Order(5)
    void two_selected_messages_open_a_schema_aware_diff() {
        robot.clickOn("#firstPage");
        until(() -> table().getItems().size() == 25);
        fx(() -> {
            table().scrollTo(0);
            table().getSelectionModel().clearSelection();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(row(0));
        robot.press(KeyCode.CONTROL).clickOn(row(1)).release(KeyCode.CONTROL);
        robot.clickOn("#diffButton");

        until(() -> robot.lookup("#diffSummary").tryQuery().isPresent() && !text("#diffSummary").isEmpty());
        assertThat(text("#diffSummary")).matches("\\d+ differences \\(Avro io.sitkit.demo.OrderPlaced, volatile fields ignored\\)");
        List<String> lines = fx(() -> List.<String>copyOf(robot.lookup("#diffLines").<String>queryListView().getItems()));
        assertThat(lines).contains("$.orderId (string): expected \"o-00001\" but was \"o-00002\"").noneMatch(l -> l.startsWith("$.placedAt"));
        Scene dialog = robot.lookup("#diffLines").query().getScene();
        shoot("5-two-message-diff.png", dialog);
        fx(() -> {
            ((Stage) dialog.getWindow()).close();
            return null;
        });
    }

    @Test
    @Order(6)
    void a_live_tail_shows_new_messages_as_they_arrive() {
        clickDestination("demo.payments", 0);
        robot.clickOn("#liveTail");
        until(() -> text("#messagesStatus").equals("live tail: waiting for new messages"));

        DemoTraffic.publishOrders(sandbox().bus(), 5, 99);

        until(() -> table().getItems().size() == 5);
        assertThat(text("#messagesStatus")).isEqualTo("live tail: 5 received, 5 shown (cap 5,000)");
        robot.clickOn("#liveTail");
        assertThat(text("#messagesStatus")).isEqualTo("live tail stopped · 5 rows");
    }

    @Test
    @Order(7)
    void a_protected_profile_refuses_to_inject_until_its_name_is_typed() throws Exception {
        String bootstrap = sandbox().environment().kafkaBootstrapServers().orElseThrow();
        fx(() -> vm.saveProfile(ConnectionProfile.kafka("Staging", bootstrap).protectedAs("staging")));
        chooseProfile("Staging");
        until(() -> vm.connections().size() == 2 && !vm.connections().get(1).allDestinations().isEmpty());
        clickDestination("demo.payments", 1);
        robot.clickOn("#injectButton");
        until(() -> robot.lookup("#injectPayload").tryQuery().isPresent());
        robot.clickOn("#injectPayload").write("{\"status\":\"MANUAL\"}");

        robot.clickOn("#injectSend");

        until(() -> text("#injectMessage").startsWith("refused to inject into kafka:demo.payments: environment 'staging' is protected;"));
        assertThat(Files.readAllLines(config.resolve("audit.jsonl"))).noneMatch(l -> l.contains("\"environment\":\"staging\""));
        Stage injectStage = (Stage) robot.lookup("#injectPayload").query().getScene().getWindow();
        fx(() -> {
            injectStage.close();
            return null;
        });
        robot.clickOn("#unlock");
        until(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.clickOn(".dialog-pane .text-field").write("staging");
        robot.clickOn(fx(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow()));
        until(() -> !vm.connections().get(1).lockedProperty().get());
        robot.clickOn("#injectButton");
        until(() -> robot.lookup("#injectPayload").tryQuery().isPresent());
        robot.clickOn("#injectPayload").write("{\"status\":\"MANUAL\"}");
        robot.clickOn("#injectSend");
        until(() -> text("#injectMessage").equals("Sent 1 message to kafka:demo.payments (audited)"));
        assertThat(Files.readAllLines(config.resolve("audit.jsonl"))).filteredOn(l -> l.contains("\"environment\":\"staging\""))
                .singleElement().asString().contains("\"environment\":\"staging\",\"action\":\"publish\",\"destination\":\"kafka:demo.payments\"");
    }

    /** Clicks the button labelled {@code text} in the dialog showing now. */
    private void clickDialogButton(String text) {
        until(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .anyMatch(b -> text.equals(b.getText())));
        robot.clickOn(fx(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow()));
    }

    /** Opens the toolbar's Destinations menu and picks the item labelled {@code label}. */
    private void chooseDestinationAction(String label) {
        robot.clickOn("#destinationsMenu");
        until(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(n -> labelText(n).equals(label)));
        robot.clickOn(fx(() -> robot.lookup(".menu-item").queryAll().stream().filter(n -> labelText(n).equals(label))
                .findFirst().orElseThrow()));
    }

    private boolean listed(String name) {
        return fx(() -> robot.lookup(".dest-name").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(name)));
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

        chooseDestinationAction("New topic…");
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
        chooseDestinationAction("Delete topic…");
        until(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText()))
                .isEqualTo("Delete topic kafka:ui-created?");
        clickDialogButton("OK");
        until(() -> !listed("ui-created"));
        assertThat(text("#connectionStatus")).isEqualTo("Deleted topic kafka:ui-created");

        clickDestination("ui-purge", 0);
        chooseDestinationAction("Purge queue…");
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

        chooseDestinationAction("Delete topic…");

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
        robot.clickOn("#transferFile").write(file.toString());
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
        robot.clickOn("#transferFile").write(file.toString());
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
        robot.clickOn("#injectSchemaFile").write(schema.toString());
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
        robot.clickOn("#avroSchemaFile").write(avsc.toString());
        clickDialogButton("OK");

        until(() -> table().getItems().size() == 1 && table().getItems().get(0).preview().equals("{\"shipmentId\":\"s-1\",\"parcels\":4}"));
        assertThat(fx(() -> robot.lookup("#decoderChoice").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(io.sitkit.fx.service.DecoderChoice.AVRO_SCHEMA);
    }

    @Test
    @Order(12)
    void a_jms_profile_of_any_provider_connects_through_a_jndi_lookup() {
        String url = sandbox().environment().jmsBrokerUrl().orElseThrow();
        robot.clickOn("#newProfile");
        until(() -> robot.lookup("#profileName").tryQuery().isPresent());
        robot.clickOn("#profileName").write("MQ by JNDI");
        fx(() -> {
            robot.lookup("#profileKind").queryAs(javafx.scene.control.ChoiceBox.class).setValue(ConnectionProfile.Kind.JMS);
            robot.lookup("#profileJmsProvider").queryAs(javafx.scene.control.ChoiceBox.class).setValue("jndi");
            return null;
        });
        robot.clickOn("#profileJndiName").write("ConnectionFactory");
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
