package io.sitkit.fx.viewmodel;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.FlowTraces;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.RecordingTimeline;
import io.sitkit.fx.service.TimelineEntry;
import io.sitkit.env.CaptureSpec;
import io.sitkit.record.FlowTraceFile;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.redact.Redactor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow-trace and recording viewer without a Stage: a flow trace written by the core's
 * {@code FlowTraceFile} for a real failed expectation on the embedded brokers shows its test, failure,
 * near misses linked to their messages and the timeline, and what its captures dropped; a session recording shows its notes and
 * findings between the messages; a file that is not a capture file says where it is wrong.
 */
@ExtendWith(SharedSandbox.class)
class SessionTraceViewModelIT {
    @TempDir
    Path dir;
    private UiThread ui;

    @BeforeEach
    void start() {
        ui = new UiThread();
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void a_flow_trace_shows_the_test_the_failed_expectation_its_near_misses_and_the_timeline(Connection shared) {
        FlowTraces.Written trace = FlowTraces.write(shared.bus(), dir);
        RecordingViewModel r = ui.get(() -> new RecordingViewModel(ui.background, Optional.empty()));
        ui.run(() -> r.fileProperty().set(trace.file().toString()));

        ui.done(r::open);

        assertThat(trace.file()).isEqualTo(dir.resolve("shop.CheckoutIT").resolve("pays_the_order_total.jsonl"));
        assertThat(ui.get(() -> r.titleProperty().get())).isEqualTo("Flow trace · CheckoutIT › pays_the_order_total()");
        assertThat(ui.get(() -> r.testIdProperty().get())).isEqualTo(FlowTraces.TEST_ID);
        assertThat(ui.get(() -> r.expectationProperty().get()))
                .isEqualTo("expected a message matching $.orderId == \"o-1\" and $.amount == 25.0");
        assertThat(ui.get(() -> r.failureProperty().get())).isEqualTo(trace.failure());
        assertThat(ui.get(() -> r.summaryProperty().get())).isEqualTo("3 messages on 2 destinations · 2 near misses · names: "
                + "kafka:orders = " + trace.orders() + ", jms:queue:payment.requests = " + trace.payments());
        assertThat(ui.get(() -> r.droppedProperty().get())).as("nothing dropped").isEmpty();
        // in the order the capture saw them (the JMS requests may come before the Kafka order)
        assertThat(ui.get(() -> r.timeline().stream().map(e -> e.kind() + " " + e.destination() + " " + e.key() + " " + e.preview()
                + (e.nearMiss() ? " (near miss)" : "")).toList())).containsExactlyElementsOf(trace.seen().stream()
                .map(m -> "observed " + m.destination() + " " + m.keyText().orElse("") + " " + m.payloadText().orElseThrow()
                        + (m.destination().equals(trace.payments()) ? " (near miss)" : "")).toList());

        assertThat(ui.get(() -> r.nearMisses().size())).isEqualTo(2);
        RecordingTimeline.Linked closest = ui.get(() -> r.nearMisses().get(0));
        int amountOffAt = FlowTraces.indexOf(trace, "{\"orderId\":\"o-1\",\"amount\":2.5}");
        Message amountOff = trace.seen().get(amountOffAt);
        assertThat(closest.miss().position()).isEqualTo(amountOff.position());
        assertThat(closest.miss().failedChecks()).containsExactly("FAIL $.amount == 25.0: was 2.5");
        assertThat(closest.index()).isEqualTo(amountOffAt);

        TimelineEntry selected = ui.get(() -> r.selectNearMiss(closest));
        assertThat(selected.row().message().position()).isEqualTo(amountOff.position());
        ui.until(() -> r.detail().textProperty().get().contains("\"amount\" : 2.5"));
        assertThat(ui.get(() -> r.detail().titleProperty().get())).startsWith(trace.payments() + " · message #" + amountOffAt);
    }

    @Test
    void a_flow_trace_whose_capture_was_full_says_in_its_header_how_many_messages_it_dropped(Connection shared) {
        String topic = "trace.full." + UUID.randomUUID().toString().substring(0, 6);
        shared.bus().kafka().createTopicIfMissing(topic, 1);
        Path file;
        String capturedAs;
        try (Capture capture = shared.bus().capture(CaptureSpec.of("kafka:" + topic).withBufferLimit(1))) {
            for (int i = 1; i <= 3; i++) {
                shared.bus().publish(OutgoingMessage.text("kafka:" + topic, "{\"n\":" + i + "}"));
            }
            Awaitility.await("the capture to drop two").atMost(Duration.ofSeconds(20)).until(() -> capture.dropped() == 2);
            capturedAs = capture.describe();
            // as toolkit-junit writes a failed test's trace
            file = FlowTraceFile.of(FlowTraces.TEST_ID, new AssertionError("expected 3 orders"))
                    .withDropped(capture.describe(), capture.dropped())
                    .write(dir.resolve("full.jsonl"), capture.messages(), Redactor.none());
        }
        RecordingViewModel r = ui.get(() -> new RecordingViewModel(ui.background, Optional.empty()));
        ui.run(() -> r.fileProperty().set(file.toString()));

        ui.done(r::open);

        assertThat(ui.get(() -> r.droppedProperty().get()))
                .isEqualTo("capture " + capturedAs + " dropped 2 messages at its buffer bound; they are not in this file");
        assertThat(ui.get(() -> r.timeline().size())).isEqualTo(1);
        assertThat(ui.get(() -> r.summaryProperty().get())).isEqualTo("1 message on 1 destination · 0 near misses");
    }

    @Test
    void a_session_recording_shows_what_was_injected_and_the_notes_and_findings_between_the_messages(Connection shared) {
        String topic = "kafka:trace.session." + UUID.randomUUID().toString().substring(0, 6);
        shared.bus().kafka().createTopicIfMissing(topic.substring("kafka:".length()), 1);
        Path file = dir.resolve("session.jsonl");
        try (Recorder recorder = RecorderSpec.to(file).start(shared.bus(), topic)) {
            recorder.note("two orders");
            recorder.inject(OutgoingMessage.text(topic, "{\"orderId\":\"o-1\"}").withKey("o-1"));
            shared.bus().publish(OutgoingMessage.text(topic, "{\"orderId\":\"o-9\"}").withKey("o-9"));
            recorder.awaitRecorded(2, Duration.ofSeconds(20));
            recorder.finding("o-9 came from nowhere");
        }
        RecordingViewModel r = ui.get(() -> new RecordingViewModel(ui.background, Optional.empty()));
        ui.run(() -> r.fileProperty().set(file.toString()));

        ui.done(r::open);

        assertThat(ui.get(() -> r.titleProperty().get())).isEqualTo("Session recording · session.jsonl");
        assertThat(ui.get(() -> r.failureProperty().get())).isEmpty();
        assertThat(ui.get(() -> r.nearMisses().isEmpty())).isTrue();
        assertThat(ui.get(() -> r.timeline().stream().filter(e -> e.kind() != TimelineEntry.Kind.RECORDER)
                .map(e -> e.kind() + " " + e.key() + " " + e.preview()).toList())).containsExactly(
                "note  two orders",
                "injected o-1 {\"orderId\":\"o-1\"}",
                "observed o-9 {\"orderId\":\"o-9\"}",
                "finding  o-9 came from nowhere");
        assertThat(ui.get(() -> r.summaryProperty().get())).isEqualTo("2 messages on 1 destination (1 injected) · 1 note, 1 finding");
        assertThat(ui.get(() -> r.droppedProperty().get())).isEmpty();
        ui.run(() -> r.select(r.timeline().get(r.timeline().size() - 1)));
        assertThat(ui.get(() -> r.detail().titleProperty().get())).isEqualTo("No message selected");
        assertThat(ui.get(r::export).recordingProperty().get()).isEqualTo(file.toString());
    }

    @Test
    void a_file_that_is_not_a_capture_file_is_refused_naming_the_line(Connection shared) throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.jsonl"), "{\"format\":\"sitkit-capture\",\"version\":2}\nnot json\n");
        RecordingViewModel r = ui.get(() -> new RecordingViewModel(ui.background, shared.schemas()));
        ui.run(() -> r.fileProperty().set(bad.toString()));

        ui.done(r::open);

        assertThat(ui.get(() -> r.okProperty().get())).isFalse();
        assertThat(ui.get(() -> r.messageProperty().get())).isEqualTo("capture file " + bad + ", line 2: not valid JSON at column 1: not json");
        assertThat(ui.get(() -> r.openedProperty().get())).isNull();
    }
}
