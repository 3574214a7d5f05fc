package io.sitkit.fx.ui;

import io.sitkit.env.DemoTraffic;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation view through the real window on headless Monocle: Follow this key… on a message
 * row, the flow drawn as lanes and hops with latencies, the rules dialog adding a JMS rule and an
 * expected route with a gap, a hop's message in the detail pane, and a key typed after Follow key… (Ctrl+K).
 * Writes the correlation view's screenshot.
 */
class CorrelationUiIT extends InspectorWindowTest {
    private static final String ROUTE = "kafka:demo.orders\njms:queue:demo.payment-requests\nkafka:demo.fraud-checks\nkafka:demo.payments";

    /** The correlation window's root, or null while it is not showing. */
    private static Parent view() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && "correlationView".equals(w.getScene().getRoot().getId())).map(w -> w.getScene().getRoot()).findFirst().orElse(null);
    }

    private List<String> texts(String query) {
        return fx(() -> robot.from(view()).lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    private String viewText(String query) {
        return fx(() -> {
            Node n = robot.from(view()).lookup(query).query();
            return n instanceof Label l ? l.getText() : ((TextInputControl) n).getText();
        });
    }

    /** As {@link #until}, for a step in the correlation window: a timeout says what its status line said, and shoots it too. */
    private void untilView(java.util.concurrent.Callable<Boolean> condition) {
        try {
            until(condition);
        } catch (AssertionError e) {
            String status = fx(() -> view() == null ? "(the correlation window is not showing)"
                    : ((Label) robot.from(view()).lookup("#correlationStatus").query()).getText());
            if (fx(() -> view() != null)) {
                fx(() -> Screenshots.failure(view().getScene()));
            }
            throw new AssertionError(e.getMessage() + "; the correlation view said: " + status, e);
        }
    }

    private Node node(String query) {
        return fx(() -> robot.from(view()).lookup(query).query());
    }

    @Test
    @Order(1)
    void follow_this_key_on_a_row_draws_lanes_hops_latencies_and_after_the_rules_a_gap() {
        chooseProfile("UI sandbox");
        until(() -> vm.connections().size() == 1);
        DemoTraffic.publishOrders(sandbox().bus(), 6, 42);
        fx(() -> vm.connections().get(0).refresh());
        clickDestination("demo.orders", 0);
        until(() -> table().getItems().size() == 6);
        robot.clickOn(row(2));
        Node picked = row(2);
        fx(() -> {
            // headless Monocle does not turn a secondary click into a context-menu request, so the request is sent as the platform would
            javafx.geometry.Bounds at = picked.localToScreen(picked.getLayoutBounds());
            javafx.event.Event.fireEvent(picked, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20, 10, at.getMinX() + 20, at.getMinY() + 10, false, null));
            return null;
        });
        until(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(n -> labelText(n).equals("Follow this key…")));
        robot.clickOn(fx(() -> robot.lookup(".menu-item").queryAll().stream().filter(n -> labelText(n).equals("Follow this key…"))
                .findFirst().orElseThrow()));

        untilView(() -> view() != null && texts(".flow-hop-time").size() == 2);
        assertThat(viewText("#correlationKey")).isEqualTo("o-00003");
        assertThat(texts(".flow-lane-title")).containsExactly("kafka:demo.orders", "kafka:demo.payments");
        assertThat(viewText("#correlationRoute")).isEqualTo("No expected route set: no gaps are drawn (Rules… sets one)");
        assertThat(texts(".flow-gap")).isEmpty();

        robot.clickOn(node("#correlationRules"));
        until(() -> robot.lookup("#correlationRouteText").tryQuery().isPresent());
        fx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<String> kind = robot.lookup("#ruleKind-jms_queue_demo_payment_requests").queryAs(ChoiceBox.class);
            kind.setValue("correlationId");
            return null;
        });
        fill("#correlationRouteText", ROUTE);
        clickDialogButton("OK");

        untilView(() -> texts(".flow-hop-time").size() == 3 && texts(".flow-gap").size() == 1);
        assertThat(texts(".flow-lane-title"))
                .containsExactly("kafka:demo.orders", "jms:queue:demo.payment-requests", "kafka:demo.fraud-checks", "kafka:demo.payments");
        assertThat(texts(".flow-latency")).hasSize(2).allSatisfy(l -> assertThat(l).matches("\\+[\\d.,]+ ms"));
        assertThat(texts(".flow-gap")).containsExactly("missing: kafka:demo.fraud-checks");
        assertThat(texts(".flow-hop-key")).containsExactly("o-00003  ·  0 @ 2", "o-00003  ·  #2", "o-00003  ·  0 @ 2");
        assertThat(viewText("#correlationStatus"))
                .matches("3 messages carry o-00003 on 3 destinations · [\\d,]+ messages searched on \\d+ destinations in \\d+\\.\\d s");
        assertThat(viewText("#correlationRoute")).isEqualTo("Expected route: kafka:demo.orders → jms:queue:demo.payment-requests"
                + " → kafka:demo.fraud-checks → kafka:demo.payments · 1 missing");
        assertThat(fx(() -> vm.profiles().stream().filter(p -> p.name().equals("UI sandbox")).findFirst().orElseThrow().settings()))
                .containsEntry("sitkit.fx.correlation.rule.jms:queue:demo.payment-requests", "correlationId")
                .containsEntry("sitkit.fx.correlation.route",
                        "kafka:demo.orders, jms:queue:demo.payment-requests, kafka:demo.fraud-checks, kafka:demo.payments");

        List<Node> hops = fx(() -> List.copyOf(robot.from(view()).lookup(".flow-hop").queryAll()));
        robot.clickOn(hops.get(0));
        until(() -> viewText("#detailTitle").equals("kafka:demo.orders · partition 0 @ 2 · key o-00003"));
        assertThat(viewText("#detailFormat")).startsWith("Avro · io.sitkit.demo.OrderPlaced · schema id 1 · ");
        assertThat(viewText("#payloadText")).contains("\"orderId\" : \"o-00003\"");
        Path shot = fx(() -> Screenshots.write("7-correlation-view.png", view().getScene(), null));
        assertThat(shot).exists().isNotEmptyFile();
    }

    @Test
    @Order(2)
    void a_key_typed_after_follow_key_is_searched_with_the_saved_rules() {
        fx(() -> {
            scene.getWindow().requestFocus();
            return null;
        });
        robot.push(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));   // Tools → Follow key…
        until(() -> view() != null);
        assertThat(fx(() -> robot.from(view()).lookup("#cancelFollow").query().isDisabled())).isTrue();
        fx(() -> {
            ((TextInputControl) robot.from(view()).lookup("#correlationKey").query()).clear();
            return null;
        });
        robot.clickOn(node("#correlationKey")).write("o-00005");
        robot.clickOn(node("#followKey"));
        WaitForAsyncUtils.waitForFxEvents();

        untilView(() -> viewText("#correlationStatus").startsWith("3 messages carry o-00005 on 3 destinations"));
        assertThat(texts(".flow-hop-key")).containsExactly("o-00005  ·  0 @ 4", "o-00005  ·  #4", "o-00005  ·  0 @ 4");
        assertThat(texts(".flow-gap")).containsExactly("missing: kafka:demo.fraud-checks");
    }
}
