package io.sitkit.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The test thread of the {@code latency} suite: one named daemon thread that declares an
 * expectation, then blocks in it. {@link #park} hands it the work and returns only once that
 * thread has declared and is parked waiting (state {@code TIMED_WAITING}, which in a sitkit
 * expectation means parked on the capture's condition), so the message can be published after.
 *
 * <pre>{@code
 * Future<Long> returned = waiter.park(() -> {
 *     MessageExpectation e = expect.expect(topic).onlyNew().message(key(k));
 *     return () -> e.within(Duration.ofSeconds(10));
 * });
 * long t0 = System.nanoTime(); send(k);
 * long detectNanos = returned.get() - t0;
 * }</pre>
 *
 * <p>Thread-safety: {@link #park} is called from one thread at a time.
 */
final class Waiter implements AutoCloseable {
    private static final Duration PARK_WITHIN = Duration.ofSeconds(10);

    /** Declares the expectation on the waiter thread and returns the blocking wait for it. */
    @FunctionalInterface
    interface Declaration {
        Runnable declare();
    }

    private final ExecutorService executor;
    private volatile Thread thread;

    Waiter(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /**
     * Runs {@code declaration} on the waiter thread; the future completes with {@code System.nanoTime()}
     * taken just after the wait returned.
     */
    Future<Long> park(Declaration declaration) throws InterruptedException {
        CountDownLatch declared = new CountDownLatch(1);
        Future<Long> returned = executor.submit(() -> {
            Runnable wait = declaration.declare();
            declared.countDown();
            wait.run();
            return System.nanoTime();
        });
        long deadline = System.nanoTime() + PARK_WITHIN.toNanos();
        if (!declared.await(PARK_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the waiter did not declare its expectation within " + PARK_WITHIN);
        }
        while (thread.getState() != Thread.State.TIMED_WAITING && !returned.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the waiter did not park within " + PARK_WITHIN + "; it is " + thread.getState());
            }
            Thread.yield();
        }
        return returned;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the waiter thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
