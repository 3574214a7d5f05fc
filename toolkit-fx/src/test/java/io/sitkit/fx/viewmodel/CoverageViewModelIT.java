package io.sitkit.fx.viewmodel;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.CoverageFiles;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.redact.Redactor;
import io.sitkit.report.CoverageRow;
import io.sitkit.report.ReportJson;
import io.sitkit.report.RunReportBuilder;
import io.sitkit.report.TestStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The coverage dialog's view-model: a session recorded on the real brokers and a run report
 * written from a real capture, measured against an AsyncAPI document, shown as rows with a
 * summary and exported as Markdown; and what it says when something is missing or wrong.
 */
@ExtendWith(SharedSandbox.class)
class CoverageViewModelIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Destination ORDERS = Destination.kafka("vm-cov.orders");
    static final Destination PAYMENT_REQUESTS = Destination.jmsQueue("vm-cov.payment-requests");
    @TempDir
    Path dir;
    private UiThread ui;
    private CoverageViewModel coverage;

    @BeforeEach
    void start() {
        ui = new UiThread();
        coverage = new CoverageViewModel(ui.background);
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void a_recorded_session_and_a_run_report_are_measured_against_an_asyncapi_document_and_exported(Connection shared)
            throws Exception {
        Path asyncApi = Files.writeString(dir.resolve("shop.yaml"), CoverageFiles.asyncApi("vm-cov"));
        // the automated run: a test that saw an order placed
        RunReportBuilder run = RunReportBuilder.start("sandbox", Redactor.none());
        run.testStarted("t-1", "com.shop.CheckoutIT", "pays()", List.of());
        try (Capture capture = shared.bus().capture(ORDERS.toString())) {
            shared.bus().publish(OutgoingMessage.text(ORDERS, "{\"orderId\":\"o-1\"}").withKey("o-1").withHeader("eventType", "OrderPlaced"));
            run.addMessages("t-1", capture.await(ORDERS, 1, WAIT), m -> null);
        }
        run.finished("t-1", TestStatus.PASSED, Duration.ofMillis(120));
        Path report = dir.resolve("report.json");
        ReportJson.write(run.build(Instant.now(), io.sitkit.report.Inventory.declared()), report);
        // the manual session: a cancellation injected, the payment request the system sent observed
        Path session = dir.resolve("cancel-session.jsonl");
        try (Recorder recorder = RecorderSpec.to(session).start(shared.bus(), ORDERS.toString(), PAYMENT_REQUESTS.toString())) {
            recorder.inject(OutgoingMessage.text(ORDERS, "{\"orderId\":\"o-1\"}").withKey("o-1").withHeader("eventType", "OrderCancelled"));
            shared.bus().publish(OutgoingMessage.text(PAYMENT_REQUESTS, "{\"orderId\":\"o-1\"}").withHeader("eventType", "PaymentRequested"));
            recorder.awaitRecorded(2, WAIT);
        }
        ui.run(() -> {
            coverage.inventoryProperty().set(asyncApi.toString());
            coverage.reportProperty().set(report.toString());
            coverage.recordingsProperty().set(session + "\n\n");
        });

        ui.done(coverage::measure);

        assertThat(ui.get(() -> coverage.summaryProperty().get()))
                .isEqualTo("3 of 6 points exercised: 1 by tests, 2 by sessions, 3 by neither");
        assertThat(ui.get(() -> coverage.messageProperty().get())).isEqualTo("Measured against asyncapi (shop.yaml): 1 test, 1 session");
        assertThat(ui.get(() -> List.copyOf(coverage.rows()))).extracting(CoverageRow::label, CoverageRow::exercisedBy)
                .containsExactly(
                        tuple("kafka:vm-cov.orders OrderPlaced", "tests"),
                        tuple("kafka:vm-cov.orders OrderCancelled", "sessions"),
                        tuple("jms:queue:vm-cov.payment-requests PaymentRequested", "sessions"),
                        tuple("kafka:vm-cov.payments PaymentAuthorized", "neither (gap)"),
                        tuple("kafka:vm-cov.payments PaymentDeclined", "neither (gap)"),
                        tuple("jms:queue:vm-cov.refunds RefundRequested", "neither (gap)"));
        assertThat(ui.get(() -> coverage.rows().get(0).tests())).containsExactly("CheckoutIT.pays()");

        Path md = dir.resolve("out/coverage.md");
        ui.run(() -> coverage.markdownFileProperty().set(md.toString()));
        ui.done(coverage::exportMarkdown);
        assertThat(ui.get(() -> coverage.messageProperty().get())).isEqualTo("Exported the coverage table to " + md);
        assertThat(Files.readString(md)).startsWith("# Integration coverage\n\n3 of 6 points exercised: 1 by tests, 2 by sessions, 3 by neither\n")
                .contains("| jms:queue:vm-cov.refunds RefundRequested | **neither (gap)** | — | — |")
                .contains("| kafka:vm-cov.orders OrderCancelled | sessions | — | 1 injected: cancel-session.jsonl |");
    }

    @Test
    void it_says_what_is_missing_and_names_a_file_that_is_not_a_recording() throws Exception {
        ui.done(coverage::measure);
        assertThat(ui.get(() -> coverage.messageProperty().get())).isEqualTo("choose a run report (report.json), session recordings, or both");
        ui.done(coverage::exportMarkdown);
        assertThat(ui.get(() -> coverage.messageProperty().get())).isEqualTo("measure first: there is no table to export");

        Path notes = Files.writeString(dir.resolve("notes.txt"), "what I did today\n");
        ui.run(() -> coverage.recordingsProperty().set(notes.toString()));
        ui.done(coverage::measure);

        assertThat(ui.get(() -> coverage.okProperty().get())).isFalse();
        assertThat(ui.get(() -> coverage.messageProperty().get()))
                .isEqualTo("capture file " + notes + ", line 1: not valid JSON at column 1: what I did today");
        assertThat(ui.get(() -> List.copyOf(coverage.rows()))).isEmpty();

        ui.run(() -> coverage.inventoryProperty().set(dir.resolve("missing.yaml").toString()));
        ui.done(coverage::measure);
        assertThat(ui.get(() -> coverage.messageProperty().get())).isEqualTo("inventory " + dir.resolve("missing.yaml")
                + " does not exist; give an AsyncAPI document or a directory of contracts");
    }
}
