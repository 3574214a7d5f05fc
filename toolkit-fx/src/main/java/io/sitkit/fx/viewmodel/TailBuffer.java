package io.sitkit.fx.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Between a live tail's transport thread and the UI: {@link #add} never blocks, keeps at most
 * {@code cap} pending items (older ones are dropped and counted), and {@link #drain} takes them all
 * at once — the UI drains on a timer (one coalesced update per ~100 ms), so 10,000 messages a
 * second cost ten UI updates, not ten thousand.
 *
 * <p>Thread-safety: {@link #add} from any thread, {@link #drain} from one.
 */
final class TailBuffer<T> {
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    private final int cap;

    TailBuffer(int cap) {
        this.cap = cap;
    }

    void add(T item) {
        seen.incrementAndGet();
        pending.add(item);
        if (size.incrementAndGet() > cap && pending.poll() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    List<T> drain() {
        List<T> out = new ArrayList<>();
        for (T t; (t = pending.poll()) != null; ) {
            size.decrementAndGet();
            out.add(t);
        }
        return out;
    }

    long seen() {
        return seen.get();
    }

    long dropped() {
        return dropped.get();
    }
}
