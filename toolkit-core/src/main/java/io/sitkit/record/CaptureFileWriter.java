package io.sitkit.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes captured messages to a capture file (format: {@code docs/capture-format.md}): a header
 * line, then one JSON line per message, session note or recorded schema, streamed with constant
 * memory. To record a live session use {@link RecorderSpec}, which writes through this class. Every message goes through
 * the {@link Redactor} first; a message it changed is marked {@code "redacted":true}. Correlation
 * and annotation values have secret values masked too.
 *
 * <pre>{@code
 * try (CaptureFileWriter out = CaptureFileWriter.open(dir.resolve("orders.jsonl"),
 *         Map.of("test", "OrderFlowIT.paysOrder"), Redactor.from(config))) {
 *     capture.messages().forEach(out::write);
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; writes are serialized on this writer, so lines never interleave
 * (redaction runs before taking the lock). {@link #close()} flushes, is idempotent, and
 * {@link #write} after it fails with an {@link IllegalStateException}.
 */
public final class CaptureFileWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final String name;
    private final Redactor redactor;
    private final JsonGenerator out;
    private long written;
    private boolean closed;

    private CaptureFileWriter(String name, OutputStream stream, Map<String, String> annotations, Redactor redactor)
            throws IOException {
        this.name = name;
        this.redactor = Objects.requireNonNull(redactor, "redactor (use Redactor.none() to write messages as they are)");
        this.out = JSON.createGenerator(stream, JsonEncoding.UTF8);
        LineEncoder.header(out, new CaptureFileHeader(CaptureFileHeader.CURRENT_VERSION, Instant.now(),
                redactValues(CaptureFileHeader.copy(annotations, "annotation"))));
        out.writeRaw('\n');
    }

    /**
     * Creates (or replaces) {@code file}, creating missing parent directories, and writes the header line.
     *
     * @param annotations free-form annotations for the header, e.g. the test name; may be empty
     * @param redactor    applied to every message; {@link Redactor#none()} writes them as they are
     * @throws CaptureFileException naming the file when it cannot be created
     */
    public static CaptureFileWriter open(Path file, Map<String, String> annotations, Redactor redactor) {
        OutputStream stream = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            stream = Files.newOutputStream(file);
            return new CaptureFileWriter("capture file " + file, stream, annotations, redactor);
        } catch (IOException e) {
            closeQuietly(stream, e);
            throw new CaptureFileException("cannot create capture file " + file + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(stream, e);
            throw e;
        }
    }

    /**
     * Writes to {@code stream}, which the writer then owns and closes.
     *
     * @see #open(Path, Map, Redactor)
     */
    public static CaptureFileWriter open(OutputStream stream, Map<String, String> annotations, Redactor redactor) {
        try {
            return new CaptureFileWriter("capture stream", stream, annotations, redactor);
        } catch (IOException e) {
            closeQuietly(stream, e);
            throw new CaptureFileException("cannot write the header to a capture stream: " + e, e);
        }
    }

    /** Writes one message (redacted) without correlation keys or annotations. */
    public void write(Message message) {
        write(message, Map.of(), Map.of());
    }

    /**
     * Writes one message (redacted) with its correlation keys (rule or key name → key value) and
     * annotations; either map may be empty or null.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws CaptureFileException  naming the file when writing fails
     */
    public void write(Message message, Map<String, String> correlation, Map<String, String> annotations) {
        write(message, Origin.OBSERVED, null, correlation, annotations);
    }

    /**
     * Writes one message (redacted) with its origin, the registry id of its Confluent-framed
     * payload's schema (null when unknown), its correlation keys and annotations.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws CaptureFileException  naming the file when writing fails
     */
    public void write(Message message, Origin origin, Integer schemaId, Map<String, String> correlation,
                      Map<String, String> annotations) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
        Message shown = redactor.message(message);
        Map<String, String> keys = redactValues(CaptureFileHeader.copy(correlation, "correlation key"));
        Map<String, String> notes = redactValues(CaptureFileHeader.copy(annotations, "annotation"));
        synchronized (this) {
            ensureOpen();
            try {
                LineEncoder.message(out, shown, keys, notes, shown != message, origin, schemaId);
                out.writeRaw('\n');
                written++;
            } catch (IOException e) {
                throw new CaptureFileException("cannot write message " + written + " (" + message.position() + ") to "
                        + name + ": " + e, e);
            }
        }
    }

    /** Writes a session note, finding or problem line; its text and annotation values are redacted. */
    public void note(SessionNote note) {
        Objects.requireNonNull(note, "note");
        SessionNote shown = new SessionNote(note.at(), note.kind(), redactor.text(note.text()), redactValues(note.annotations()));
        line(g -> LineEncoder.note(g, shown), "a " + note.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Writes a schema line: a schema the recording's framed messages use, under its source id. */
    public void schema(RecordedSchema schema) {
        Objects.requireNonNull(schema, "schema");
        line(g -> LineEncoder.schema(g, schema), "schema " + schema.id());
    }

    /**
     * Writes any line read from another capture file, e.g. to copy or filter a recording; a message
     * keeps its origin, schema id, correlation and annotations (and is redacted again).
     */
    public void write(CaptureItem item) {
        Objects.requireNonNull(item, "item");
        if (item instanceof CaptureFileReader.Entry e) {
            write(e.message(), e.origin(), e.schemaId(), e.correlation(), e.annotations());
        } else if (item instanceof SessionNote n) {
            note(n);
        } else {
            schema((RecordedSchema) item);
        }
    }

    private interface LineWrite {
        void to(com.fasterxml.jackson.core.JsonGenerator g) throws IOException;
    }

    private synchronized void line(LineWrite write, String what) {
        ensureOpen();
        try {
            write.to(out);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new CaptureFileException("cannot write " + what + " to " + name + ": " + e, e);
        }
    }

    /** Pushes buffered lines to the file. */
    public synchronized void flush() {
        ensureOpen();
        try {
            out.flush();
        } catch (IOException e) {
            throw new CaptureFileException("cannot flush " + name + ": " + e, e);
        }
    }

    /** How many message lines were written so far (notes and schemas not counted). */
    public synchronized long written() {
        return written;
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new CaptureFileException("cannot close " + name + " (the last lines may be missing): " + e, e);
        }
    }

    @Override
    public String toString() {
        return "CaptureFileWriter{" + name + ", " + redactor + "}";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed; open a new CaptureFileWriter to write more");
        }
    }

    private Map<String, String> redactValues(Map<String, String> map) {
        if (redactor.isEmpty() || map.isEmpty()) {
            return map;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, redactor.text(v)));
        return out;
    }

    private static void closeQuietly(OutputStream stream, Exception failure) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
