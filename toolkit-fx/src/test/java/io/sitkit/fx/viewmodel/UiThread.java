package io.sitkit.fx.viewmodel;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Test support: a plain thread standing in for the FX thread, so view-models run without a Stage
 * or the JavaFX toolkit. Tests read properties through {@link #get} (on that thread) and wait for
 * background jobs with {@link #done}.
 */
final class UiThread implements AutoCloseable {
    final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    final Background background = new Background(executor);

    <T> T get(Callable<T> read) {
        try {
            return executor.submit(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the UI thread failed", e);
        }
    }

    void run(Runnable command) {
        get(() -> {
            command.run();
            return null;
        });
    }

    /** Runs a command that returns a job on the UI thread and waits until its callbacks ran. */
    void done(Supplier<Background.Job> command) {
        Background.Job job = get(command::get);
        if (job != null) {
            job.done().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Waits until {@code condition}, read on the UI thread, holds. */
    void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> get(condition));
    }

    @Override
    public void close() {
        background.close();
        executor.shutdownNow();
    }
}
