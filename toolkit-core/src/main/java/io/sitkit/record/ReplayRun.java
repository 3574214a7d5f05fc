package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Payloads;
import io.sitkit.env.Bus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One replay, on one thread: reads the recording line by line, maps and re-encodes each message,
 * paces it, and publishes it without waiting, with at most {@link Replay#inFlight} unacknowledged.
 *
 * <p>Thread-safety: {@link #run()} on one thread; {@link #acknowledged()} from any.
 */
final class ReplayRun {
    /** How long the last messages may take to be acknowledged before the replay gives up on them. */
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);
    private static final long PACE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** The first message the target refused, with the line it came from. */
    private record Failure(int line, Destination to, Throwable error) {
    }

    private final Replay spec;
    private final Bus bus;
    private final BooleanSupplier cancelled;
    private final Semaphore permits;
    private final AtomicLong acked = new AtomicLong();
    /** Threads in {@link #awaitAcknowledged}; acknowledgements notify only while there are any. */
    private final java.util.concurrent.atomic.AtomicInteger waiters = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean ended;
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final Map<Destination, Long> sentTo = new LinkedHashMap<>();
    private String source;
    private int line;
    private long skipped;
    private long firstCapturedNanos = Long.MIN_VALUE;
    private long startNanos;

    ReplayRun(Replay spec, Bus bus, BooleanSupplier cancelled) {
        this.spec = spec;
        this.bus = bus;
        this.cancelled = cancelled;
        this.permits = new Semaphore(spec.inFlight);
        this.source = "capture file " + spec.file;
    }

    /** Messages the target acknowledged so far. */
    long acknowledged() {
        return acked.get();
    }

    /** Waits until {@code count} messages are acknowledged or the replay ended; returns how many are. */
    long awaitAcknowledged(long count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        waiters.incrementAndGet();
        try {
            synchronized (acked) {
                for (long left = deadline - System.nanoTime(); acked.get() < count && !ended && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(acked, left);
                }
                return acked.get();
            }
        } finally {
            waiters.decrementAndGet();
        }
    }

    /** Whether {@link #run()} has returned or thrown. */
    boolean ended() {
        return ended;
    }

    private void wakeWaiters() {
        if (waiters.get() > 0) {
            synchronized (acked) {
                acked.notifyAll();
            }
        }
    }

    ReplayResult run() {
        try {
            return replay();
        } finally {
            ended = true;
            synchronized (acked) {
                acked.notifyAll();
            }
        }
    }

    private ReplayResult replay() {
        long t0 = System.nanoTime();
        AvroReencoder avro = spec.targetRegistry == null ? null
                : new AvroReencoder(spec.targetRegistry, spec.sourceRegistry, spec.subjects);
        CaptureFileReader reader;
        try {
            reader = CaptureFileReader.open(spec.file);
        } catch (CaptureFileException e) {
            throw new ReplayException("cannot replay: " + e.getMessage(), 0, e);
        }
        try (reader) {
            source = reader.name();
            java.util.Iterator<CaptureItem> items = reader.items().iterator();
            while (next(items, reader)) {
                CaptureItem item = items.next();
                line = reader.lineNumber();
                if (item instanceof RecordedSchema s && avro != null) {
                    avro.remember(s);
                } else if (item instanceof CaptureFileReader.Entry e) {
                    if (spec.filter.test(e)) {
                        send(e, avro);
                    } else {
                        skipped++;
                    }
                }
            }
            drain();
        }
        return new ReplayResult(source, acked.get(), skipped, sentTo, avro == null ? 0 : avro.registered(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private boolean next(java.util.Iterator<CaptureItem> items, CaptureFileReader reader) {
        checkFailure();
        if (cancelled.getAsBoolean()) {
            drain();
            throw stop(line, "cancelled", null);
        }
        try {
            return items.hasNext();
        } catch (CaptureFileException e) {
            drain();
            String prefix = reader.name() + ", line " + reader.lineNumber() + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw stop(reader.lineNumber(), problem, e);
        }
    }

    private void send(CaptureFileReader.Entry e, AvroReencoder avro) {
        Message m = e.message();
        Destination to = target(m.destination());
        byte[] payload;
        try {
            // The message's own array when nothing changes it: the outgoing message only reads it.
            payload = avro == null ? io.sitkit.core.internal.RawBytes.payload(m) : avro.reencode(e, to);
        } catch (IllegalStateException problem) {
            drain();
            throw stop(line, problem.getMessage(), problem.getCause());
        }
        Destination replyTo = m.metadata() instanceof JmsMetadata j && j.replyTo() != null
                ? spec.destinations.getOrDefault(j.replyTo(), j.replyTo()) : null;
        OutgoingMessage out = Messages.outgoing(m, to, key(io.sitkit.core.internal.RawBytes.key(m)), payload, replyTo);
        pace(m);
        acquire();
        int sentLine = line;
        try {
            bus.publishAsync(out, (result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, new Failure(sentLine, to, error));
                } else {
                    acked.incrementAndGet();
                    wakeWaiters();
                }
                permits.release();
            });
        } catch (RuntimeException refused) {
            permits.release();
            drain();
            throw stop(line, "cannot publish to " + to + ": " + refused.getMessage(), refused);
        }
        sentTo.merge(to, 1L, Long::sum);
    }

    private Destination target(Destination recorded) {
        Destination to = spec.destinations.get(recorded);
        if (to != null) {
            return to;
        }
        if (spec.onlyMapped) {
            drain();
            String mapped = spec.destinations.entrySet().stream().map(en -> en.getKey() + " -> " + en.getValue())
                    .collect(Collectors.joining(", "));
            throw stop(line, "no destination mapping for " + recorded + "; mapped: " + (mapped.isEmpty() ? "none" : mapped)
                    + "; map it with mapDestination(\"" + recorded + "\", …) or leave its messages out with only(…)", null);
        }
        return recorded;
    }

    private byte[] key(byte[] key) {
        if (spec.keys == null || key == null) {
            return key;
        }
        return Payloads.utf8(key).map(k -> spec.keys.apply(k).getBytes(StandardCharsets.UTF_8)).orElse(key);
    }

    /** Waits until the message is due at the replay's pace, in slices so a cancel is seen. */
    private void pace(Message m) {
        if (spec.speed == 0) {
            return;
        }
        long captured = m.capturedAtNanos();
        if (firstCapturedNanos == Long.MIN_VALUE) {
            firstCapturedNanos = captured;
            startNanos = System.nanoTime();
            return;
        }
        long due = startNanos + (long) ((captured - firstCapturedNanos) / spec.speed);
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            if (cancelled.getAsBoolean()) {
                drain();
                throw stop(line, "cancelled", null);
            }
            LockSupport.parkNanos(Math.min(left, PACE_SLICE_NANOS));
        }
    }

    private void acquire() {
        try {
            while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (cancelled.getAsBoolean()) {
                    drain();
                    throw stop(line, "cancelled", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stop(line, "interrupted", e);
        }
    }

    /** Waits for every message in flight to be acknowledged or refused, then reports a refusal. */
    private void drain() {
        try {
            if (!permits.tryAcquire(spec.inFlight, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw stop(line, (spec.inFlight - permits.availablePermits()) + " messages were not acknowledged within "
                        + DRAIN_TIMEOUT.toSeconds() + "s", null);
            }
            permits.release(spec.inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stop(line, "interrupted while waiting for the last acknowledgements", e);
        }
        checkFailure();
    }

    private void checkFailure() {
        Failure f = failure.get();
        if (f != null) {
            throw stop(f.line(), "cannot publish to " + f.to() + ": " + f.error().getMessage(), f.error());
        }
    }

    private ReplayException stop(int at, String problem, Throwable cause) {
        long sent = acked.get();
        return new ReplayException("replay of " + source + " stopped at line " + at + " after " + sent + " messages sent: " + problem,
                sent, cause);
    }
}
