package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exploratory session on one connection: the core's {@link Recorder} streaming everything seen
 * on the chosen destinations to a capture file, through the profile's redactor and with the schemas
 * of framed payloads, while every message the inspector injects on that connection
 * ({@link Connection#inject}: the inject dialog, edit and re-send, import) goes through
 * {@link Recorder#inject} and is recorded as injected — beside the tester's notes and findings.
 *
 * <pre>{@code
 * try (Session s = Session.start(connection, List.of(Destination.kafka("orders"), Destination.kafka("confirmations")), file)) {
 *     s.note("an order of two mugs");
 *     new Injector(connection).send(request);          // recorded as injected
 *     s.finding("the confirmation has no total");
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. {@link #close()} is idempotent: it detaches the session from its
 * connection (later injections go straight to the bus), waits for injections in flight, and closes
 * the recorder, which flushes the file.
 */
public final class Session implements AutoCloseable {
    private final Connection connection;
    private final Recorder recorder;
    private final List<Destination> watched;
    private final Instant started;
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong notes = new AtomicLong();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Session(Connection connection, Recorder recorder, List<Destination> watched, Instant started) {
        this.connection = connection;
        this.recorder = recorder;
        this.watched = watched;
        this.started = started;
    }

    /**
     * Starts recording {@code watched} on {@code connection} to {@code file} (replaced if it exists);
     * returns once every destination is listening.
     *
     * @throws IllegalArgumentException when no destination is chosen
     * @throws IllegalStateException    when a session records this connection already
     */
    public static Session start(Connection connection, Collection<Destination> watched, Path file) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(file, "file");
        if (watched.isEmpty()) {
            throw new IllegalArgumentException("choose at least one destination to observe");
        }
        connection.session().ifPresent(running -> {
            throw new IllegalStateException(alreadyRecording(connection, running));
        });
        RecorderSpec spec = RecorderSpec.to(file).annotated("recorded-by", "sitkit inspector")
                .annotated("connection", connection.profile().name()).redactedBy(connection.redactor());
        if (connection.schemas().isPresent()) {
            spec = spec.withSchemas(connection.schemas().get());
        }
        List<Destination> all = List.copyOf(watched);
        Recorder recorder = spec.start(connection.bus(), all);
        Session session = new Session(connection, recorder, all, Instant.now());
        if (!connection.attach(session)) {
            String message = alreadyRecording(connection, connection.session().orElse(session));
            recorder.close();
            throw new IllegalStateException(message);
        }
        return session;
    }

    private static String alreadyRecording(Connection connection, Session running) {
        return "a session already records '" + connection.profile().name() + "' to " + running.file() + "; stop it first";
    }

    /** Publishes and records {@code message} as injected; after {@link #close()} it only publishes. */
    PublishResult inject(OutgoingMessage message) {
        lock.readLock().lock();
        try {
            if (closed) {
                return connection.bus().publish(message);
            }
            PublishResult result = recorder.inject(message);
            injected.incrementAndGet();
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes a timestamped note of the tester's. */
    public void note(String text) {
        recorder.note(text);
        notes.incrementAndGet();
    }

    /** Writes a timestamped finding: something found wrong. */
    public void finding(String text) {
        recorder.finding(text);
        notes.incrementAndGet();
    }

    public Path file() {
        return recorder.file();
    }

    public Connection connection() {
        return connection;
    }

    /** The destinations observed. */
    public List<Destination> watched() {
        return watched;
    }

    public Instant startedAt() {
        return started;
    }

    /** Messages recorded as injected so far. */
    public long injected() {
        return injected.get();
    }

    /** Messages observed on the watched destinations and recorded so far (the echoes of injections not counted). */
    public long observed() {
        return Math.max(0, recorder.recorded() - injected.get());
    }

    /** Notes and findings written so far. */
    public long notes() {
        return notes.get();
    }

    /** What went wrong while recording (a capture that failed, a lost broker); also in the file. */
    public List<String> problems() {
        return recorder.problems();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops recording: detaches from the connection, waits for injections in flight, closes the file. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.detach(this);
        } finally {
            lock.writeLock().unlock();
        }
        recorder.close();
    }

    @Override
    public String toString() {
        return "Session{" + connection.profile().name() + " → " + file() + ", " + watched + (closed ? ", stopped" : "") + "}";
    }
}
