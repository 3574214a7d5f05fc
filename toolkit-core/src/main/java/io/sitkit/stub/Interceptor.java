package io.sitkit.stub;

import io.sitkit.core.CaptureSession;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.fault.FaultPlan;
import io.sitkit.fault.FaultRun;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wiretap relay in the middle of a real flow: takes every message from one destination and
 * forwards it to another through a {@link FaultPlan} — so a real producer and a real consumer see
 * delays, drops, duplicates, reordering and corrupt payloads between them. Point the producer at
 * {@code from} (or the consumer at {@code to}) by configuration; nothing else changes.
 *
 * <pre>{@code
 * try (Interceptor relay = Interceptor.between("kafka:orders.raw", "kafka:orders")
 *         .faults(FaultPlan.of(Fault.duplicate().everyNth(3), Fault.reorder(4)), 42)
 *         .start(bus)) {
 *     ... // the consumer of kafka:orders now gets duplicates and reordered messages
 * }
 * }</pre>
 *
 * <p>Key, headers and body type are forwarded; JMS correlation id, reply-to and type too. Closing
 * stops intake first, then sends what delays and reorder windows still hold, so the relay loses
 * nothing it did not drop on purpose.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class Interceptor implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Interceptor.class);
    private final Destination from;
    private final Destination to;
    private final FaultPlan plan;
    private final long seed;
    private FaultRun run;
    private Outbox outbox;
    private CaptureSession intake;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    private Interceptor(Destination from, Destination to, FaultPlan plan, long seed) {
        this.from = from;
        this.to = to;
        this.plan = plan;
        this.seed = seed;
    }

    /** A relay from {@code from} to {@code to} (any transports), without faults until {@link #faults} is given. */
    public static Interceptor between(String from, String to) {
        return between(Destination.parse(from), Destination.parse(to));
    }

    public static Interceptor between(Destination from, Destination to) {
        if (Objects.equals(from, to)) {
            throw new IllegalArgumentException("an interceptor needs two different destinations, got " + from + " twice");
        }
        return new Interceptor(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"), FaultPlan.none(), 0);
    }

    /** The faults applied to what passes; {@code seed} makes them repeatable. */
    public Interceptor faults(FaultPlan plan, long seed) {
        return new Interceptor(from, to, Objects.requireNonNull(plan, "plan"), seed);
    }

    /**
     * Starts relaying; returns once listening on {@code from}. An interceptor starts once.
     *
     * @throws io.sitkit.core.ProtectedEnvironmentException when the bus's environment is protected and locked
     */
    public synchronized Interceptor start(Bus bus) {
        if (intake != null || closed) {
            throw new IllegalStateException("this interceptor was already started; define another with between(..)");
        }
        bus.protection().checkWrite("start a relay from " + from + " to", to);
        run = plan.start(seed);
        outbox = new Outbox(bus, "relay " + from + " -> " + to, (m, e) -> {
            failed.incrementAndGet();
            LOG.warn("relay {} -> {} failed to forward a message: {}", from, to, e.toString());
        });
        intake = Intake.start(bus, from, this::relay, (d, e) -> LOG.warn("relay {} -> {} lost its consumer: {}", from, to, e.toString()));
        LOG.info("relaying {} -> {}{}", from, to, plan.faults().isEmpty() ? "" : " with faults: " + plan.describe());
        return this;
    }

    /** Forwards every message taken, even while closing: a taken JMS message exists nowhere else. */
    private void relay(Message m) {
        Duration pause = run.intake();
        try {
            // A slow consumer's pause ends early when the relay closes.
            boolean ignored = !pause.isZero() && closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        received.incrementAndGet();
        var emissions = run.next(forwardOf(m));
        forwarded.addAndGet(emissions.size());
        outbox.send(emissions);
    }

    private OutgoingMessage forwardOf(Message m) {
        // The captured message's own arrays, without copies: both messages only read them.
        byte[] key = io.sitkit.core.internal.RawBytes.key(m);
        byte[] payload = io.sitkit.core.internal.RawBytes.payload(m);
        io.sitkit.core.BodyType body = m.bodyType() == io.sitkit.core.BodyType.TEXT
                ? io.sitkit.core.BodyType.TEXT : io.sitkit.core.BodyType.BYTES;
        // A JMS property holds one value: a Kafka message's repeated headers arrive joined with ",".
        io.sitkit.core.Headers headers = to.isJms() ? m.headers().joinedPerName() : m.headers();
        if (to.isJms() && m.jms().isPresent()) {
            var j = m.jms().get();
            return io.sitkit.core.internal.RawBytes.ownedOutgoing(to, key, headers, payload, body, j.correlationId(),
                    j.replyTo(), j.type(), null, null, null);
        }
        return io.sitkit.core.internal.RawBytes.ownedOutgoing(to, key, headers, payload, body,
                null, null, null, null, null, null);
    }

    /** Messages taken from {@code from} so far. */
    public long received() {
        return received.get();
    }

    /** Messages handed on to {@code to} (after drops and duplicates; delayed ones counted when scheduled). */
    public long forwarded() {
        return forwarded.get();
    }

    /** Forwards the broker refused. */
    public long failures() {
        return failed.get();
    }

    /** Stops intake, then sends what is still delayed or held in a reorder window; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        if (intake == null) {
            return;
        }
        intake.close();
        var held = run.flush();
        forwarded.addAndGet(held.size());
        outbox.send(held.stream().map(e -> new io.sitkit.fault.Emission(e.message(), Duration.ZERO)).toList());
        outbox.close(true);
    }

    @Override
    public String toString() {
        return "Interceptor{" + from + " -> " + to + (plan.faults().isEmpty() ? "" : ", " + plan.describe()) + "}";
    }
}
