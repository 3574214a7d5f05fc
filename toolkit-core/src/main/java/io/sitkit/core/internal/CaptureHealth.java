package io.sitkit.core.internal;

import io.sitkit.core.Destination;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blind spots of one capture: periods in which a destination's capture had no broker
 * connection, kept so that a negative expectation can tell "nothing arrived" from "nothing could
 * have been seen".
 *
 * <p>Thread-safety: not thread-safe; {@link CaptureBuffer} calls it under its lock.
 */
final class CaptureHealth {
    /** Ended periods older than the newest ones are forgotten beyond this many. */
    private static final int KEEP = 256;

    private record Period(Destination destination, String problem, Instant start, Instant end) {
    }

    private final Map<Destination, Period> ongoing = new LinkedHashMap<>();
    private final Deque<Period> ended = new ArrayDeque<>();

    void report(Destination destination, String problem, Instant now) {
        Period open = ongoing.get(destination);
        if (problem == null) {
            if (open != null) {
                ongoing.remove(destination);
                ended.addLast(new Period(destination, open.problem, open.start, now));
                if (ended.size() > KEEP) {
                    ended.removeFirst();
                }
            }
        } else if (open == null) {
            ongoing.put(destination, new Period(destination, problem, now, null));
        }
    }

    /** Descriptions of the periods that overlap {@code [since, now]}. */
    List<String> since(Instant since) {
        List<String> out = new ArrayList<>();
        for (Period p : ended) {
            if (!p.end.isBefore(since)) {
                out.add(p.destination + " was blind from " + p.start + " to " + p.end + ": " + p.problem);
            }
        }
        for (Period p : ongoing.values()) {
            out.add(p.destination + " is blind since " + p.start + ": " + p.problem);
        }
        return out;
    }
}
