package io.sitkit.fx.viewmodel;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the inspector's work runs: broker calls on a shared pool of daemon threads, results handed
 * to the UI executor ({@code Platform::runLater} in the app) so properties only change on the UI
 * thread, which never waits for the network.
 *
 * <pre>{@code
 * Background bg = Background.forFx();
 * Background.Job job = bg.submit(() -> DestinationCatalog.list(connection), entries::setAll, this::showError);
 * job.cancel();
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. {@link #close()} stops the pool with a bounded wait; it is idempotent.
 */
public final class Background implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final Executor ui;
    private final ScheduledExecutorService pool;

    /** @param ui runs property updates: the FX thread in the app, any single thread in tests */
    public Background(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sitkit-fx-worker-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newScheduledThreadPool(4, threads);
    }

    /** Results go to the JavaFX application thread. */
    public static Background forFx() {
        return new Background(javafx.application.Platform::runLater);
    }

    /** The executor that owns the properties. */
    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code work} on a worker thread; then {@code onSuccess} or {@code onFailure} on the UI
     * executor — neither after the job was cancelled.
     */
    public <T> Job submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submitCancellable(job -> work.call(), onSuccess, onFailure);
    }

    /** Work that checks its own job for cancellation between steps (a long scan). */
    @FunctionalInterface
    public interface CancellableWork<T> {
        T call(Job job) throws Exception;
    }

    /** As {@link #submit}, for work that looks at {@link Job#isCancelled()} while it runs. */
    public <T> Job submitCancellable(CancellableWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Job job = new Job();
        job.future = pool.submit(() -> {
            try {
                T result = work.call(job);
                if (!job.isCancelled()) {
                    ui.execute(() -> {
                        if (!job.isCancelled()) {
                            onSuccess.accept(result);
                        }
                        job.done.complete(null);
                    });
                } else {
                    job.done.complete(null);
                }
            } catch (Throwable e) {
                if (!job.isCancelled()) {
                    ui.execute(() -> {
                        onFailure.accept(e);
                        job.done.complete(null);
                    });
                } else {
                    job.done.complete(null);
                }
            }
            return null;
        });
        return job;
    }

    /** Runs {@code task} every {@code period} on a worker thread until the returned handle is cancelled. */
    public ScheduledFuture<?> every(java.time.Duration period, Runnable task) {
        return pool.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A submitted piece of work.
     *
     * <p>Thread-safety: thread-safe.
     */
    public static final class Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile java.util.concurrent.Future<?> future;

        /** Stops the job: its callbacks are not run; a worker already running finishes its current step (never interrupted mid-I/O, which would break a shared broker connection). */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                java.util.concurrent.Future<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                done.completeExceptionally(new CancellationException("cancelled"));
            }
        }

        public boolean isCancelled() {
            return cancelled.get();
        }

        /** Completes once the callbacks ran (or the job was cancelled), for tests and shutdown. */
        public CompletableFuture<Void> done() {
            return done;
        }
    }
}
