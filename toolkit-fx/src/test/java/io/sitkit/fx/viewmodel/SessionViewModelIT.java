package io.sitkit.fx.viewmodel;

import io.sitkit.config.Secrets;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.record.CaptureItem;
import io.sitkit.record.SessionNote;
import io.sitkit.redact.Redactor;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exploratory sessions without a Stage, on the embedded brokers: what the inspector injects (inject
 * dialog and import) is recorded as injected, what a stub standing in for the system answers as
 * observed, with the tester's notes and findings, through the profile's redactor; a stopped session
 * exports a JUnit test, a report and the recording.
 */
@ExtendWith(SharedSandbox.class)
class SessionViewModelIT {
    @TempDir
    Path dir;
    private InspectorHarness h;
    private String orders;
    private String confirmations;

    @BeforeEach
    void start(Connection shared) {
        h = new InspectorHarness(dir);
        String run = UUID.randomUUID().toString().substring(0, 6);
        orders = "kafka:sess.orders." + run;
        confirmations = "kafka:sess.confirmations." + run;
        shared.bus().kafka().createTopicIfMissing(Destination.parse(orders).name(), 1);
        shared.bus().kafka().createTopicIfMissing(Destination.parse(confirmations).name(), 1);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** The system under test: confirms every order on the confirmations topic. */
    private Stub confirmingService(Connection shared) {
        return StubSpec.on(orders).named("order-service").replyTo(confirmations)
                .rule(Rule.always().reply(Reply.json("{\"orderId\":\"{{ $.orderId }}\",\"status\":\"CONFIRMED\"}")))
                .start(shared.bus());
    }

    /** Records a session: an inject, an import, a note and a finding; returns the stopped session's view-model. */
    private SessionViewModel record(Connection shared) throws Exception {
        ConnectionViewModel c = h.connect(InspectorHarness.onto(shared, "session").withSetting("sitkit.redact.fields", "cardNumber"));
        SessionViewModel s = h.ui.get(() -> new SessionViewModel(h.inspector.connections(), h.ui.background, dir.resolve("sessions")));
        h.ui.run(() -> {
            s.connectionProperty().set(c);
            s.choose(Destination.parse(orders), true);
            s.choose(Destination.parse(confirmations), true);
        });
        String file = h.ui.get(() -> s.fileProperty().get());
        assertThat(file).startsWith(dir.resolve("sessions").toString()).endsWith(".jsonl");

        h.ui.done(s::start);
        assertThat(h.ui.get(() -> s.messageProperty().get())).isEqualTo("Recording 2 destinations of 'session' to " + file);
        assertThat(h.ui.get(() -> s.runningProperty().get())).isTrue();

        InjectViewModel inject = h.ui.get(() -> c.inject(Destination.parse(orders)));
        h.ui.run(() -> {
            inject.keyProperty().set("o-1");
            inject.payloadProperty().set("{\"orderId\":\"o-1\",\"cardNumber\":\"4111111111111111\",\"total\":25.0}");
        });
        h.ui.done(inject::send);
        assertThat(h.ui.get(() -> inject.messageProperty().get())).isEqualTo("Sent 1 message to " + orders + " (audited)");
        h.ui.done(() -> s.addNote("ordering one mug"));
        h.ui.done(() -> s.markFinding("the confirmation has no total"));

        Path imported = dir.resolve("import.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(imported, Map.of(), Redactor.none())) {
            w.write(new Message(Destination.kafka("elsewhere"), "o-2".getBytes(StandardCharsets.UTF_8), Headers.empty(),
                    "{\"orderId\":\"o-2\",\"total\":9.5}".getBytes(StandardCharsets.UTF_8), BodyType.BYTES, Instant.now(), Instant.now(),
                    new KafkaMetadata(0, 0, "CREATE_TIME", -1)));
        }
        TransferViewModel t = h.ui.get(() -> c.transfer(Destination.parse(orders)));
        h.ui.run(() -> t.fileProperty().set(imported.toString()));
        h.ui.done(t::importFile);
        assertThat(h.ui.get(() -> t.messageProperty().get())).isEqualTo("Imported 1 message from import.jsonl into " + orders + " (audited)");

        h.ui.until(() -> s.injectedProperty().get() == 2 && s.observedProperty().get() == 2);
        h.ui.done(s::stop);
        assertThat(h.ui.get(() -> s.messageProperty().get()))
                .isEqualTo("Recorded 2 observed, 2 injected, 2 notes and findings to " + file);
        assertThat(h.ui.get(() -> s.recordingProperty().get())).isEqualTo(Path.of(file));
        assertThat(h.ui.get(() -> s.notes().stream().map(n -> n.replaceFirst("^\\+\\d\\d:\\d\\d:\\d\\d", "+t")).toList()))
                .containsExactly("+t  note  ordering one mug", "+t  FINDING  the confirmation has no total");
        return s;
    }

    @Test
    void a_session_records_the_injections_what_the_system_answered_and_the_testers_notes_redacted(Connection shared) throws Exception {
        try (Stub ignored = confirmingService(shared)) {
            SessionViewModel s = record(shared);

            List<CaptureItem> items = new ArrayList<>();
            try (CaptureFileReader r = CaptureFileReader.open(h.ui.get(() -> s.recordingProperty().get()))) {
                assertThat(r.header().annotations()).containsEntry("connection", "session").containsEntry("recorded-by", "sitkit inspector");
                r.items().forEach(items::add);
            }
            List<CaptureFileReader.Entry> messages = items.stream().filter(i -> i instanceof CaptureFileReader.Entry)
                    .map(i -> (CaptureFileReader.Entry) i).toList();
            assertThat(messages).extracting(e -> e.injected() ? "injected" : "observed", e -> e.message().destination().toString(),
                            e -> e.message().keyText().orElse(""))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("injected", orders, "o-1"),
                            org.assertj.core.groups.Tuple.tuple("injected", orders, "o-2"),
                            org.assertj.core.groups.Tuple.tuple("observed", confirmations, "o-1"),
                            org.assertj.core.groups.Tuple.tuple("observed", confirmations, "o-2"));
            CaptureFileReader.Entry first = messages.get(0);
            assertThat(first.injected()).isTrue();
            assertThat(first.redacted()).isTrue();
            assertThat(first.message().payloadText().orElseThrow())
                    .isEqualTo("{\"orderId\":\"o-1\",\"cardNumber\":\"" + Secrets.MASK + "\",\"total\":25.0}");
            assertThat(messages).filteredOn(e -> !e.injected())
                    .allSatisfy(e -> assertThat(e.message().payloadText().orElseThrow()).contains("\"status\":\"CONFIRMED\""));
            assertThat(items.stream().filter(i -> i instanceof SessionNote n && !n.byRecorder()).map(i -> (SessionNote) i))
                    .extracting(SessionNote::kind, SessionNote::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SessionNote.Kind.NOTE, "ordering one mug"),
                            org.assertj.core.groups.Tuple.tuple(SessionNote.Kind.FINDING, "the confirmation has no total"));
        }
    }

    @Test
    void the_stopped_session_exports_a_junit_test_a_markdown_report_and_the_recording(Connection shared) throws Exception {
        SessionViewModel s;
        try (Stub ignored = confirmingService(shared)) {
            s = record(shared);
        }
        SessionExportViewModel x = h.ui.get(s::export);
        Path recording = h.ui.get(() -> s.recordingProperty().get());
        String base = recording.getFileName().toString().replace(".jsonl", "");
        Path out = recording.resolveSibling(base + "-export");
        assertThat(h.ui.get(() -> x.outputDirProperty().get())).isEqualTo(out.toString());
        h.ui.run(() -> {
            x.packageNameProperty().set("shop.sessions");
            x.classNameProperty().set("CheckoutSessionTest");
        });

        h.ui.done(x::exportJUnitTest);
        Path test = out.resolve("src/test/java/shop/sessions/CheckoutSessionTest.java");
        assertThat(h.ui.get(() -> x.messageProperty().get())).isEqualTo("JUnit test written to " + test);
        String source = Files.readString(test);
        assertThat(source).startsWith("package shop.sessions;")
                .contains("class CheckoutSessionTest {")
                .contains("bus.publish(OutgoingMessage.text(\"" + orders + "\"")
                .contains("expect.expect(\"" + confirmations + "\")")
                .contains("jsonPath(\"$.status\").isEqualTo(\"CONFIRMED\")")
                .contains("// NOTE +").contains(": ordering one mug")
                .contains("// FINDING +").contains(": the confirmation has no total");
        assertThat(h.ui.get(() -> x.previewProperty().get())).isEqualTo(source);

        h.ui.done(x::exportReport);
        Path report = out.resolve(base + ".md");
        String markdown = Files.readString(report);
        assertThat(markdown).contains("the confirmation has no total").contains("ordering one mug").contains(orders).contains(confirmations);

        h.ui.done(x::exportRecording);
        Path copy = out.resolve(base + ".jsonl");
        assertThat(copy).hasSameBinaryContentAs(recording);

        assertThat(h.ui.get(() -> List.copyOf(x.written()))).containsExactly(
                "JUnit test  →  src/test/java/shop/sessions/CheckoutSessionTest.java  (2 publishes, 2 expectations, 2 flows)",
                "Report  →  " + base + ".md  (" + markdown.lines().count() + " lines of Markdown)",
                "Recording  →  " + base + ".jsonl  (" + Files.readString(copy).lines().count() + " lines, "
                        + String.format(java.util.Locale.ROOT, "%.1f KB", Files.size(copy) / 1024.0) + ", replayable)");
    }

    @Test
    void a_session_needs_a_destination_one_at_a_time_per_connection_and_notes_need_a_running_session(Connection shared) {
        ConnectionViewModel c = h.connect(InspectorHarness.onto(shared, "refusals"));
        SessionViewModel first = h.ui.get(() -> new SessionViewModel(h.inspector.connections(), h.ui.background, dir));
        SessionViewModel second = h.ui.get(() -> new SessionViewModel(h.inspector.connections(), h.ui.background, dir));

        h.ui.run(() -> first.connectionProperty().set(c));
        h.ui.done(first::start);
        assertThat(h.ui.get(() -> first.messageProperty().get())).isEqualTo("tick at least one destination to observe");
        h.ui.done(() -> first.addNote("too early"));
        assertThat(h.ui.get(() -> first.messageProperty().get())).isEqualTo("start a session first");

        h.ui.run(() -> {
            first.choose(Destination.parse(orders), true);
            first.fileProperty().set(dir.resolve("first.jsonl").toString());
            second.connectionProperty().set(c);
            second.choose(Destination.parse(confirmations), true);
        });
        h.ui.done(first::start);
        h.ui.done(second::start);
        assertThat(h.ui.get(() -> second.okProperty().get())).isFalse();
        assertThat(h.ui.get(() -> second.messageProperty().get()))
                .isEqualTo("a session already records 'refusals' to " + dir.resolve("first.jsonl") + "; stop it first");

        h.ui.done(first::stop);
        assertThat(c.connection().session()).isEmpty();
        h.ui.done(first::stop);
        assertThat(h.ui.get(() -> first.messageProperty().get())).isEqualTo("no session is running");
    }
}
