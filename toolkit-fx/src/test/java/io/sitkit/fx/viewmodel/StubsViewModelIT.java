package io.sitkit.fx.viewmodel;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.StubRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The stubs panel's view-model on the real brokers: a YAML stub file loaded, started on the
 * connection (a request gets its reply), counted, stopped (the next request stays on the queue),
 * a bad file's error as the core gives it, a locked protected connection's refusal, and every stub
 * stopped when the connection closes.
 */
@ExtendWith(SharedSandbox.class)
class StubsViewModelIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private InspectorHarness harness;

    @BeforeEach
    void start() {
        harness = new InspectorHarness(dir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** A payment gateway on a JMS queue answering on a Kafka topic, and a relay; names of this test's own. */
    Path stubFile(String prefix) throws IOException {
        return Files.writeString(dir.resolve(prefix + "-stubs.yaml"), """
                stubs:
                  - name: payment-gateway
                    listen: jms:queue:%1$s.payment.requests
                    replyTo: kafka:%1$s.payment.replies
                    rules:
                      - when: {jsonPath: {$.amount: {greaterThan: 1000}}}
                        reply: {json: '{"orderId": "{{ $.orderId }}", "status": "DECLINED"}'}
                      - reply: {json: '{"orderId": "{{ $.orderId }}", "status": "APPROVED"}'}
                interceptors:
                  - name: orders-relay
                    from: kafka:%1$s.orders.raw
                    to: kafka:%1$s.orders
                """.formatted(prefix));
    }

    @Test
    void a_started_stub_file_answers_on_the_real_broker_counts_its_requests_and_once_stopped_takes_nothing(Connection shared)
            throws IOException {
        Path file = stubFile("vm-stub");
        Destination requests = Destination.jmsQueue("vm-stub.payment.requests");
        Destination replies = Destination.kafka("vm-stub.payment.replies");
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "stubs"));
        StubsViewModel stubs = harness.ui.get(c::stubs);
        UiThread ui = harness.ui;

        ui.done(() -> stubs.load(file));
        assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("Loaded vm-stub-stubs.yaml: 1 stub, 1 interceptor");
        assertThat(ui.get(() -> List.copyOf(stubs.rows()))).extracting(StubRow::kind, StubRow::name, StubRow::address, StubRow::state)
                .containsExactly(tuple(StubRow.Kind.STUB, "payment-gateway", "jms:queue:vm-stub.payment.requests", "stopped"),
                        tuple(StubRow.Kind.INTERCEPTOR, "orders-relay", "kafka:vm-stub.orders.raw → kafka:vm-stub.orders", "stopped"));

        try (Capture answers = shared.bus().capture(replies.toString())) {
            ui.done(() -> stubs.start(file.toString()));
            assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("Started vm-stub-stubs.yaml on 'stubs' (replies audited)");
            assertThat(ui.get(() -> stubs.rows().stream().map(StubRow::state).toList())).containsExactly("running", "running");

            shared.bus().publish(OutgoingMessage.text(requests, "{\"orderId\":\"o-1\",\"amount\":40}"));
            shared.bus().publish(OutgoingMessage.text(requests, "{\"orderId\":\"o-2\",\"amount\":4000}"));
            assertThat(answers.await(replies, 2, WAIT)).extracting(m -> m.payloadText().orElseThrow())
                    .containsExactly("{\"orderId\": \"o-1\", \"status\": \"APPROVED\"}", "{\"orderId\": \"o-2\", \"status\": \"DECLINED\"}");
            ui.until(() -> stubs.rows().get(0).handled() == 2);
            List<String> audited = Files.readAllLines(dir.resolve("audit.jsonl"));
            assertThat(audited).filteredOn(l -> l.contains("\"action\":\"publish\"")).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("\"action\":\"publish\",\"destination\":\"kafka:vm-stub.payment.replies\""));
            // the start's own writes: the stub consumes its queue, the relay's capture creates its missing topic
            assertThat(audited).filteredOn(l -> !l.contains("\"action\":\"publish\"")).map(l -> l.replaceAll("^.*\"action\"", "\"action\""))
                    .containsExactlyInAnyOrder("\"action\":\"consume\",\"destination\":\"jms:queue:vm-stub.payment.requests\"}",
                            "\"action\":\"create topic\",\"destination\":\"kafka:vm-stub.orders.raw\"}");

            ui.done(() -> stubs.stop(file.toString()));
            assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("Stopped vm-stub-stubs.yaml");
            assertThat(ui.get(() -> List.copyOf(stubs.rows()))).extracting(StubRow::state, StubRow::handled)
                    .containsExactly(tuple("stopped", 0L), tuple("stopped", 0L));

            shared.bus().publish(OutgoingMessage.text(requests, "{\"orderId\":\"o-3\",\"amount\":40}"));
            await().atMost(WAIT).until(() -> shared.bus().jms().depth(requests) == 1);
            assertThat(answers.messages(replies)).hasSize(2);
        }
        shared.bus().jms().purge(requests);
    }

    @Test
    void a_bad_stub_file_shows_the_cores_error_with_its_line_and_column_and_nothing_is_loaded(Connection shared) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-stubs.yaml"), """
                stubs:
                  - name: payment-gateway
                    listn: jms:queue:vm-bad.requests
                    rules:
                      - reply: none
                """);
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "bad"));
        StubsViewModel stubs = harness.ui.get(c::stubs);

        harness.ui.done(() -> stubs.load(bad));

        assertThat(harness.ui.get(() -> stubs.okProperty().get())).isFalse();
        assertThat(harness.ui.get(() -> stubs.messageProperty().get())).isEqualTo(bad + ":3:5: stubs[0]: unknown key 'listn'"
                + " (did you mean 'listen'?); known keys: name, listen, replyTo, alwaysReplyTo, correlateBy, copyHeaders,"
                + " statePer, kafkaHeaders, seed, verifyTimeout, faults, rules");
        assertThat(harness.ui.get(() -> List.copyOf(stubs.rows()))).isEmpty();
        assertThat(harness.ui.get(stubs::files)).isEmpty();
    }

    @Test
    void a_locked_protected_connection_refuses_to_start_stubs_until_unlocked(Connection shared) throws IOException {
        Path file = stubFile("vm-prot");
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "staging-like").protectedAs("staging"));
        StubsViewModel stubs = harness.ui.get(c::stubs);
        UiThread ui = harness.ui;
        ui.done(() -> stubs.load(file));

        ui.done(() -> stubs.start(file.toString()));

        assertThat(ui.get(() -> stubs.okProperty().get())).isFalse();
        assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("refused to start stub payment-gateway on"
                + " jms:queue:vm-prot.payment.requests: environment 'staging' is protected; use Unlock… and type its name to allow this");
        assertThat(ui.get(() -> stubs.rows().stream().map(StubRow::state).toList())).containsExactly("stopped", "stopped");

        assertThat(ui.get(() -> c.unlock("staging"))).isTrue();
        ui.done(() -> stubs.start(file.toString()));
        assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("Started vm-prot-stubs.yaml on 'staging-like' (replies audited)");
        ui.done(stubs::stopAll);
        assertThat(ui.get(() -> stubs.messageProperty().get())).isEqualTo("Stopped 1 stub file");
    }

    @Test
    void disconnecting_stops_every_stub_of_the_connection(Connection shared) throws IOException {
        Path file = stubFile("vm-disc");
        Destination requests = Destination.jmsQueue("vm-disc.payment.requests");
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "leaving"));
        StubsViewModel stubs = harness.ui.get(c::stubs);
        harness.ui.done(() -> stubs.load(file));
        harness.ui.done(() -> stubs.start(file.toString()));
        assertThat(harness.ui.get(() -> stubs.rows().get(0).running())).isTrue();

        harness.ui.run(() -> harness.inspector.disconnect(c));

        assertThat(harness.ui.get(() -> stubs.messageProperty().get())).isEqualTo("Stopping every stub: the connection is closing");
        await().atMost(WAIT).until(() -> c.connection().isClosed());
        shared.bus().publish(OutgoingMessage.text(requests, "{\"orderId\":\"o-9\",\"amount\":1}"));
        await().atMost(WAIT).until(() -> shared.bus().jms().depth(requests) == 1);
        shared.bus().jms().purge(requests);
    }
}
