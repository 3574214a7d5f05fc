package io.sitkit.report;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Coverage from real recordings: a session recorded with the {@link Recorder} on the embedded
 * brokers — an order injected, the payment request and an audit line observed — merged with a run
 * report read back from its JSON.
 */
@ExtendWith(SharedEmbedded.class)
class SessionCoverageIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Destination ORDERS = Destination.kafka("cov.orders");
    static final Destination PAYMENTS = Destination.jmsQueue("cov.payment.requests");
    static final Destination REFUNDS = Destination.kafka("cov.refunds");
    static final Destination AUDIT = Destination.kafka("cov.audit");
    static final Inventory INVENTORY = new Inventory("asyncapi", List.of(
            new Inventory.Point(ORDERS, "OrderPlaced", Set.of()),
            new Inventory.Point(PAYMENTS, "PaymentRequested", Set.of()),
            new Inventory.Point(REFUNDS, "RefundIssued", Set.of())));

    @TempDir
    Path dir;

    @Test
    void a_recorded_session_and_a_run_report_together_cover_the_inventory_but_the_refunds(EmbeddedEnvironment env) throws Exception {
        Path session = dir.resolve("checkout-session.jsonl");
        try (Bus bus = env.openBus(); Bus system = env.openBus()) {
            bus.kafka().createTopic(ORDERS.name(), 1);
            bus.kafka().createTopic(AUDIT.name(), 1);
            try (Recorder recorder = RecorderSpec.to(session).start(bus, ORDERS.toString(), PAYMENTS.toString(), AUDIT.toString())) {
                recorder.inject(OutgoingMessage.text(ORDERS, "{\"orderId\":\"o-1\"}").withKey("o-1").withHeader("type", "OrderPlaced"));
                // the system under test reacts: a payment request and an audit line nobody described
                system.publish(OutgoingMessage.text(PAYMENTS, "{\"orderId\":\"o-1\",\"amount\":5}").withHeader("type", "PaymentRequested"));
                system.publish(OutgoingMessage.text(PAYMENTS, "{\"orderId\":\"o-1\",\"amount\":6}").withHeader("type", "PaymentRequested"));
                system.publish(OutgoingMessage.text(AUDIT, "{\"orderId\":\"o-1\"}").withKey("o-1"));
                recorder.awaitRecorded(4, WAIT);
                recorder.note("paid with a card, then looked at the audit topic");
            }
        }
        RunReportBuilder run = RunReportBuilder.start("embedded", Redactor.none());
        run.testStarted("t1", "com.shop.CheckoutIT", "pays()", List.of());
        run.addMessages("t1", List.of(io.sitkit.core.TestMessages.kafka(ORDERS.name(), 0, "o-2", "{}", 0,
                io.sitkit.core.Header.of("type", "OrderPlaced"))), m -> null);
        run.finished("t1", TestStatus.PASSED, Duration.ofMillis(20));
        Path json = dir.resolve("report.json");
        ReportJson.write(run.build(Instant.now(), INVENTORY), json);

        CoverageTable table = CoverageTable.measure(INVENTORY, List.of(ReportJson.read(json)), List.of(session));

        assertThat(table.rows()).extracting(CoverageRow::label, CoverageRow::exercisedBy, CoverageRow::tests,
                        CoverageRow::injected, CoverageRow::observed)
                .containsExactly(
                        tuple("kafka:cov.orders OrderPlaced", "tests and sessions", Set.of("CheckoutIT.pays()"), 1, 0),
                        tuple("jms:queue:cov.payment.requests PaymentRequested", "sessions", Set.of(), 0, 2),
                        tuple("kafka:cov.refunds RefundIssued", "neither (gap)", Set.of(), 0, 0),
                        tuple("kafka:cov.audit", "outside the inventory", Set.of(), 0, 1));
        assertThat(table.rows().get(1).sessions()).containsExactly("checkout-session.jsonl");
        assertThat(table.summary()).isEqualTo("2 of 3 points exercised: 1 by tests, 2 by sessions, 1 by neither;"
                + " 1 seen outside the inventory");
    }
}
