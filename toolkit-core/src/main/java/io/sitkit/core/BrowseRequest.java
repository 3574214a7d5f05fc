package io.sitkit.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A non-destructive read of a destination: nothing is consumed, no consumer group is joined.
 *
 * <pre>{@code
 * List<Message> page = bus.browse(BrowseRequest.of("kafka:orders").fromBeginning().withLimit(50)).messages();
 * List<Message> last = bus.browse(BrowseRequest.of("kafka:orders").last(10)).messages();
 * List<Message> urgent = bus.browse(BrowseRequest.of("jms:queue:q").withSelector("priority > 5")).messages();
 * }</pre>
 *
 * <p>For Kafka, {@code partition} narrows to one partition and positions are offsets. For a JMS
 * queue the position is an index in browse order ({@link From.Offsets} with key 0) and
 * {@code selector} is a JMS message selector.
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination what to read
 * @param from        where to start
 * @param partition   Kafka partition, or null for all partitions
 * @param limit       at most this many messages, &gt; 0
 * @param selector    JMS selector, or null
 */
public record BrowseRequest(Destination destination, From from, Integer partition, int limit, String selector) {

    /** Default page size. */
    public static final int DEFAULT_LIMIT = 500;

    public BrowseRequest {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(from, "from");
        if (limit <= 0) {
            throw new IllegalArgumentException("browse limit must be > 0: " + limit);
        }
        if (partition != null && !destination.isKafka()) {
            throw new IllegalArgumentException("a partition only applies to Kafka topics, not " + destination);
        }
        if (selector != null && !destination.isJms()) {
            throw new IllegalArgumentException("a selector only applies to JMS queues, not " + destination
                    + "; filter Kafka records with a predicate instead");
        }
        if (destination.isJms() && !destination.isQueue()) {
            throw new IllegalArgumentException("JMS topics keep no messages to browse: " + destination
                    + "; capture it instead");
        }
        if (destination.isJms() && !(from instanceof From.Beginning || from instanceof From.Offsets)) {
            throw new IllegalArgumentException("a JMS queue is browsed from the beginning or an index, not " + from);
        }
    }

    /** Browses {@code destination} from the beginning, {@link #DEFAULT_LIMIT} at most. */
    public static BrowseRequest of(Destination destination) {
        return new BrowseRequest(destination, From.Beginning.INSTANCE, null, DEFAULT_LIMIT, null);
    }

    /** @see #of(Destination) */
    public static BrowseRequest of(String address) {
        return of(Destination.parse(address));
    }

    public BrowseRequest fromBeginning() {
        return new BrowseRequest(destination, From.Beginning.INSTANCE, partition, limit, selector);
    }

    /** From this offset on every (or the chosen) partition; for JMS, skips this many messages. */
    public BrowseRequest fromOffset(long offset) {
        return new BrowseRequest(destination, new From.Offsets(Map.of(-1, offset)), partition, limit, selector);
    }

    /** From per-partition offsets, as returned by {@link BrowsePage#next()}. */
    public BrowseRequest fromOffsets(Map<Integer, Long> offsets) {
        return new BrowseRequest(destination, new From.Offsets(offsets), partition, limit, selector);
    }

    public BrowseRequest fromTimestamp(Instant timestamp) {
        return new BrowseRequest(destination, new From.Timestamp(timestamp), partition, limit, selector);
    }

    /** The last {@code n} messages of each (or the chosen) partition. */
    public BrowseRequest last(int n) {
        return new BrowseRequest(destination, new From.Last(n), partition, limit, selector);
    }

    public BrowseRequest withPartition(int p) {
        return new BrowseRequest(destination, from, p, limit, selector);
    }

    public BrowseRequest withLimit(int l) {
        return new BrowseRequest(destination, from, partition, l, selector);
    }

    public BrowseRequest withSelector(String s) {
        return new BrowseRequest(destination, from, partition, limit, s);
    }

    /** Where a browse starts. */
    public sealed interface From {
        /** The oldest message still held. */
        enum Beginning implements From { INSTANCE }

        /**
         * Per-partition start offsets; key -1 means "every partition not listed". For JMS, key 0
         * (or -1) is the number of messages to skip.
         */
        record Offsets(Map<Integer, Long> offsets) implements From {
            public Offsets {
                offsets = Map.copyOf(offsets);
                offsets.forEach((p, o) -> {
                    if (o < 0) {
                        throw new IllegalArgumentException("offset must be >= 0: " + o + " for partition " + p);
                    }
                });
            }

            public long offsetFor(int partition) {
                Long o = offsets.get(partition);
                return o != null ? o : offsets.getOrDefault(-1, 0L);
            }
        }

        /** First message with a timestamp at or after this instant. */
        record Timestamp(Instant timestamp) implements From {
            public Timestamp {
                Objects.requireNonNull(timestamp, "timestamp");
            }
        }

        /** The last n messages per partition. */
        record Last(int n) implements From {
            public Last {
                if (n <= 0) {
                    throw new IllegalArgumentException("last n must be > 0: " + n);
                }
            }
        }
    }
}
