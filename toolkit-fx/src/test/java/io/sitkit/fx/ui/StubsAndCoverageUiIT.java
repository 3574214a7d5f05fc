package io.sitkit.fx.ui;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.CoverageFiles;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.StubRow;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.redact.Redactor;
import io.sitkit.report.ReportJson;
import io.sitkit.report.RunReportBuilder;
import io.sitkit.report.TestStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stubs panel and the coverage dialog through the real window on headless Monocle: the README's
 * stub file loaded and started on the sandbox (a Kafka request and a JMS request get their replies,
 * the counts show), stopped; then a run report and a recorded session measured against the demo
 * shop's AsyncAPI document and exported as Markdown. Writes their screenshots.
 */
class StubsAndCoverageUiIT extends InspectorWindowTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The README's stub file, as a user in the module directory would type it. */
    static final Path EXAMPLE = Path.of("../docs/stubs/checkout-neighbours.yaml");
    /** Where the coverage inputs go: a fixed place, so the screenshot shows short paths. */
    static final Path SHOP = Path.of("target", "demo-shop");

    @Test
    @Order(1)
    void a_stub_file_is_loaded_started_on_the_connection_answers_and_stops() throws Exception {
        chooseProfile("UI sandbox");
        until(() -> vm.connections().size() == 1);
        Connection c = sandbox();
        DemoTraffic.publishOrders(c.bus(), 12, 7);
        fx(() -> vm.connections().get(0).refresh());
        clickDestination("demo.orders", 0);

        chooseMenuItem("#toolsMenu", "Stubs…");
        until(() -> robot.lookup("#stubFile").tryQuery().isPresent());
        fill("#stubFile", EXAMPLE.toString());
        robot.clickOn("#stubLoad");
        until(() -> text("#stubMessage").equals("Loaded checkout-neighbours.yaml: 2 stubs, 1 interceptor"));
        assertThat(fx(() -> stubTable().getItems().stream().map(r -> r.name() + " " + r.state()).toList()))
                .containsExactly("payment-gateway stopped", "stock-service stopped", "orders-chaos stopped");

        robot.clickOn(stubRow(1));
        robot.clickOn("#stubStart");
        until(() -> text("#stubMessage").equals("Started checkout-neighbours.yaml on 'UI sandbox' (replies audited)"));
        try (Capture replies = c.bus().capture("kafka:stock.replies")) {
            c.bus().publish(OutgoingMessage.text("kafka:stock.requests", "{\"quantity\":2}").withKey("sku-mug"));
            c.bus().publish(OutgoingMessage.text("kafka:stock.requests", "{\"quantity\":1}").withKey("sku-tee"));
            c.bus().publish(OutgoingMessage.text("jms:queue:payment.requests", "{\"orderId\":\"o-1\",\"amount\":40}")
                    .withReplyTo("jms:queue:ui.payment.replies"));
            assertThat(replies.await(Destination.kafka("stock.replies"), 2, WAIT)).extracting(Message::keyText)
                    .containsExactlyInAnyOrder(java.util.Optional.of("sku-mug"), java.util.Optional.of("sku-tee"));
        }
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> c.bus().jms().depth(Destination.jmsQueue("ui.payment.replies")) == 1);
        until(() -> stubTable().getItems().stream().map(StubRow::handled).toList().equals(List.of(1L, 2L, 0L)));
        assertThat(fx(() -> stubTable().getSelectionModel().getSelectedItem().name())).isEqualTo("stock-service");
        Scene dialog = robot.lookup("#stubTable").query().getScene();
        shoot("10-stubs.png", dialog);

        robot.clickOn("#stubStop");
        until(() -> text("#stubMessage").equals("Stopped checkout-neighbours.yaml"));
        assertThat(fx(() -> stubTable().getItems().stream().map(StubRow::state).toList())).containsOnly("stopped");
        fx(() -> {
            ((Stage) dialog.getWindow()).close();
            return null;
        });
    }

    @Test
    @Order(2)
    void the_coverage_dialog_measures_a_run_report_and_a_session_against_the_asyncapi_document_and_exports_markdown()
            throws Exception {
        Connection c = sandbox();
        Files.createDirectories(SHOP);
        Path asyncApi = Files.writeString(SHOP.resolve("asyncapi.yaml"), CoverageFiles.asyncApi("demo"));
        Path report = runReport(c);
        Path session = SHOP.resolve("sessions").resolve("refund-session.jsonl");
        try (Recorder recorder = RecorderSpec.to(session).start(c.bus(), DemoTraffic.ORDERS, DemoTraffic.PAYMENT_REQUESTS, "kafka:demo.audit")) {
            recorder.note("cancel an order after paying for it");
            recorder.inject(OutgoingMessage.text(DemoTraffic.ORDERS, "{\"orderId\":\"o-00002\",\"reason\":\"changed my mind\"}")
                    .withKey("o-00002").withHeader("eventType", "OrderCancelled"));
            c.bus().publish(OutgoingMessage.text("kafka:demo.audit", "{\"orderId\":\"o-00002\",\"event\":\"cancelled\"}").withKey("o-00002"));
            DemoTraffic.publishOrders(c.bus(), 1, 3);
            recorder.awaitRecorded(4, WAIT);
        }

        chooseMenuItem("#toolsMenu", "Coverage…");
        until(() -> robot.lookup("#coverageInventory").tryQuery().isPresent());
        fill("#coverageInventory", asyncApi.toString());
        fill("#coverageReport", report.toString());
        fill("#coverageRecordings", session.toString());
        robot.clickOn("#coverageMeasure");

        until(() -> !text("#coverageSummary").isEmpty());
        assertThat(text("#coverageSummary"))
                .isEqualTo("5 of 6 points exercised: 4 by tests, 3 by sessions, 1 by neither; 1 seen outside the inventory");
        assertThat(text("#coverageMessage")).isEqualTo("Measured against asyncapi (asyncapi.yaml): 2 tests, 1 session");
        Scene dialog = robot.lookup("#coverageTable").query().getScene();
        shoot("11-coverage.png", dialog);

        Path md = SHOP.resolve("coverage.md");
        fill("#coverageMarkdownFile", md.toString());
        robot.clickOn("#coverageExport");
        until(() -> text("#coverageMessage").equals("Exported the coverage table to " + md));
        assertThat(Files.readString(md)).contains("| jms:queue:demo.refunds RefundRequested | **neither (gap)** | — | — |");
    }

    /** A run report of two tests that saw demo orders go through, paid or declined, as the JUnit module writes it. */
    private Path runReport(Connection c) throws Exception {
        RunReportBuilder run = RunReportBuilder.start("UI sandbox", Redactor.none());
        List<Message> seen;
        try (Capture capture = c.bus().capture(DemoTraffic.ORDERS, DemoTraffic.PAYMENT_REQUESTS, DemoTraffic.PAYMENT_EVENTS)) {
            DemoTraffic.publishOrders(c.bus(), 4, 11);
            capture.await(Destination.parse(DemoTraffic.PAYMENT_EVENTS), 4, WAIT);
            capture.await(Destination.parse(DemoTraffic.PAYMENT_REQUESTS), 4, WAIT);
            capture.await(Destination.parse(DemoTraffic.ORDERS), 4, WAIT);
            seen = capture.messages();
        }
        // one test follows the orders whose payment was authorized, the other the declined ones
        Set<String> declined = new java.util.HashSet<>();
        seen.stream().filter(m -> m.headers().lastAsString("eventType").orElse("").equals("PaymentDeclined"))
                .forEach(m -> declined.add(orderId(m)));
        for (String test : List.of("an_order_is_paid()", "a_declined_card_is_reported()")) {
            boolean paid = test.startsWith("an_order");
            run.testStarted(test, "com.shop.CheckoutIT", test, Set.of("smoke"));
            run.addMessages(test, seen.stream().filter(m -> declined.contains(orderId(m)) != paid).toList(), StubsAndCoverageUiIT::orderId);
            run.finished(test, TestStatus.PASSED, Duration.ofMillis(640));
        }
        Path json = SHOP.resolve("report.json");
        ReportJson.write(run.build(Instant.now(), io.sitkit.report.Inventory.declared()), json);
        return json;
    }

    private static String orderId(Message m) {
        return m.keyText().or(() -> m.jms().map(j -> j.correlationId())).orElse("");
    }

    @SuppressWarnings("unchecked")
    private TableView<StubRow> stubTable() {
        return robot.lookup("#stubTable").queryAs(TableView.class);
    }

    /** The stub table's row showing item {@code index}. */
    private Node stubRow(int index) {
        until(() -> stubTable().lookupAll(".table-row-cell").stream()
                .anyMatch(r -> r instanceof TableRow<?> row && row.getIndex() == index && row.getItem() != null));
        return fx(() -> stubTable().lookupAll(".table-row-cell").stream()
                .filter(r -> r instanceof TableRow<?> row && row.getIndex() == index && row.getItem() != null).findFirst().orElseThrow());
    }
}
