package io.sitkit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.config.Secrets;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version 2 of the format: notes, findings, problems, recorded schemas, origins and schema ids. */
class SessionLinesTest {
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Message order(long offset, String json) {
        return new Message(Destination.kafka("orders"), "o-1".getBytes(StandardCharsets.UTF_8), Headers.empty(),
                json.getBytes(StandardCharsets.UTF_8), BodyType.BYTES, T, T.plusMillis(offset), new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    private static List<CaptureItem> items(Path file) {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            List<CaptureItem> all = new ArrayList<>();
            reader.items().forEach(all::add);
            return all;
        }
    }

    @Test
    void notesFindingsSchemasAndMessagesReadBackInFileOrder() {
        Path file = dir.resolve("session.jsonl");
        SessionNote note = new SessionNote(T, SessionNote.Kind.NOTE, "placing an order with SAVE10", Map.of("step", "1"));
        SessionNote finding = SessionNote.of(T.plusSeconds(2), SessionNote.Kind.FINDING, "invoice tax 1.84, charged 1.83");
        SessionNote problem = SessionNote.of(T.plusSeconds(3), SessionNote.Kind.PROBLEM, "kafka:orders lost its broker");
        RecordedSchema schema = new RecordedSchema(7, "orders-value", SchemaFormat.AVRO, SCHEMA);

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of("session", "exploratory"), Redactor.none())) {
            writer.note(note);
            writer.schema(schema);
            writer.write(order(1, "{\"a\":1}"), Origin.INJECTED, 7, Map.of(), Map.of());
            writer.write(order(2, "{\"a\":2}"));
            writer.note(finding);
            writer.note(problem);
            assertThat(writer.written()).isEqualTo(2);
        }
        List<CaptureItem> items = items(file);

        assertThat(items).hasSize(6);
        assertThat(items.get(0)).isEqualTo(note);
        assertThat(items.get(1)).isEqualTo(schema);
        CaptureFileReader.Entry injected = (CaptureFileReader.Entry) items.get(2);
        assertThat(injected.origin()).isEqualTo(Origin.INJECTED);
        assertThat(injected.injected()).isTrue();
        assertThat(injected.schemaId()).isEqualTo(7);
        CaptureFileReader.Entry observed = (CaptureFileReader.Entry) items.get(3);
        assertThat(observed.origin()).isEqualTo(Origin.OBSERVED);
        assertThat(observed.schemaId()).isNull();
        assertThat(items.subList(4, 6)).containsExactly(finding, problem);
    }

    @Test
    void theLinesAreReadableJsonWithAKindAndAbsentDefaultsLeftOut() throws IOException {
        Path file = dir.resolve("lines.jsonl");
        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            writer.note(SessionNote.of(T, SessionNote.Kind.FINDING, "tax differs"));
            writer.schema(new RecordedSchema(7, "", SchemaFormat.AVRO, SCHEMA));
            writer.write(order(1, "{}"), Origin.INJECTED, 7, Map.of(), Map.of());
            writer.write(order(2, "{}"));
        }
        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(1)).isEqualTo("{\"kind\":\"finding\",\"at\":\"2026-03-02T09:15:00Z\",\"text\":\"tax differs\"}");
        assertThat(lines.get(2)).isEqualTo("{\"kind\":\"schema\",\"id\":7,\"format\":\"AVRO\",\"schema\":"
                + JSON.writeValueAsString(SCHEMA) + "}");
        JsonNode injected = JSON.readTree(lines.get(3));
        assertThat(injected.get("origin").asText()).isEqualTo("injected");
        assertThat(injected.get("schemaId").asInt()).isEqualTo(7);
        assertThat(injected.has("kind")).isFalse();
        JsonNode observed = JSON.readTree(lines.get(4));
        assertThat(observed.has("origin")).isFalse();
        assertThat(observed.has("schemaId")).isFalse();
    }

    @Test
    void iteratingTheReaderGivesOnlyTheMessages() {
        Path file = dir.resolve("messages.jsonl");
        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            writer.note(SessionNote.of(T, SessionNote.Kind.NOTE, "start"));
            writer.write(order(1, "{}"));
            writer.note(SessionNote.of(T, SessionNote.Kind.NOTE, "between"));
            writer.write(order(2, "{}"));
            writer.note(SessionNote.of(T, SessionNote.Kind.NOTE, "end"));
        }

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            List<Long> offsets = new ArrayList<>();
            reader.forEach(e -> offsets.add(e.message().kafka().orElseThrow().offset()));
            assertThat(offsets).containsExactly(1L, 2L);
        }
    }

    @Test
    void linesOfAKindThisReaderDoesNotKnowAreSkipped() throws IOException {
        Path file = dir.resolve("future.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":2}
                {"kind":"screenshot","at":"2026-03-02T09:15:00Z","png":"iVBOR"}
                {"kind":"message","destination":"kafka:orders","bodyType":"BYTES","capturedAt":"2026-03-02T09:15:00Z","kafka":{"partition":0,"offset":4,"leaderEpoch":-1}}
                """);

        List<CaptureItem> items = items(file);

        assertThat(items).hasSize(1);
        assertThat(((CaptureFileReader.Entry) items.get(0)).message().kafka().orElseThrow().offset()).isEqualTo(4);
    }

    @Test
    void aBadNoteOrSchemaLineNamesFileLineAndField() throws IOException {
        Path notes = dir.resolve("bad-note.jsonl");
        Files.writeString(notes, """
                {"format":"sitkit-capture","version":2}
                {"kind":"finding","text":"tax differs"}
                """);
        Path schemas = dir.resolve("bad-schema.jsonl");
        Files.writeString(schemas, """
                {"format":"sitkit-capture","version":2}
                {"kind":"schema","id":7,"format":"protobuf","schema":"syntax = \\"proto3\\";"}
                """);

        assertThatThrownBy(() -> items(notes)).isInstanceOf(CaptureFileException.class)
                .hasMessage("capture file " + notes + ", line 2: missing field 'at': {\"kind\":\"finding\",\"text\":\"tax differs\"}");
        assertThatThrownBy(() -> items(schemas)).isInstanceOf(CaptureFileException.class)
                .hasMessageStartingWith("capture file " + schemas + ", line 2: field 'format' has the unknown value 'protobuf';"
                        + " known: AVRO, JSON_SCHEMA: {\"kind\":\"schema\"");
    }

    @Test
    void aBadOriginIsReportedWithTheValuesItCanTake() throws IOException {
        Path file = dir.resolve("bad-origin.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":2}
                {"destination":"kafka:o","bodyType":"BYTES","capturedAt":"2026-03-02T09:15:00Z","kafka":{"partition":0,"offset":4,"leaderEpoch":-1},"origin":"replayed"}
                """);

        assertThatThrownBy(() -> items(file))
                .hasMessageStartingWith("capture file " + file + ", line 2: field 'origin' has the unknown value 'replayed';"
                        + " known: [OBSERVED, INJECTED]");
    }

    @Test
    void noteTextAndAnnotationsPassThroughTheRedactor() throws IOException {
        Path file = dir.resolve("redacted.jsonl");
        Redactor redactor = Redactor.builder().secretValues("hunter2").build();

        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), redactor)) {
            writer.note(new SessionNote(T, SessionNote.Kind.NOTE, "logged in with hunter2", Map.of("password", "hunter2")));
        }

        SessionNote read = (SessionNote) items(file).get(0);
        assertThat(read.text()).isEqualTo("logged in with " + Secrets.MASK);
        assertThat(read.annotations()).containsExactly(Map.entry("password", Secrets.MASK));
        assertThat(Files.readString(file)).doesNotContain("hunter2");
    }

    @Test
    void aCopyThroughWriteItemKeepsEveryLine() {
        Path original = dir.resolve("original.jsonl");
        try (CaptureFileWriter writer = CaptureFileWriter.open(original, Map.of(), Redactor.none())) {
            writer.note(SessionNote.of(T, SessionNote.Kind.FINDING, "found"));
            writer.schema(new RecordedSchema(3, "s", SchemaFormat.AVRO, SCHEMA));
            writer.write(order(1, "{}"), Origin.INJECTED, 3, Map.of("orderId", "o-1"), Map.of("step", "pay"));
        }
        Path copy = dir.resolve("copy.jsonl");

        try (CaptureFileWriter writer = CaptureFileWriter.open(copy, Map.of(), Redactor.none())) {
            items(original).forEach(writer::write);
        }

        assertThat(items(copy)).isEqualTo(items(original));
    }

    @Test
    void blankNotesAndNegativeSchemaIdsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> SessionNote.of(T, SessionNote.Kind.FINDING, " "))
                .hasMessage("a finding needs some text, was \" \"");
        assertThatThrownBy(() -> new RecordedSchema(-1, "", SchemaFormat.AVRO, SCHEMA))
                .hasMessage("schema id must be >= 0, was -1");
    }
}
