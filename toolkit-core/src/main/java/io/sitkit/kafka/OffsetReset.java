package io.sitkit.kafka;

import java.time.Instant;

/**
 * Where {@link KafkaClient#resetOffsets} moves a consumer group.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface OffsetReset {
    static OffsetReset earliest() {
        return new Earliest();
    }

    static OffsetReset latest() {
        return new Latest();
    }

    static OffsetReset toOffset(long offset) {
        return new ToOffset(offset);
    }

    static OffsetReset toTimestamp(Instant timestamp) {
        return new ToTimestamp(timestamp);
    }

    /** @see #earliest() */
    record Earliest() implements OffsetReset {
    }

    /** @see #latest() */
    record Latest() implements OffsetReset {
    }

    /** @see #toOffset(long) */
    record ToOffset(long offset) implements OffsetReset {
        public ToOffset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0: " + offset);
            }
        }
    }

    /** @see #toTimestamp(Instant) */
    record ToTimestamp(Instant timestamp) implements OffsetReset {
    }
}
