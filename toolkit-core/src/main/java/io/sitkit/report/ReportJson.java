package io.sitkit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.contract.Violation;
import io.sitkit.core.Destination;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link RunReport} as {@code report.json} and reads it back. Field names are stable
 * (documented in {@code docs/report.md}); instants are ISO-8601 UTC text, durations whole
 * milliseconds; absent values are {@code null}. Counts and percentages written for convenience
 * ({@code summary}, coverage totals) are recomputed on reading.
 *
 * <pre>{@code
 * ReportJson.write(report, Path.of("target/sitkit/report.json"));
 * Coverage manual = ReportJson.read(Path.of("session/report.json")).coverage();
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class ReportJson {
    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "sitkit-run-report";
    /** The value of the top-level {@code version} field. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ReportJson() {
    }

    /** Writes {@code report} to {@code file} (UTF-8), replacing it. */
    public static void write(RunReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes {@code report} to {@code out} (UTF-8), leaving the stream open. */
    public static void write(RunReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("environment", report.environment());
            g.writeStringField("startedAt", report.startedAt().toString());
            g.writeStringField("endedAt", report.endedAt().toString());
            g.writeNumberField("durationMillis", report.duration().toMillis());
            g.writeObjectFieldStart("summary");
            g.writeNumberField("total", report.tests().size());
            for (TestStatus s : TestStatus.values()) {
                g.writeNumberField(s.name().toLowerCase(Locale.ROOT), report.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("tests");
            for (TestRecord t : report.tests()) {
                writeTest(g, t);
            }
            g.writeEndArray();
            writeCoverage(g, report.coverage());
            g.writeEndObject();
        }
    }

    private static void writeTest(JsonGenerator g, TestRecord t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("className", t.className());
        g.writeStringField("displayName", t.displayName());
        writeStrings(g, "tags", t.tags());
        g.writeStringField("status", t.status().name());
        g.writeNumberField("durationMillis", t.duration().toMillis());
        g.writeStringField("failure", t.failure().orElse(null));
        writeStrings(g, "destinations", t.destinations().stream().map(Destination::toString).toList());
        g.writeStringField("flowTrace", t.flowTrace().orElse(null));
        g.writeArrayFieldStart("violations");
        for (Violation v : t.violations()) {
            g.writeStartObject();
            g.writeStringField("contract", v.contract());
            g.writeStringField("position", v.position());
            g.writeStringField("consumer", v.consumer());
            g.writeStringField("detail", v.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("timeline");
        for (TimelineEntry e : t.timeline()) {
            g.writeStartObject();
            g.writeStringField("capturedAt", e.capturedAt().toString());
            g.writeStringField("destination", e.destination().toString());
            g.writeStringField("position", e.position());
            g.writeStringField("key", e.key().orElse(null));
            g.writeStringField("correlationKey", e.correlationKey().orElse(null));
            g.writeStringField("messageType", e.messageType().orElse(null));
            g.writeNumberField("size", e.size());
            g.writeStringField("preview", e.preview());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator g, Coverage c) throws IOException {
        g.writeObjectFieldStart("coverage");
        g.writeStringField("source", c.source());
        g.writeNumberField("inventoryPoints", c.inventoryPoints());
        g.writeNumberField("exercisedPoints", c.exercisedPoints());
        g.writeNumberField("percent", Math.round(c.percent() * 10) / 10.0);
        g.writeArrayFieldStart("cells");
        for (CoverageCell cell : c.cells()) {
            g.writeStartObject();
            g.writeStringField("destination", cell.destination().toString());
            g.writeStringField("messageType", cell.messageType());
            g.writeBooleanField("inInventory", cell.inInventory());
            g.writeNumberField("messages", cell.messages());
            writeStrings(g, "tests", cell.tests());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeStrings(g, "destinationsOutsideInventory",
                c.destinationsOutsideInventory().stream().map(Destination::toString).toList());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws IOException when the file cannot be read or is not JSON
     * @throws IllegalArgumentException naming the field when the JSON is not a sitkit run report
     */
    public static RunReport read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a sitkit run report: field 'format' is '"
                    + (root == null ? "" : root.path("format").asText()) + "', expected '" + FORMAT + "'");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException(file + " has report version " + root.path("version").asText()
                    + "; this sitkit reads version " + VERSION);
        }
        List<TestRecord> tests = new ArrayList<>();
        for (JsonNode t : root.path("tests")) {
            tests.add(readTest(t));
        }
        return new RunReport(Instant.parse(text(root, "startedAt")), Instant.parse(text(root, "endedAt")),
                text(root, "environment"), tests, readCoverage(root.path("coverage")));
    }

    private static TestRecord readTest(JsonNode t) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : t.path("violations")) {
            violations.add(new Violation(text(v, "contract"), text(v, "position"), text(v, "consumer"), text(v, "detail")));
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : t.path("timeline")) {
            timeline.add(new TimelineEntry(Instant.parse(text(e, "capturedAt")), Destination.parse(text(e, "destination")),
                    text(e, "position"), optional(e, "key"), optional(e, "correlationKey"), optional(e, "messageType"),
                    e.path("size").asInt(), text(e, "preview")));
        }
        return new TestRecord(text(t, "id"), text(t, "className"), text(t, "displayName"), Set.copyOf(strings(t, "tags")),
                TestStatus.valueOf(text(t, "status")), Duration.ofMillis(t.path("durationMillis").asLong()),
                optional(t, "failure"), strings(t, "destinations").stream().map(Destination::parse).toList(), timeline,
                optional(t, "flowTrace"), violations);
    }

    private static Coverage readCoverage(JsonNode c) {
        List<CoverageCell> cells = new ArrayList<>();
        for (JsonNode cell : c.path("cells")) {
            cells.add(new CoverageCell(Destination.parse(text(cell, "destination")), text(cell, "messageType"),
                    cell.path("inInventory").asBoolean(), cell.path("messages").asInt(), Set.copyOf(strings(cell, "tests"))));
        }
        return new Coverage(c.path("source").asText(Inventory.DECLARED), cells);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("run report field '" + field + "' is missing or not text");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
