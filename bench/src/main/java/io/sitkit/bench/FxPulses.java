package io.sitkit.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the {@code inspector} suite sees of the JavaFX thread: work run on it and waited for, a
 * condition checked after the layout pass of every pulse (so "the rows are in the table's cells"
 * is seen in the frame that paints them), and a gap monitor on the pulses themselves — an
 * {@link AnimationTimer} runs on every pulse, so the longest time between two of its calls is the
 * longest the FX thread could not draw a frame.
 *
 * <p>Thread-safety: {@link #call} from any thread but the FX thread; everything else on the FX thread.
 */
final class FxPulses {
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(BooleanSupplier condition, CompletableFuture<Long> seen) {
    }

    /** Watches {@code scene}'s pulses; call on the FX thread. */
    FxPulses(Scene scene) {
        scene.addPostLayoutPulseListener(this::afterLayout);
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T call(Callable<T> work, Duration within) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX work did not complete within " + within + ": " + e, e);
        }
    }

    /**
     * Completes with {@link System#nanoTime()} after the layout pass of the first pulse in which
     * {@code condition} holds (checked on the FX thread). Call on the FX thread; it asks for a pulse.
     */
    CompletableFuture<Long> afterLayoutWhen(BooleanSupplier condition) {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        pending.add(new Pending(condition, seen));
        Platform.requestNextPulse();
        return seen;
    }

    private void afterLayout() {
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            try {
                if (p.condition().getAsBoolean()) {
                    it.remove();
                    p.seen().complete(now);
                }
            } catch (RuntimeException e) {
                it.remove();
                p.seen().completeExceptionally(e);
            }
        }
        if (!pending.isEmpty()) {
            Platform.requestNextPulse();
        }
    }

    /**
     * Times between successive pulses while it runs.
     *
     * <p>Thread-safety: FX thread only; {@link #gapsMillis()} after {@link #stop()}.
     */
    static final class GapMonitor extends AnimationTimer {
        private final List<Double> gaps = new ArrayList<>();
        private long last;

        @Override
        public void handle(long pulseNanos) {
            long now = System.nanoTime();
            if (last != 0) {
                gaps.add((now - last) / 1e6);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = 0;
        }

        List<Double> gapsMillis() {
            return List.copyOf(gaps);
        }
    }
}
