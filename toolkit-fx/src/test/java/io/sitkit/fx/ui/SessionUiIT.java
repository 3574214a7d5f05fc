package io.sitkit.fx.ui;

import io.sitkit.fx.FlowTraces;
import io.sitkit.fx.service.RecordingTimeline;
import io.sitkit.fx.service.TimelineEntry;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exploratory sessions and the flow-trace viewer through the real window on headless Monocle: a
 * session that observes two topics while the tester injects through the inject dialog, adds a note
 * and a finding, stops and exports a JUnit test; and a failed test's flow trace opened from the
 * Sessions menu, its near miss leading to its message. Writes the screenshots of both.
 */
class SessionUiIT extends InspectorWindowTest {
    private Stub service;

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void a_session_records_an_injection_a_note_and_a_finding_and_exports_a_junit_test() throws Exception {
        connected();
        sandbox().bus().kafka().createTopicIfMissing("ui.orders", 1);
        sandbox().bus().kafka().createTopicIfMissing("ui.confirmations", 1);
        service = StubSpec.on("kafka:ui.orders").named("order-service").replyTo("kafka:ui.confirmations")
                .rule(Rule.always().reply(Reply.json("{\"orderId\":\"{{ $.orderId }}\",\"status\":\"CONFIRMED\",\"sku\":\"{{ $.sku }}\"}")))
                .start(sandbox().bus());
        fx(() -> vm.connections().get(0).refresh());
        until(() -> listed("ui.orders") && listed("ui.confirmations"));
        clickDestination("ui.orders", 0);

        chooseMenuItem("#sessionsMenu", "Exploratory session…");
        until(() -> destinationCheckBox("kafka:ui.confirmations") != null);
        assertThat(fx(() -> destinationCheckBox("kafka:ui.orders").isSelected())).isTrue();
        robot.clickOn(fx(() -> destinationCheckBox("kafka:ui.confirmations")));
        Path recording = config.resolve("sessions").resolve("red-mug.jsonl");
        setText("#sessionFile", recording.toString());
        robot.clickOn("#sessionStart");
        until(() -> text("#sessionState").startsWith("● Recording"));
        assertThat(text("#sessionMessage")).isEqualTo("Recording 2 destinations of 'UI sandbox' to " + recording);

        // the session panel stands over the main window, as it would beside a real one: press Inject… there without a pointer
        fx(() -> {
            robot.lookup("#injectButton").queryAs(javafx.scene.control.Button.class).fire();
            return null;
        });
        until(() -> robot.lookup("#injectPayload").tryQuery().isPresent());
        setText("#injectKey", "o-7");
        setText("#injectPayload", "{\"orderId\":\"o-7\",\"sku\":\"MUG-RED\",\"quantity\":1}");
        robot.clickOn("#injectSend");
        until(() -> text("#injectMessage").equals("Sent 1 message to kafka:ui.orders (audited)"));
        Stage inject = (Stage) fx(() -> robot.lookup("#injectPayload").query().getScene().getWindow());
        fx(() -> {
            inject.close();
            return null;
        });

        toFront("#sessionNote");
        fill("#sessionNote", "ordering one red mug");
        robot.clickOn("#sessionAddNote");
        until(() -> notes().getItems().size() == 1);
        fill("#sessionNote", "the confirmation has no total");
        robot.clickOn("#sessionMarkFinding");
        until(() -> notes().getItems().size() == 2);
        assertThat(fx(() -> notes().getItems().stream().map(n -> n.replaceFirst("^\\+\\d\\d:\\d\\d:\\d\\d", "+t")).toList()))
                .containsExactly("+t  note  ordering one red mug", "+t  FINDING  the confirmation has no total");
        until(() -> text("#sessionCounts").equals("observed 1 · injected 1"));

        robot.clickOn("#sessionStop");
        until(() -> text("#sessionMessage").equals("Recorded 1 observed, 1 injected, 2 notes and findings to " + recording));
        setText("#sessionExportPackage", "shop.sessions");
        setText("#sessionExportClass", "RedMugSessionTest");
        robot.clickOn("#sessionExportReport");
        until(() -> text("#sessionExportMessage").startsWith("Report written to "));
        robot.clickOn("#sessionExportJUnit");
        Path test = config.resolve("sessions").resolve("red-mug-export").resolve("src/test/java/shop/sessions/RedMugSessionTest.java");
        untilIn("#sessionExportMessage", () -> text("#sessionExportMessage").equals("JUnit test written to " + test));

        String source = Files.readString(test);
        assertThat(source).startsWith("package shop.sessions;")
                .contains("class RedMugSessionTest {")
                .contains("bus.publish(OutgoingMessage.text(\"kafka:ui.orders\"")
                .contains("\"o-7\" + RUN")
                .contains("expect.expect(\"kafka:ui.confirmations\")")
                .contains("jsonPath(\"$.status\").isEqualTo(\"CONFIRMED\")")
                .contains("// FINDING +").contains(": the confirmation has no total");
        assertThat(text("#sessionExportPreview")).isEqualTo(source);
        assertThat(fx(() -> robot.lookup("#sessionExportWritten").queryAs(ListView.class).getItems().size())).isEqualTo(2);
        shoot("8-exploratory-session.png", fx(() -> robot.lookup("#sessionNote").query().getScene()));
    }

    @Test
    @Order(2)
    void a_failed_tests_flow_trace_shows_the_failure_its_near_misses_and_the_timeline() {
        connected();
        FlowTraces.Written trace = FlowTraces.write(sandbox().bus(), config.resolve("sitkit"));

        chooseMenuItem("#sessionsMenu", "Open flow trace or recording…");
        until(() -> robot.lookup("#traceFile").tryQuery().isPresent());
        setText("#traceFile", trace.file().toString());
        robot.clickOn("#traceOpen");

        until(() -> text("#traceTitle").equals("Flow trace · CheckoutIT › pays_the_order_total()"));
        Scene viewer = fx(() -> robot.lookup("#traceTitle").query().getScene());
        assertThat(text("#traceTestId")).isEqualTo(FlowTraces.TEST_ID);
        assertThat(text("#traceFailure")).isEqualTo(trace.failure());
        assertThat(fx(() -> timeline(viewer).getItems().size())).isEqualTo(3);
        @SuppressWarnings("unchecked")
        ListView<RecordingTimeline.Linked> misses = fx(() -> (ListView<RecordingTimeline.Linked>) viewer.lookup("#traceNearMisses"));
        assertThat(fx(() -> misses.getItems().size())).isEqualTo(2);

        toFront("#traceTitle");
        // the near misses wrap to the list's width once the failure pane is laid out: click where the cell has settled
        javafx.geometry.Bounds[] last = {null};
        until(() -> {
            Node cell = nearMissCell(viewer, 0);
            javafx.geometry.Bounds now = cell == null ? null : cell.localToScreen(cell.getBoundsInLocal());
            boolean settled = now != null && now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        robot.clickOn(fx(() -> nearMissCell(viewer, 0)));

        int amountOffAt = FlowTraces.indexOf(trace, "{\"orderId\":\"o-1\",\"amount\":2.5}");
        untilIn("#traceTitle", () -> timeline(viewer).getSelectionModel().getSelectedIndex() == amountOffAt);
        until(() -> ((Label) viewer.lookup("#detailTitle")).getText().startsWith(trace.payments() + " · message #" + amountOffAt));
        assertThat(fx(() -> ((TextInputControl) viewer.lookup("#payloadText")).getText())).contains("\"amount\" : 2.5");
        shoot("9-flow-trace.png", viewer);
    }

    /** As {@link #until}, leaving a picture of the window holding {@code query}'s node when it times out. */
    private void untilIn(String query, java.util.concurrent.Callable<Boolean> condition) {
        try {
            until(condition);
        } catch (AssertionError e) {
            Path shot = fx(() -> Screenshots.failure(robot.lookup(query).query().getScene()));
            throw new AssertionError("a UI step timed out; its window at that moment: " + shot.toAbsolutePath()
                    + "; it said: " + text(query), e);
        }
    }

    /** Raises the window holding {@code query}'s node, as a person clicking into it would. */
    private void toFront(String query) {
        fx(() -> {
            ((Stage) robot.lookup(query).query().getScene().getWindow()).toFront();
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Connects the sandbox through the menu, unless an earlier test did. */
    private void connected() {
        if (fx(() -> vm.connections().isEmpty())) {
            chooseProfile("UI sandbox");
            until(() -> vm.connections().size() == 1);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<TimelineEntry> timeline(Scene viewer) {
        return (TableView<TimelineEntry>) viewer.lookup("#traceTimeline");
    }

    private Node nearMissCell(Scene viewer, int index) {
        return viewer.getRoot().lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c && c.getIndex() == index
                && c.getItem() instanceof RecordingTimeline.Linked && c.getListView().getId().equals("traceNearMisses"))
                .findFirst().orElse(null);
    }

    /** The check box of {@code address} in the session panel's destination list, or null while it is not shown. */
    private CheckBox destinationCheckBox(String address) {
        return robot.lookup("#sessionDestinations .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.getItem().toString().equals(address) && c.getGraphic() instanceof CheckBox)
                .map(c -> (CheckBox) c.getGraphic()).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<String> notes() {
        return robot.lookup("#sessionNotes").queryAs(ListView.class);
    }

    private void setText(String query, String value) {
        fx(() -> {
            robot.lookup(query).queryAs(TextInputControl.class).setText(value);
            return null;
        });
    }
}
