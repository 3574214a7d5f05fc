package io.sitkit.fx.service;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timeline links a near miss named by its real destination to a message written under the test's
 * logical address, through the header's {@code name.<logical>} annotation — the full address it is
 * written as now, or the bare name older flow traces hold.
 */
class RecordingTimelineTest {
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");
    private static final String FAILURE = """
            expected a message matching $.total == 25.0
              on kafka:orders.t1
              within 200ms
              but saw 0 matching
              nearest misses (1 of 1 on kafka:orders.t1):
                kafka:orders.t1[0]@3 key=o-1 {"total":2.5}
                  FAIL $.total == 25.0: was 2.5""";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "name.kafka:orders = {0}")
    @ValueSource(strings = {"kafka:orders.t1", "orders.t1"})
    void a_near_miss_on_the_real_name_is_linked_to_the_message_recorded_under_the_logical_address(String written) {
        Path file = write(written);

        RecordingTimeline t = RecordingTimeline.read(file, Optional.empty(), 100);

        assertThat(t.kind()).isEqualTo(RecordingTimeline.Kind.FLOW_TRACE);
        assertThat(t.nearMisses()).singleElement().satisfies(l -> {
            assertThat(l.miss().position()).isEqualTo("kafka:orders.t1[0]@3");
            assertThat(l.index()).isZero();
        });
        assertThat(t.entries().get(0).nearMiss()).isTrue();
        assertThat(t.flowTrace().orElseThrow().names()).containsExactly(Map.entry("kafka:orders", "kafka:orders.t1"));
    }

    @Test
    void a_recording_without_names_links_nothing_it_does_not_hold() {
        Path file = write(null);

        RecordingTimeline t = RecordingTimeline.read(file, Optional.empty(), 100);

        assertThat(t.nearMisses()).singleElement().satisfies(l -> assertThat(l.index()).isEqualTo(-1));
        assertThat(t.entries().get(0).nearMiss()).isFalse();
    }

    private Path write(String name) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("test", "[engine:junit-jupiter]/[class:shop.CheckoutIT]/[method:pays()]");
        annotations.put("failure", FAILURE);
        if (name != null) {
            annotations.put("name.kafka:orders", name);
        }
        Path file = dir.resolve("trace.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, annotations, Redactor.none())) {
            w.write(new Message(Destination.kafka("orders"), "o-1".getBytes(StandardCharsets.UTF_8), Headers.empty(),
                    "{\"total\":2.5}".getBytes(StandardCharsets.UTF_8), BodyType.BYTES, T, T, new KafkaMetadata(0, 3, "CreateTime", 0)));
        }
        return file;
    }
}
