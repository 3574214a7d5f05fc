package io.sitkit.fx.ui;

import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.kafka.OffsetReset;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real inspector window, driven by TestFX on headless Monocle (no X display), against a real
 * embedded sandbox it connects to through its own menu: connect, browse, decode Avro, filter,
 * inject, live tail, diff, and a protected profile's refusal. Writes the README screenshots.
 */
class InspectorUiIT extends InspectorWindowTest {
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
        fill("#textFilter", "MUG-RED");
        fill("#jsonPathFilter", "$[?(@.total > 20)]");
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
        fill("#injectPayload", "{\"status\":\"MANUAL\"}");

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
        fill("#injectPayload", "{\"status\":\"MANUAL\"}");
        robot.clickOn("#injectSend");
        until(() -> text("#injectMessage").equals("Sent 1 message to kafka:demo.payments (audited)"));
        assertThat(Files.readAllLines(config.resolve("audit.jsonl"))).filteredOn(l -> l.contains("\"environment\":\"staging\""))
                .singleElement().asString().contains("\"environment\":\"staging\",\"action\":\"publish\",\"destination\":\"kafka:demo.payments\"");
    }

    @Test
    @Order(8)
    void the_toolbar_fits_a_1280_pixel_window_and_its_menus_open_from_the_keyboard() {
        List<String> cut = fx(() -> {
            javafx.scene.layout.HBox bar = robot.lookup("#toolbar").queryAs(javafx.scene.layout.HBox.class);
            List<String> out = new java.util.ArrayList<>();
            if (bar.prefWidth(-1) > Screenshots.WIDTH) {
                out.add("the toolbar wants " + bar.prefWidth(-1) + " px");
            }
            for (javafx.scene.Node n : bar.getChildren()) {
                if (n instanceof javafx.scene.control.Labeled l) {
                    String shown = ((javafx.scene.text.Text) l.lookup(".text")).getText();
                    double right = n.localToScene(n.getBoundsInLocal()).getMaxX();
                    if (!shown.equals(l.getText().replace("_", "")) || right > scene.getWidth()) {
                        out.add("'" + l.getText() + "' shows '" + shown + "' and ends at " + right + " px");
                    }
                }
            }
            return out;
        });
        assertThat(cut).isEmpty();

        fx(() -> {
            scene.getWindow().requestFocus();
            return null;
        });
        robot.push(KeyCode.ALT, KeyCode.T);
        javafx.scene.control.MenuButton tools = robot.lookup("#toolsMenu").queryAs(javafx.scene.control.MenuButton.class);
        until(tools::isShowing);
        assertThat(fx(() -> tools.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("Follow key…", "Stubs…", "Coverage…");
        robot.push(KeyCode.ESCAPE);
        until(() -> !tools.isShowing());
    }
}
