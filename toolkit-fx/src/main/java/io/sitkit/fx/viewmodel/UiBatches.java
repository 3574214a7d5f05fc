package io.sitkit.fx.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands batches from a worker to the UI thread with at most one hand-off waiting: while one has not
 * run yet, later batches join it (the oldest dropped past {@code cap}). A UI thread that falls
 * behind — a slow frame, a busy machine — then catches up with one update instead of working
 * through a queue of them back to back, which would stall it longer still.
 *
 * <pre>{@code
 * UiBatches<MessageRow> toTable = new UiBatches<>(Platform::runLater, 5_000, rows -> table.addAll(rows));
 * toTable.offer(decoded);   // from the drainer, every 100 ms
 * }</pre>
 *
 * <p>Thread-safety: {@link #offer} from any thread; {@code apply} runs on the UI executor.
 */
final class UiBatches<T> {
    private final AtomicReference<List<T>> pending = new AtomicReference<>();
    private final Executor ui;
    private final int cap;
    private final Consumer<List<T>> apply;

    UiBatches(Executor ui, int cap, Consumer<List<T>> apply) {
        this.ui = ui;
        this.cap = Math.max(cap, 1);
        this.apply = apply;
    }

    /** Queues {@code batch} for the UI: a new hand-off, or joined to the one still waiting. */
    void offer(List<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<T> before = pending.getAndUpdate(p -> p == null ? last(batch) : joined(p, batch));
        if (before == null) {
            ui.execute(() -> {
                List<T> all = pending.getAndSet(null);
                if (all != null) {
                    apply.accept(all);
                }
            });
        }
    }

    private List<T> last(List<T> batch) {
        return batch.size() > cap ? List.copyOf(batch.subList(batch.size() - cap, batch.size())) : batch;
    }

    private List<T> joined(List<T> waiting, List<T> batch) {
        List<T> all = new ArrayList<>(Math.min(cap, waiting.size() + batch.size()));
        int skip = Math.max(0, waiting.size() + batch.size() - cap);
        for (int i = skip; i < waiting.size(); i++) {
            all.add(waiting.get(i));
        }
        all.addAll(batch.subList(Math.max(0, skip - waiting.size()), batch.size()));
        return all;
    }
}
