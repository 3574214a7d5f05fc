package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.diff.JsonDiff;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden-flow comparison of recordings written here, line by line. */
class GoldenFlowTest {
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");
    private static final String PLACED = "{\"type\":\"record\",\"name\":\"Placed\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"},"
            + "{\"name\":\"tax\",\"type\":\"double\"}]}";
    private static final AvroCodec CODEC = AvroCodec.of(new Schema.Parser().parse(PLACED));

    @TempDir
    Path dir;
    private final AtomicLong offsets = new AtomicLong(100);

    private Message kafka(String topic, String key, String json, Header... headers) {
        long offset = offsets.incrementAndGet();
        return new Message(Destination.kafka(topic), key == null ? null : key.getBytes(StandardCharsets.UTF_8), Headers.of(headers),
                json.getBytes(StandardCharsets.UTF_8), BodyType.BYTES, T.plusMillis(offset), T.plusMillis(offset),
                new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    private Message jms(String queue, String correlationId, String json) {
        return new Message(Destination.jmsQueue(queue), null, Headers.empty(), json.getBytes(StandardCharsets.UTF_8), BodyType.TEXT,
                T, T, new JmsMetadata("ID:host-" + offsets.incrementAndGet() + ":1:1:1:1", correlationId, null, null, 4, true, null,
                false, null));
    }

    private Path recording(String name, Consumer<CaptureFileWriter> lines) {
        Path file = dir.resolve(name);
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            lines.accept(w);
        }
        return file;
    }

    /** A checkout as one run recorded it: a request, a payment request on JMS, an event with an id and a time of its own. */
    private Path checkout(String name, String tax, String eventTypeHeader) {
        return recording(name, w -> {
            w.write(kafka("checkout-requests", "o-1", "{\"orderId\":\"o-1\",\"lines\":[{\"sku\":\"sku-mug\",\"qty\":2}]}"),
                    Origin.INJECTED, null, Map.of(), Map.of());
            w.write(jms("payment.requests", "o-1", "{\"orderId\":\"o-1\",\"amount\":15.70}"));
            w.write(kafka("order-events", "o-1", "{\"orderId\":\"o-1\",\"eventId\":\"" + UUID.randomUUID() + "\",\"at\":\""
                    + Instant.now() + "\",\"tax\":" + tax + ",\"total\":15.70}", Header.of("eventType", eventTypeHeader),
                    Header.of("traceparent", "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01")));
        });
    }

    @Test
    void twoRunsOfTheSameFlowMatchThoughIdsTimesOffsetsAndMessageIdsDiffer() {
        Path baseline = checkout("baseline.jsonl", "1.20", "OrderConfirmed");
        Path run = checkout("run.jsonl", "1.20", "OrderConfirmed");

        GoldenFlowResult result = GoldenFlow.baseline(baseline).compare(run);

        assertThat(result.matches()).isTrue();
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.describe()).isEqualTo("expected the flow recorded in capture file " + baseline + ": 3 messages on 3 destinations\n"
                + "  compared with capture file " + run + ": 3 messages\n"
                + "  ignoring values shaped like uuids, ISO times, trace ids and JMS message ids (compared by shape); offsets, message ids and times\n"
                + "  and all 3 are the same\n"
                + "  messages per destination, baseline -> new: kafka:checkout-requests 1 -> 1, jms:queue:payment.requests 1 -> 1,"
                + " kafka:order-events 1 -> 1");
        GoldenFlow.baseline(baseline).assertMatches(run);
    }

    @Test
    void aChangedFieldAndHeaderFailWithTheMessageAndEachDifference() {
        Path baseline = checkout("baseline.jsonl", "1.20", "OrderConfirmed");
        Path run = checkout("run.jsonl", "1.21", "OrderAccepted");

        assertThatThrownBy(() -> GoldenFlow.baseline(baseline).assertMatches(run))
                .isInstanceOf(ExpectationFailedError.class)
                .satisfies(e -> assertThat(e.getMessage().lines().toList()).containsExactly(
                        "expected the flow recorded in capture file " + baseline + ": 3 messages on 3 destinations",
                        "  compared with capture file " + run + ": 3 messages",
                        "  ignoring values shaped like uuids, ISO times, trace ids and JMS message ids (compared by shape); offsets,"
                                + " message ids and times",
                        "  but 1 changed, 0 missing, 0 added (2 the same)",
                        "  messages per destination, baseline -> new: kafka:checkout-requests 1 -> 1, jms:queue:payment.requests 1 -> 1,"
                                + " kafka:order-events 1 -> 1",
                        "  changed (1):",
                        e.getMessage().lines().toList().get(6),
                        "      header eventType: expected \"OrderConfirmed\" but was \"OrderAccepted\"",
                        "      $.tax: expected 1.20 but was 1.21"));
        assertThat(GoldenFlow.baseline(baseline).compare(run).describe().lines().toList().get(6))
                .startsWith("    kafka:order-events[0]@").contains(" key=o-1 {\"orderId\":\"o-1\",\"eventId\":\"");
    }

    @Test
    void missingAndAddedMessagesAreListedAndALikelyRenameIsHinted() {
        Path baseline = recording("baseline.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{\"orderId\":\"o-1\"}"));
            w.write(kafka("invoices", "o-1", "{\"orderId\":\"o-1\",\"total\":3}"));
        });
        Path run = recording("run.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{\"orderId\":\"o-1\"}"));
            w.write(kafka("invoice", "o-1", "{\"orderId\":\"o-1\",\"total\":3}"));
        });

        GoldenFlowResult result = GoldenFlow.baseline(baseline).compare(run);

        assertThat(result.missing()).extracting(e -> e.message().destination()).containsExactly(Destination.kafka("invoices"));
        assertThat(result.added()).extracting(e -> e.message().destination()).containsExactly(Destination.kafka("invoice"));
        List<String> lines = result.describe().lines().toList();
        assertThat(lines.subList(3, lines.size())).containsExactly(
                "  but 0 changed, 1 missing, 1 added (1 the same)",
                "  messages per destination, baseline -> new: kafka:orders 1 -> 1, kafka:invoices 1 -> 0, kafka:invoice 0 -> 1",
                "  missing (1):",
                "    kafka:invoices[0]@102 key=o-1 {\"orderId\":\"o-1\",\"total\":3}",
                "  added (1):",
                "    kafka:invoice[0]@104 key=o-1 {\"orderId\":\"o-1\",\"total\":3}",
                "  hint: the baseline's 1 message(s) on kafka:invoices and the new 1 on kafka:invoice may be the same: was the"
                        + " destination renamed, or is a service configured with the wrong name?");
    }

    @Test
    void ignoredPathsAndHeadersAreNotCompared() {
        Path baseline = checkout("baseline.jsonl", "1.20", "OrderConfirmed");
        Path run = checkout("run.jsonl", "1.21", "OrderAccepted");

        GoldenFlowResult result = GoldenFlow.baseline(baseline).ignoring("$.tax").ignoringHeaders("EVENTTYPE").compare(run);

        assertThat(result.matches()).isTrue();
        assertThat(result.describe()).contains("  ignoring payload $.tax; headers eventtype; values shaped like");
        assertThatThrownBy(() -> GoldenFlow.baseline(baseline).ignoring("$.[oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.[oops");
    }

    @Test
    void messagesPairByKeySoInterleavingDoesNotMatterAndARuleCanPairByField() {
        Path baseline = recording("baseline.jsonl", w -> {
            w.write(kafka("stock", "sku-mug", "{\"orderId\":\"o-1\",\"qty\":1}"));
            w.write(kafka("stock", "sku-mug", "{\"orderId\":\"o-2\",\"qty\":2}"));
            w.write(kafka("orders", "o-1", "{\"n\":1}"));
            w.write(kafka("orders", "o-2", "{\"n\":2}"));
        });
        Path run = recording("run.jsonl", w -> {
            w.write(kafka("orders", "o-2", "{\"n\":2}"));
            w.write(kafka("stock", "sku-mug", "{\"orderId\":\"o-2\",\"qty\":3}"));
            w.write(kafka("orders", "o-1", "{\"n\":1}"));
            w.write(kafka("stock", "sku-mug", "{\"orderId\":\"o-1\",\"qty\":1}"));
        });

        GoldenFlowResult byKey = GoldenFlow.baseline(baseline).compare(run);
        GoldenFlowResult byOrder = GoldenFlow.baseline(baseline)
                .pairedBy(CorrelationRules.byDefault(KeySource.kafkaKey()).on("kafka:stock", KeySource.jsonPath("$.orderId"))).compare(run);

        assertThat(byKey.changed()).singleElement().satisfies(c -> assertThat(c.differences()).containsExactly("$.qty: expected 2 but was 3"));
        assertThat(byOrder.changed()).singleElement().satisfies(c -> {
            assertThat(c.expected().message().payloadText()).contains("{\"orderId\":\"o-2\",\"qty\":2}");
            assertThat(c.differences()).containsExactly("$.qty: expected 2 but was 3");
        });
    }

    @Test
    void avroPayloadsCompareAsJsonThroughTheSchemasInTheRecordingsWhateverTheirIds() {
        Path baseline = recording("baseline.jsonl", w -> {
            w.schema(new RecordedSchema(1, "", SchemaFormat.AVRO, PLACED));
            w.write(avro(1, "{\"orderId\":\"o-1\",\"tax\":1.83}"), Origin.OBSERVED, 1, Map.of(), Map.of());
        });
        Path same = recording("same.jsonl", w -> {
            w.schema(new RecordedSchema(41, "", SchemaFormat.AVRO, PLACED));
            w.write(avro(41, "{\"orderId\":\"o-1\",\"tax\":1.83}"), Origin.OBSERVED, 41, Map.of(), Map.of());
        });
        Path changed = recording("changed.jsonl", w -> {
            w.schema(new RecordedSchema(41, "", SchemaFormat.AVRO, PLACED));
            w.write(avro(41, "{\"orderId\":\"o-1\",\"tax\":1.84}"), Origin.OBSERVED, 41, Map.of(), Map.of());
        });

        assertThat(GoldenFlow.baseline(baseline).compare(same).matches()).isTrue();
        GoldenFlowResult result = GoldenFlow.baseline(baseline).compare(changed);
        assertThat(result.changed()).singleElement().satisfies(c -> assertThat(c.differences()).containsExactly("$.tax: expected 1.83 but was 1.84"));
        assertThat(result.describe()).contains("    kafka:orders-placed[0]@0 {\"orderId\":\"o-1\",\"tax\":1.84}");
    }

    private static Message avro(int schemaId, String json) {
        return new Message(Destination.kafka("orders-placed"), null, Headers.empty(), ConfluentWireFormat.frame(schemaId, CODEC.encodeJson(json)),
                BodyType.BYTES, null, T, new KafkaMetadata(0, 0, null, -1));
    }

    @Test
    void comparingVolatileValuesReportsTheIdsThatDiffer() {
        Path baseline = checkout("baseline.jsonl", "1.20", "OrderConfirmed");
        Path run = checkout("run.jsonl", "1.20", "OrderConfirmed");

        GoldenFlowResult result = GoldenFlow.baseline(baseline).comparingVolatileValues().compare(run);

        assertThat(result.changed()).hasSize(1);
        assertThat(result.changed().get(0).differences())
                .anySatisfy(d -> assertThat(d).startsWith("$.eventId: expected \""))
                .anySatisfy(d -> assertThat(d).startsWith("header traceparent: expected \"00-"));
    }

    @Test
    void aFilterAndAWiderDiffApplyToBothRecordings() {
        Path baseline = recording("baseline.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{\"n\":1}"), Origin.INJECTED, null, Map.of(), Map.of());
            w.write(kafka("events", "o-1", "{\"n\":1}"));
        });
        Path run = recording("run.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{\"n\":1}"));
            w.write(kafka("events", "o-1", "{\"n\":1,\"extra\":true}"));
            w.write(kafka("orders", "o-9", "{\"n\":9}"), Origin.INJECTED, null, Map.of(), Map.of());
        });

        assertThat(GoldenFlow.baseline(baseline).only(Replay.OBSERVED).withDiff(JsonDiff.strict().allowingExtraFields())
                .compare(run).added()).extracting(e -> e.message().keyText().orElseThrow()).containsExactly("o-1");
        assertThat(GoldenFlow.baseline(baseline).only(Replay.OBSERVED).compare(run).changed()).singleElement()
                .satisfies(c -> assertThat(c.differences()).containsExactly("$.extra: unexpected true"));
    }

    @Test
    void secretsAreMaskedInTheFailureMessage() {
        Path baseline = recording("baseline.jsonl", w -> w.write(kafka("logins", "u-1", "{\"user\":\"ann\",\"password\":\"hunter2\",\"ok\":true}")));
        Path run = recording("run.jsonl", w -> w.write(kafka("logins", "u-1", "{\"user\":\"ann\",\"password\":\"hunter2\",\"ok\":false}")));

        String message = GoldenFlow.baseline(baseline).redactedBy(Redactor.builder().fields("password").build()).compare(run).describe();

        assertThat(message).contains("$.ok: expected true but was false").doesNotContain("hunter2");
    }
}
