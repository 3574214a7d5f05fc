package io.sitkit.record;

import io.sitkit.core.CaptureSession;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.StartPosition;
import io.sitkit.core.internal.Closer;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A live recording: every message on the watched destinations is written to the capture file as
 * it arrives — nothing is held in memory, so a recording of millions of messages needs no more heap
 * than one line — together with what the session injects ({@link #inject}, marked
 * {@code "origin":"injected"}), the tester's notes and findings, the schemas of framed payloads
 * ({@link RecorderSpec#withSchemas}) and the recorder's own problems (a capture that failed or lost
 * its broker). Started by {@link RecorderSpec#start}.
 *
 * <pre>{@code
 * try (Recorder recorder = RecorderSpec.to(file).start(bus, "kafka:orders", "jms:queue:payments")) {
 *     recorder.note("order with two lines and SAVE10");
 *     recorder.inject(OutgoingMessage.text("kafka:orders", order).withKey("o-1"));
 *     ...
 *     recorder.finding("discount missing on the payment request");
 * }
 * }</pre>
 *
 * <p>An injected message the recording also watches is written once, as injected: its echo from the
 * capture (same Kafka partition and offset, or same JMS message id) is left out. Messages the
 * capture sees while an injection is still waiting for its acknowledgement are held back until it
 * is acknowledged, so the injection comes first in the file.
 *
 * <p>Thread-safety: thread-safe; transports write from their own threads and lines never
 * interleave. {@link #close()} stops the captures, then flushes and closes the file; it is
 * idempotent, and {@link #inject} or {@link #note} after it fail with an {@link IllegalStateException}.
 */
public final class Recorder implements AutoCloseable {
    /** Echo identities remembered for injections whose echo had not arrived yet; older ones are forgotten. */
    private static final int MAX_EXPECTED_ECHOES = 10_000;

    private final RecorderSpec spec;
    private final Set<Destination> watched;
    private final Function<OutgoingMessage, PublishResult> publisher;
    private final CaptureFileWriter writer;
    private final SchemaIds schemaIds;
    private final List<CaptureSession> sessions = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // Guarded by lock:
    private final Set<Integer> schemasWritten = new HashSet<>();
    private final Set<String> echoesExpected = new java.util.LinkedHashSet<>();
    private final List<Held> held = new ArrayList<>();
    private final Map<Destination, String> blind = new HashMap<>();
    private final RecordedCounts counts;
    private int injecting;
    private boolean closed;

    /** An observed message waiting for an injection in flight. */
    private record Held(Message message, SchemaIds.Lookup schema) {
    }

    private Recorder(RecorderSpec spec, List<Destination> watched, Function<OutgoingMessage, PublishResult> publisher,
                     CaptureFileWriter writer) {
        this.spec = spec;
        this.watched = Set.copyOf(watched);
        this.counts = new RecordedCounts(watched.stream().map(spec.naming()).toList());
        this.publisher = publisher;
        this.writer = writer;
        this.schemaIds = new SchemaIds(spec.schemas());
    }

    static Recorder start(RecorderSpec spec, Bus bus, List<Destination> destinations,
                          Function<OutgoingMessage, PublishResult> publisher) {
        Map<String, String> header = new LinkedHashMap<>(spec.annotations());
        header.putIfAbsent("recorded", destinations.stream().map(d -> spec.naming().apply(d).toString())
                .collect(Collectors.joining(", ")));
        CaptureFileWriter writer = CaptureFileWriter.open(spec.file(), header, spec.redactor());
        Recorder recorder = new Recorder(spec, destinations, publisher, writer);
        try {
            recorder.listen(bus, destinations);
        } catch (RuntimeException e) {
            try {
                recorder.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return recorder;
    }

    private void listen(Bus bus, List<Destination> destinations) {
        CaptureSink sink = new Sink();
        List<Destination> kafka = destinations.stream().filter(Destination::isKafka).toList();
        List<Destination> jms = destinations.stream().filter(Destination::isJms).toList();
        if (!kafka.isEmpty()) {
            sessions.add(bus.kafka().startCapture(kafka, spec.startPosition(), sink));
        }
        if (!jms.isEmpty()) {
            sessions.add(bus.jms().startCapture(jms, StartPosition.now(), sink));
        }
        for (CaptureSession s : sessions) {
            write(new SessionNote(Instant.now(), SessionNote.Kind.NOTE, "recording " + s.describe(), SessionNote.BY_RECORDER));
        }
    }

    /**
     * Publishes {@code message} through the bus, waits for the acknowledgement, and records it as
     * injected (with the partition and offset, or message id, the broker gave it).
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public PublishResult inject(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        Instant at = Instant.now();
        synchronized (lock) {
            ensureOpen();
            injecting++;
        }
        PublishResult result;
        try {
            result = publisher.apply(message);
        } catch (RuntimeException e) {
            synchronized (lock) {
                injecting--;
                releaseHeld();
            }
            throw e;
        }
        Message sent = Messages.sent(message, result, at);
        SchemaIds.Lookup schema = schemaIds.of(sent).orElse(null);
        String echo = identity(sent);
        synchronized (lock) {
            injecting--;
            writeMessage(sent, schema, Origin.INJECTED);
            boolean seen = false;
            for (int i = 0; i < held.size() && echo != null; i++) {
                if (echo.equals(identity(held.get(i).message()))) {
                    held.remove(i);
                    seen = true;
                    break;
                }
            }
            if (!seen && echo != null && watched.contains(sent.destination())) {
                expectEcho(echo);
            }
            releaseHeld();
        }
        return result;
    }

    /** Writes a timestamped note. */
    public void note(String text) {
        write(SessionNote.of(Instant.now(), SessionNote.Kind.NOTE, text));
    }

    /** Writes a timestamped finding: something found wrong. */
    public void finding(String text) {
        write(SessionNote.of(Instant.now(), SessionNote.Kind.FINDING, text));
    }

    /** Writes a note, finding or problem as given. */
    public void write(SessionNote note) {
        Objects.requireNonNull(note, "note");
        synchronized (lock) {
            ensureOpen();
            writer.note(note);
        }
    }

    /** The file being written. */
    public Path file() {
        return spec.file();
    }

    /** How many message lines were written so far (observed and injected). */
    public long recorded() {
        return writer.written();
    }

    /**
     * Waits, without polling, until at least {@code count} message lines are written, and returns
     * how many there are.
     *
     * @throws io.sitkit.core.CaptureTimeoutException when the time runs out, saying how many were written on each destination (0 on a silent one)
     * @throws IllegalStateException                  when the recorder closes before
     */
    public long awaitRecorded(long count, java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (lock) {
            while (writer.written() < count) {
                if (closed) {
                    throw new IllegalStateException("the recorder of " + spec.file() + " closed with " + writer.written()
                            + " of the " + count + " messages awaited");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new io.sitkit.core.CaptureTimeoutException("expected " + count + " recorded messages in " + spec.file()
                            + "\n  within " + within.toMillis() + "ms\n  but " + writer.written() + " were recorded: " + counts.describe()
                            + (held.isEmpty() ? "" : "\n  held back behind an injection waiting for its acknowledgement: " + held.size())
                            + (problems.isEmpty() ? "" : "\n  problems: " + problems));
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + count + " recorded messages", e);
                }
            }
            return writer.written();
        }
    }

    /** What went wrong while recording (capture errors, lost brokers, unknown schema ids); also in the file as problem lines. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Pushes written lines to the file, so a reader sees them now. */
    public void flush() {
        synchronized (lock) {
            ensureOpen();
            writer.flush();
        }
    }

    /** Stops the captures, writes what was held back, and closes the file. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        List<AutoCloseable> toClose = new ArrayList<>();
        toClose.add(this::closeFile);
        toClose.addAll(sessions);
        Closer.closeAll(toClose);
    }

    private void closeFile() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            injecting = 0;
            releaseHeld();
            closed = true;
            lock.notifyAll();
            writer.close();
        }
    }

    @Override
    public String toString() {
        return "Recorder{" + spec.file() + ", " + watched.size() + " destinations, " + recorded() + " messages}";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the recorder of " + spec.file() + " is closed; start a new one to record more");
        }
    }

    /** Called with the lock held. */
    private void writeMessage(Message m, SchemaIds.Lookup schema, Origin origin) {
        Integer id = null;
        if (schema != null && schema.schema() != null) {
            id = schema.id();
            if (schemasWritten.add(id)) {
                writer.schema(schema.schema());
            }
        } else if (schema != null && schemasWritten.add(schema.id())) {
            problem(schema.problem());
        }
        Map<String, String> correlation = Map.of();
        if (spec.correlation() != null) {
            KeySource source = spec.correlation().sourceFor(m.destination()).orElse(null);
            String key = source == null ? null : source.keyOf(m).orElse(null);
            if (key != null) {
                correlation = Map.of(source.text(), key);
            }
        }
        Message written = Messages.renamed(m, spec.naming());
        writer.write(written, origin, id, correlation, Map.of());
        counts.add(written.destination(), origin);
        lock.notifyAll();
    }

    /** Called with the lock held. */
    private void releaseHeld() {
        if (injecting > 0 || held.isEmpty()) {
            return;
        }
        for (Held h : held) {
            writeMessage(h.message(), h.schema(), Origin.OBSERVED);
        }
        held.clear();
    }

    private void expectEcho(String echo) {
        echoesExpected.add(echo);
        if (echoesExpected.size() > MAX_EXPECTED_ECHOES) {
            java.util.Iterator<String> oldest = echoesExpected.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Called with the lock held. */
    private void problem(String text) {
        problems.add(text);
        writer.note(SessionNote.of(Instant.now(), SessionNote.Kind.PROBLEM, text));
    }

    /** Where the broker put a message: {@code kafka:orders[2]@17} or the JMS message id; null when unknown. */
    private static String identity(Message m) {
        if (m.destination().isKafka()) {
            return m.kafka().map(k -> m.destination() + "[" + k.partition() + "]@" + k.offset()).orElse(null);
        }
        return m.jms().map(j -> j.messageId() == null ? null : m.destination() + " " + j.messageId()).orElse(null);
    }

    /** What the transports call, on their own threads. */
    private final class Sink implements CaptureSink {
        @Override
        public void accept(Message m) {
            SchemaIds.Lookup schema = schemaIds.of(m).orElse(null);
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (!echoesExpected.isEmpty() && echoesExpected.remove(identity(m))) {
                    return;
                }
                if (injecting > 0) {
                    held.add(new Held(m, schema));
                } else {
                    writeMessage(m, schema, Origin.OBSERVED);
                }
            }
        }

        @Override
        public void failed(Destination destination, Throwable error) {
            synchronized (lock) {
                if (!closed) {
                    problem("the capture of " + destination + " failed; the recording misses what came after: " + error);
                }
            }
        }

        @Override
        public void health(Destination destination, String problem) {
            synchronized (lock) {
                if (closed || Objects.equals(blind.get(destination), problem)) {
                    return;
                }
                if (problem == null) {
                    blind.remove(destination);
                    writer.note(new SessionNote(Instant.now(), SessionNote.Kind.NOTE, destination + " sees its broker again",
                            SessionNote.BY_RECORDER));
                } else {
                    blind.put(destination, problem);
                    problem(destination + " cannot see its broker, the recording may miss messages: " + problem);
                }
            }
        }
    }
}
