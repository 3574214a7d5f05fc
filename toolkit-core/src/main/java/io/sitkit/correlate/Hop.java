package io.sitkit.correlate;

import io.sitkit.core.Message;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a flow: from one message to the next one carrying the same key, and how long it took
 * (by {@link Message#flowTimeNanos()}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param from    the earlier message
 * @param to      the later message
 * @param latency from {@code from} to {@code to} by flow time, never negative
 */
public record Hop(Message from, Message to, Duration latency) {
    public Hop {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("hop latency must be >= 0: " + latency);
        }
    }

    static Hop between(Message from, Message to) {
        return new Hop(from, to, Flow.between(from, to));
    }

    @Override
    public String toString() {
        return from.destination() + " -> " + to.destination() + " in " + Flow.millis(latency);
    }
}
