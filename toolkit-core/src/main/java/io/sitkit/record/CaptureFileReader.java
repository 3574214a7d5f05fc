package io.sitkit.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitkit.core.Message;
import io.sitkit.core.SitkitException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a capture file (format: {@code docs/capture-format.md}) one line at a time: the header on
 * {@link #open}, then each message as the iteration reaches it, so files larger than the heap read
 * fine. Unknown fields are ignored; a newer format version, a malformed line or a truncated last
 * line fails with a {@link CaptureFileException} naming the file, the line number and the start of
 * the line. Blank lines are skipped. Iterating the reader gives the message lines only;
 * {@link #items()} gives every line: messages, session notes and recorded schemas.
 *
 * <pre>{@code
 * try (CaptureFileReader reader = CaptureFileReader.open(Path.of("target/captures/orders.jsonl"))) {
 *     for (CaptureFileReader.Entry e : reader) {
 *         System.out.println(e.message().position() + " " + e.correlation());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; iterate from one thread. The entries are immutable.
 * The reader iterates once; open the file again to read it again.
 */
public final class CaptureFileReader implements AutoCloseable, Iterable<CaptureFileReader.Entry> {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int LINE_PREVIEW_CHARS = 120;

    /**
     * One message line.
     *
     * @param message     the message as written (masked where {@code redacted})
     * @param correlation correlation rule or key name → key value, in order; empty when none
     * @param annotations free-form annotations of this message, in order; empty when none
     * @param redacted    whether the writer's redactor changed the message
     * @param origin      observed on a watched destination, or injected by the recording session
     * @param schemaId    the registry id of the Confluent-framed payload's schema, when the recorder
     *                    knew it (see {@link RecordedSchema}); null otherwise
     */
    public record Entry(Message message, Map<String, String> correlation, Map<String, String> annotations,
                        boolean redacted, Origin origin, Integer schemaId) implements CaptureItem {
        public Entry {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(origin, "origin");
            if (schemaId != null && schemaId < 0) {
                throw new IllegalArgumentException("schema id must be >= 0, was " + schemaId);
            }
            correlation = CaptureFileHeader.copy(correlation, "correlation key");
            annotations = CaptureFileHeader.copy(annotations, "annotation");
        }

        /** An observed message without a schema id. */
        public Entry(Message message, Map<String, String> correlation, Map<String, String> annotations, boolean redacted) {
            this(message, correlation, annotations, redacted, Origin.OBSERVED, null);
        }

        /** Whether the recording session published this message itself. */
        public boolean injected() {
            return origin == Origin.INJECTED;
        }
    }

    private final String file;
    private final BufferedReader in;
    private final CaptureFileHeader header;
    private int lineNumber;
    private boolean iterated;

    private CaptureFileReader(String file, BufferedReader in) {
        this.file = file;
        this.in = in;
        String first = nextLine();
        if (first == null) {
            throw new CaptureFileException(file + " is empty; a capture file starts with a header line {\"format\":\""
                    + CaptureFileHeader.FORMAT + "\",\"version\":" + CaptureFileHeader.CURRENT_VERSION + ",…}");
        }
        CaptureFileHeader h = decode(first, LineDecoder::header);
        if (h.version() > CaptureFileHeader.CURRENT_VERSION) {
            throw new CaptureFileException(file + ", line " + lineNumber + ": format version " + h.version()
                    + " is newer than this sitkit reads (up to " + CaptureFileHeader.CURRENT_VERSION
                    + "); upgrade sitkit to read this file");
        }
        this.header = h;
    }

    /**
     * Opens {@code file} and reads its header line.
     *
     * @throws CaptureFileException naming the file when it cannot be read, is empty, is not a capture
     *                              file or has a newer format version
     */
    public static CaptureFileReader open(Path file) {
        InputStream stream;
        try {
            stream = Files.newInputStream(file);
        } catch (IOException e) {
            throw new CaptureFileException("cannot open capture file " + file + ": " + e, e);
        }
        return open(stream, "capture file " + file);
    }

    /**
     * Reads from {@code stream}, which the reader then owns and closes; {@code name} appears in errors.
     *
     * @see #open(Path)
     */
    public static CaptureFileReader open(InputStream stream, String name) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            return new CaptureFileReader(name, reader);
        } catch (RuntimeException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The header line: version, creation time and annotations. */
    public CaptureFileHeader header() {
        return header;
    }

    /**
     * The message lines from here on, read as the iteration advances; notes and schemas are skipped
     * (read them with {@link #items()}).
     *
     * @throws IllegalStateException when the reader was iterated before
     */
    @Override
    public Iterator<Entry> iterator() {
        Iterator<CaptureItem> all = items().iterator();
        return new Iterator<>() {
            private Entry pending;

            @Override
            public boolean hasNext() {
                while (pending == null && all.hasNext()) {
                    if (all.next() instanceof Entry e) {
                        pending = e;
                    }
                }
                return pending != null;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(file + " has no more messages (read " + lineNumber + " lines)");
                }
                Entry e = pending;
                pending = null;
                return e;
            }
        };
    }

    /**
     * Every line from here on — messages, session notes and recorded schemas — in file order, read
     * as the iteration advances. Lines of a kind this sitkit does not know are skipped (a newer
     * writer may add kinds without raising the format version).
     *
     * @throws IllegalStateException when the reader was iterated before
     */
    public Iterable<CaptureItem> items() {
        if (iterated) {
            throw new IllegalStateException(file + " is already being read; a CaptureFileReader iterates once, "
                    + "open the file again to read it again");
        }
        iterated = true;
        return () -> new Iterator<>() {
            private CaptureItem pending;

            @Override
            public boolean hasNext() {
                while (pending == null) {
                    String line = nextLine();
                    if (line == null) {
                        return false;
                    }
                    pending = decode(line, LineDecoder::item);
                }
                return true;
            }

            @Override
            public CaptureItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(file + " has no more lines (read " + lineNumber + ")");
                }
                CaptureItem item = pending;
                pending = null;
                return item;
            }
        };
    }

    /** The line number of the line read last (the header is line 1), for errors of the caller's own. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The name errors use for this file: {@code capture file target/run.jsonl}. */
    public String name() {
        return file;
    }

    /** The message lines as a sequential stream; closing the stream closes this reader. */
    public Stream<Entry> entries() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Every line as a sequential stream (see {@link #items()}); closing the stream closes this reader. */
    public Stream<CaptureItem> itemStream() {
        return StreamSupport.stream(items().spliterator(), false).onClose(this::close);
    }

    /** Closes the file; later calls do nothing. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CaptureFileException("cannot close " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "CaptureFileReader{" + file + ", line " + lineNumber + "}";
    }

    /** The next non-blank line, or null at the end. */
    private String nextLine() {
        try {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (line.isBlank());
            return line;
        } catch (CharacterCodingException e) {
            throw new CaptureFileException(file + ", line " + (lineNumber + 1) + ": not UTF-8 text (a binary file, or one"
                    + " written in another encoding?)", e);
        } catch (IOException e) {
            throw new CaptureFileException("cannot read " + file + " after line " + lineNumber + ": " + e, e);
        }
    }

    private <T> T decode(String line, java.util.function.Function<JsonNode, T> decoder) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonEOFException e) {
            throw bad(line, "the line ends before its JSON object does (truncated: was the writer stopped mid-write?)", e);
        } catch (JsonProcessingException e) {
            throw bad(line, "not valid JSON at column " + e.getLocation().getColumnNr(), e);
        }
        if (!node.isObject()) {
            throw bad(line, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        try {
            return decoder.apply(node);
        } catch (LineDecoder.BadLine | IllegalArgumentException | SitkitException e) {
            throw bad(line, e.getMessage(), e instanceof LineDecoder.BadLine ? null : e);
        }
    }

    private CaptureFileException bad(String line, String problem, Throwable cause) {
        String shown = line.length() > LINE_PREVIEW_CHARS ? line.substring(0, LINE_PREVIEW_CHARS) + "…" : line;
        return new CaptureFileException(file + ", line " + lineNumber + ": " + problem + ": " + shown, cause);
    }
}
