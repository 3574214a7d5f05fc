package io.sitkit.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call of a decoder or parser on its own daemon thread with a time bound, and measures
 * what the call allocated, so a hang fails that one try within seconds and a forged length
 * prefix shows up as an allocation far beyond the input's size long before it could exhaust a
 * heap.
 *
 * <pre>{@code
 * static final Guard GUARD = Guard.start("avro-fuzz");
 * Guard.Outcome o = GUARD.run(Fuzz.preview(bytes), () -> codec.decode(bytes));
 * }</pre>
 *
 * <p>Thread-safety: one caller at a time (a property's tries run one after another).
 */
public final class Guard implements AutoCloseable {
    /** How long one call may take: normal calls take microseconds to a few milliseconds. */
    public static final Duration CALL_LIMIT = Duration.ofSeconds(5);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final Duration limit;
    private ExecutorService worker;

    private Guard(String name, Duration limit) {
        this.name = name;
        this.limit = limit;
        this.worker = newWorker();
    }

    /** A guard with one daemon thread named {@code name}, allowing each call {@link #CALL_LIMIT}. */
    public static Guard start(String name) {
        return new Guard(name, CALL_LIMIT);
    }

    /** A guard allowing each call {@code limit}. */
    public static Guard start(String name, Duration limit) {
        return new Guard(name, limit);
    }

    /**
     * What one call did: returned {@code value}, or threw {@code thrown}; {@code allocatedBytes}
     * is what the calling thread allocated meanwhile.
     */
    public record Outcome(Object value, Throwable thrown, long allocatedBytes, Duration took) {
        public boolean threw() {
            return thrown != null;
        }
    }

    /**
     * Runs {@code call}; every Throwable it throws (an OutOfMemoryError, a StackOverflowError)
     * comes back in the outcome.
     *
     * @param input what the call was given, shown when it hangs
     * @throws AssertionError when the call does not end within the limit
     */
    public Outcome run(String input, Callable<?> call) {
        Future<Outcome> future = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            try {
                Object value = call.call();
                return new Outcome(value, null, THREADS.getCurrentThreadAllocatedBytes() - before,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (Throwable t) {
                return new Outcome(null, t, THREADS.getCurrentThreadAllocatedBytes() - before,
                        Duration.ofNanos(System.nanoTime() - start));
            }
        });
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // The stuck thread is a daemon: leave it and carry on with a fresh one.
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no answer within " + limit.toMillis() + " ms (a hang?) for the input " + input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the call on " + input, e);
        } catch (ExecutionException e) {
            throw new AssertionError("the guard itself failed on " + input, e.getCause());
        }
    }

    /** Stops the thread, waiting up to a second for a call in progress. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
