package io.sitkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a capture starts reading. JMS captures only support {@link #now()}; Kafka supports all.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface StartPosition {

    /** Only messages that arrive after the capture is listening. */
    static StartPosition now() {
        return Now.INSTANCE;
    }

    /** Everything still in the log (Kafka only). */
    static StartPosition beginning() {
        return Beginning.INSTANCE;
    }

    /** Messages whose timestamp is at or after {@code from} (Kafka only). */
    static StartPosition timestamp(Instant from) {
        return new Timestamp(from);
    }

    /** @see #now() */
    enum Now implements StartPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "now";
        }
    }

    /** @see #beginning() */
    enum Beginning implements StartPosition {
        INSTANCE;

        @Override
        public String toString() {
            return "the beginning";
        }
    }

    /** @see #timestamp(Instant) */
    record Timestamp(Instant from) implements StartPosition {
        public Timestamp {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String toString() {
            return "timestamp " + from;
        }
    }
}
