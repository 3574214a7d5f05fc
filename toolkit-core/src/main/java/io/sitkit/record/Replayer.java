package io.sitkit.record;

import io.sitkit.env.Bus;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A replay running on a daemon thread of its own ({@code sitkit-replay-N}), started by
 * {@link Replay#start}: follow its progress, wait for it, or cancel it.
 *
 * <pre>{@code
 * try (Replayer replayer = Replay.of(file).atOriginalPace().start(bus)) {
 *     ... // watch the system react while the recording plays
 *     ReplayResult r = replayer.await(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. {@link #close()} cancels a replay still running (it stops after
 * the message it is sending and waits for those in flight) and waits for its thread, at most
 * {@link ReplayRun#DRAIN_TIMEOUT}; it is idempotent.
 */
public final class Replayer implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ReplayRun run;
    private final CompletableFuture<ReplayResult> done = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean cancelled;

    private Replayer(Replay spec, Bus bus) {
        this.run = new ReplayRun(spec, bus, () -> cancelled);
        this.thread = new Thread(this::work, "sitkit-replay-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    static Replayer start(Replay spec, Bus bus) {
        Replayer r = new Replayer(spec, bus);
        r.thread.start();
        return r;
    }

    private void work() {
        try {
            done.complete(run.run());
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }

    /** Messages the target acknowledged so far. */
    public long sent() {
        return run.acknowledged();
    }

    /**
     * Waits, without polling, until the target acknowledged {@code count} messages or the replay
     * ended, and returns how many it acknowledged.
     *
     * @throws io.sitkit.core.CaptureTimeoutException when fewer were acknowledged within the time and the replay still runs
     */
    public long awaitSent(long count, Duration within) {
        try {
            long sent = run.awaitAcknowledged(count, within);
            if (sent < count && !run.ended()) {
                throw new io.sitkit.core.CaptureTimeoutException("expected " + count + " replayed messages acknowledged\n  within "
                        + within.toMillis() + "ms\n  but " + sent + " were");
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for " + count + " replayed messages", sent(), e);
        }
    }

    /** Whether the replay has ended, done, failed or cancelled. */
    public boolean isDone() {
        return done.isDone();
    }

    /**
     * Waits for the replay to end and returns what it did.
     *
     * @throws ReplayException                       when it stopped on an error or was cancelled
     * @throws io.sitkit.core.CaptureTimeoutException when it is still running after {@code within}
     */
    public ReplayResult await(Duration within) {
        try {
            return done.get(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new io.sitkit.core.CaptureTimeoutException("expected the replay to end\n  within " + within.toMillis()
                    + "ms\n  but it is still running after " + sent() + " messages sent");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ReplayException("replay failed: " + e.getCause(), sent(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while waiting for the replay", sent(), e);
        }
    }

    /** Asks the replay to stop after the message it is sending; {@link #await} then throws a "cancelled" {@link ReplayException}. */
    public void cancel() {
        cancelled = true;
    }

    /** Cancels a running replay and waits for its thread to end. Idempotent. */
    @Override
    public void close() {
        cancel();
        try {
            thread.join(ReplayRun.DRAIN_TIMEOUT.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Replayer{" + thread.getName() + ", " + sent() + " sent" + (isDone() ? ", done" : "") + "}";
    }
}
