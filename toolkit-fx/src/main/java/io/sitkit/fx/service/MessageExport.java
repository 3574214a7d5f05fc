package io.sitkit.fx.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.redact.Redactor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes messages from the table to a file: the core's capture file format ({@code io.sitkit.record},
 * lossless, readable by every sitkit tool), CSV for spreadsheets, or a JSON array. Every message
 * goes through the connection's {@link Redactor} first — payload, key, header values, and the
 * decoded view the CSV and JSON show — so masked values are not in the file at all. All three can
 * be read back by {@link MessageImport}.
 *
 * <pre>{@code
 * MessageExport export = new MessageExport(connection.redactor(), Map.of("connection", "staging"));
 * long written = export.write(rows, MessageExport.Format.CAPTURE, Path.of("orders.jsonl"));
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #write} blocks on the file system (run it off the FX thread).
 */
public final class MessageExport {
    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("destination", "partition", "offset", "timestamp", "key", "headers",
            "bodyType", "format", "payload", "payloadBase64", "messageId", "correlationId");

    /** What a file holds. */
    public enum Format {
        CAPTURE("sitkit capture file (.jsonl)", "jsonl"), CSV("CSV (.csv)", "csv"), JSON("JSON array (.json)", "json");

        private final String label;
        private final String extension;

        Format(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        /** The file name ending, without the dot. */
        public String extension() {
            return extension;
        }

        /** The format a file name's ending says; capture files for anything else. */
        public static Format forFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".csv") ? CSV : name.endsWith(".json") ? JSON : CAPTURE;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Redactor redactor;
    private final Map<String, String> annotations;

    /**
     * @param redactor    masks what the connection's configuration calls sensitive
     * @param annotations written into a capture file's header (where the messages came from)
     */
    public MessageExport(Redactor redactor, Map<String, String> annotations) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.annotations = Map.copyOf(annotations);
    }

    /**
     * Writes {@code rows} to {@code file} (replacing it) in {@code format}; returns how many.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public long write(List<MessageRow> rows, Format format, Path file) {
        Objects.requireNonNull(format, "format");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            switch (format) {
                case CAPTURE -> capture(rows, file);
                case CSV -> csv(rows, file);
                case JSON -> json(rows, file);
                default -> throw new IllegalArgumentException(format.name());
            }
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void capture(List<MessageRow> rows, Path file) {
        Map<String, String> header = new LinkedHashMap<>(annotations);
        header.putIfAbsent("source", "sitkit inspector export");
        try (CaptureFileWriter out = CaptureFileWriter.open(file, header, redactor)) {
            rows.forEach(r -> out.write(r.message()));
        }
    }

    private void json(List<MessageRow> rows, Path file) throws IOException {
        try (JsonGenerator g = ExportedMessage.JSON.getFactory().createGenerator(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (MessageRow r : rows) {
                ExportedMessage.JSON.writeTree(g, ExportedMessage.toJson(r, redactor));
            }
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }

    private void csv(List<MessageRow> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.write(out, CSV_COLUMNS);
            for (MessageRow r : rows) {
                ObjectNode o = ExportedMessage.toJson(r, redactor);
                List<String> fields = new ArrayList<>(CSV_COLUMNS.size());
                for (String column : CSV_COLUMNS) {
                    fields.add(csvField(o, column));
                }
                Csv.write(out, fields);
            }
        }
    }

    /** A column's text: values as they are, the headers as a JSON array, a binary key as {@code base64:…}, the payload compact. */
    private static String csvField(ObjectNode o, String column) {
        if (column.equals("key")) {
            return o.has("key") ? o.get("key").asText() : o.has("keyBase64") ? "base64:" + o.get("keyBase64").asText() : "";
        }
        JsonNode v = o.get(column);
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }
}
