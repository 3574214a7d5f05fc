package io.sitkit.junit;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.GoldenFlow;
import io.sitkit.record.Origin;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.record.Replay;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.sitkit.match.Matchers.key;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/** A test records its flow under its logical addresses; recordings of two tests compare and replay. */
@SitTest(observe = {"kafka:orders", "jms:queue:payments"})
class RecordingIT {
    @TempDir
    static Path dir;

    private static List<CaptureFileReader.Entry> entries(Path file) {
        List<CaptureFileReader.Entry> out = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            reader.forEach(out::add);
        }
        return out;
    }

    /** The flow of one test: an injected order, the payment "the system" sends for it. */
    private static Path recordFlow(SitBus bus, String name, String amount) {
        Path file = dir.resolve(name);
        try (Recorder recording = bus.record(file)) {
            recording.inject(OutgoingMessage.text("kafka:orders", "{\"orderId\":\"o-1\",\"total\":42}").withKey("o-1"));
            bus.publish(OutgoingMessage.text("jms:queue:payments", "{\"orderId\":\"o-1\",\"amount\":" + amount + "}").withKey("o-1"));
            recording.awaitRecorded(2, ofSeconds(10));
        }
        return file;
    }

    @Test
    void a_recording_names_destinations_as_the_test_does_and_marks_what_the_test_injected(SitBus bus) {
        Path file = recordFlow(bus, "names.jsonl", "42");

        assertThat(entries(file)).extracting(e -> e.origin() + " " + e.message().destination())
                .containsExactlyInAnyOrder("INJECTED kafka:orders", "OBSERVED jms:queue:payments");
        assertThat(bus.destination("kafka:orders").name()).isNotEqualTo("orders");
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.header().annotations()).containsEntry("test", bus.testId())
                    .containsEntry("name.kafka:orders", bus.destination("kafka:orders").toString())
                    .containsEntry("recorded", "kafka:orders, jms:queue:payments");
        }
    }

    @Test
    void recordings_of_two_tests_compare_as_a_golden_flow_and_a_difference_names_the_field(SitBus bus) {
        Path baseline = recordFlow(bus, "baseline.jsonl", "42");
        Path same = recordFlow(bus, "same.jsonl", "42");
        bus.expect("jms:queue:payments").message(key("o-1")).within(ofSeconds(5));

        GoldenFlow.baseline(baseline).assertMatches(same);
        Path other = dir.resolve("other.jsonl");
        try (Recorder recording = bus.record(RecorderSpec.to(other), "jms:queue:payments")) {
            bus.publish(OutgoingMessage.text("jms:queue:payments", "{\"orderId\":\"o-1\",\"amount\":41}").withKey("o-1"));
            recording.awaitRecorded(1, ofSeconds(10));
        }
        assertThat(GoldenFlow.baseline(baseline).only(e -> e.message().destination().equals(Destination.jmsQueue("payments")))
                .compare(other).changed()).singleElement()
                .satisfies(c -> assertThat(c.differences()).containsExactly("$.amount: expected 42 but was 41"));
    }

    @Test
    void a_recording_replays_into_this_tests_names_and_the_redactor_masks_what_it_writes(SitBus bus) {
        Path file = dir.resolve("secret.jsonl");
        try (Recorder recording = bus.record(RecorderSpec.to(file).redactedBy(Redactor.builder().fields("card").build()))) {
            recording.inject(OutgoingMessage.text("kafka:orders", "{\"orderId\":\"o-9\",\"card\":\"4111111111111111\"}").withKey("o-9"));
            recording.awaitRecorded(1, ofSeconds(10));
        }
        List<CaptureFileReader.Entry> written = entries(file);
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(Origin.INJECTED);
            assertThat(e.message().payloadText().orElseThrow()).doesNotContain("4111111111111111");
        });

        assertThat(Replay.of(file).mapDestination(Destination.kafka("orders"), bus.destination("kafka:orders")).into(bus.bus()).sent())
                .as("messages the replay sent").isEqualTo(1);

        // the replay has sent by the time into() returns: once both are seen, a moment more shows no third
        bus.expect("kafka:orders").messages(key("o-9")).count(io.sitkit.expect.Count.atLeast(2)).within(ofSeconds(10));
        bus.expect("kafka:orders").messages(key("o-9")).count(io.sitkit.expect.Count.exactly(2)).within(ofSeconds(1));
    }
}
