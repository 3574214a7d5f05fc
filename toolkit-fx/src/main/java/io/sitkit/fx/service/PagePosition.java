package io.sitkit.fx.service;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of messages starts: the beginning, the end (the newest page), an offset (on one
 * Kafka partition or every one; an index for a JMS queue), or a timestamp (Kafka).
 *
 * <pre>{@code
 * PagePosition.offset(null, 1_000);   // offset 1,000 on every partition
 * PagePosition.end();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface PagePosition {
    static PagePosition beginning() {
        return Beginning.INSTANCE;
    }

    static PagePosition end() {
        return End.INSTANCE;
    }

    /** From {@code offset} on {@code partition}, or on every partition when it is null. */
    static PagePosition offset(Integer partition, long offset) {
        return new Offset(partition, offset);
    }

    static PagePosition timestamp(Instant at) {
        return new Timestamp(at);
    }

    /** @see #beginning() */
    enum Beginning implements PagePosition {
        INSTANCE;

        @Override
        public String toString() {
            return "the beginning";
        }
    }

    /** @see #end() */
    enum End implements PagePosition {
        INSTANCE;

        @Override
        public String toString() {
            return "the end";
        }
    }

    /** @see #offset(Integer, long) */
    record Offset(Integer partition, long offset) implements PagePosition {
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0, was " + offset);
            }
            if (partition != null && partition < 0) {
                throw new IllegalArgumentException("partition must be >= 0, was " + partition);
            }
        }

        @Override
        public String toString() {
            return "offset " + offset + (partition == null ? "" : " of partition " + partition);
        }
    }

    /** @see #timestamp(Instant) */
    record Timestamp(Instant at) implements PagePosition {
        public Timestamp {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String toString() {
            return at.toString();
        }
    }
}
