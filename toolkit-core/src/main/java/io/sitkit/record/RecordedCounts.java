package io.sitkit.record;

import io.sitkit.core.Destination;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How many messages a {@link Recorder} wrote per destination, observed and injected, for the
 * message of a wait that timed out: which destination stayed silent is the first thing to know.
 *
 * <pre>{@code
 * RecordedCounts counts = new RecordedCounts(watched);
 * counts.add(destination, Origin.OBSERVED);
 * counts.describe();   // "kafka:orders 1, jms:queue:payments 0, kafka:orders 1 injected"
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; the recorder calls it with its lock held.
 */
final class RecordedCounts {
    /** Per destination as written: observed, then injected. */
    private final Map<Destination, long[]> counts = new LinkedHashMap<>();

    /** Starts with every watched destination at zero, in the order given. */
    RecordedCounts(Collection<Destination> watched) {
        watched.forEach(d -> counts.put(d, new long[2]));
    }

    void add(Destination destination, Origin origin) {
        counts.computeIfAbsent(destination, d -> new long[2])[origin == Origin.INJECTED ? 1 : 0]++;
    }

    /**
     * Each destination with what was written on it, watched ones first and silent ones as 0:
     * {@code kafka:orders 1 + 1 injected, jms:queue:payments 0}.
     */
    String describe() {
        StringJoiner out = new StringJoiner(", ");
        counts.forEach((d, n) -> {
            String observed = n[0] == 0 && n[1] > 0 ? "" : String.valueOf(n[0]);
            String injected = n[1] == 0 ? "" : (observed.isEmpty() ? "" : " + ") + n[1] + " injected";
            out.add(d + " " + observed + injected);
        });
        return out.toString();
    }
}
