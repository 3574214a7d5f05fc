package io.sitkit.core.internal;

import io.sitkit.core.Header;
import io.sitkit.core.OutgoingMessage;

/**
 * Read-only access to the arrays inside immutable values, for transports that only read them
 * (handing a payload to the Kafka producer must not cost a copy per message). Not API: callers
 * must never modify or leak the arrays.
 *
 * <p>Thread-safety: the accessor is installed once by the value classes' static initializers.
 */
public final class RawBytes {
    /** Implemented by the value classes themselves, which alone see their fields. */
    public interface Accessor {
        byte[] key(OutgoingMessage m);

        byte[] payload(OutgoingMessage m);

        byte[] value(Header h);

        /** A message that takes {@code key} and {@code payload} as they are: only for arrays nobody else can change. */
        OutgoingMessage owned(io.sitkit.core.Destination destination, byte[] key, io.sitkit.core.Headers headers,
                              byte[] payload, io.sitkit.core.BodyType bodyType, String correlationId,
                              io.sitkit.core.Destination replyTo, String type, Integer priority, Boolean persistent,
                              java.time.Duration timeToLive);
    }

    private static volatile Accessor accessor;
    private static volatile MessageFactory messageFactory;

    /** Builds a {@link io.sitkit.core.Message} that takes over the given arrays without copying them, and reads its arrays. */
    public interface MessageFactory {
        io.sitkit.core.Message create(io.sitkit.core.Destination destination, byte[] key, io.sitkit.core.Headers headers,
                                      byte[] payload, io.sitkit.core.BodyType bodyType, java.time.Instant timestamp,
                                      java.time.Instant capturedAt, io.sitkit.core.TransportMetadata metadata);

        /** The same with both times as epoch nanoseconds ({@link #NO_TIME} for no timestamp), as a capture has them. */
        io.sitkit.core.Message createAtNanos(io.sitkit.core.Destination destination, byte[] key, io.sitkit.core.Headers headers,
                                             byte[] payload, io.sitkit.core.BodyType bodyType, long timestampNanos,
                                             long capturedAtNanos, io.sitkit.core.TransportMetadata metadata);

        /**
         * A captured Kafka record's message, with both times as epoch nanoseconds ({@link #NO_TIME} for no
         * timestamp) and its position in primitives: no {@code Instant} and no {@code KafkaMetadata} object per
         * record (the metadata is made when asked for).
         */
        io.sitkit.core.Message createKafkaRecord(io.sitkit.core.Destination destination, byte[] key, io.sitkit.core.Headers headers,
                                                 byte[] payload, long timestampNanos, long capturedAtNanos,
                                                 int partition, long offset, String timestampType, int leaderEpoch);

        /** The message's own key array. */
        byte[] key(io.sitkit.core.Message m);

        /** The message's own payload array. */
        byte[] payload(io.sitkit.core.Message m);
    }

    /** "No timestamp" for {@link #ownedKafkaRecord}. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** Installed by Message's static initializer; only the first call counts. */
    public static synchronized void installMessageFactory(MessageFactory f) {
        if (messageFactory == null) {
            messageFactory = f;
        }
    }

    /**
     * A message owning {@code key} and {@code payload}: the caller must have just allocated them and
     * must not keep them (a transport's freshly deserialized record, say).
     */
    public static io.sitkit.core.Message ownedMessage(io.sitkit.core.Destination destination, byte[] key,
                                                      io.sitkit.core.Headers headers, byte[] payload,
                                                      io.sitkit.core.BodyType bodyType, java.time.Instant timestamp,
                                                      java.time.Instant capturedAt, io.sitkit.core.TransportMetadata metadata) {
        return factory().create(destination, key, headers, payload, bodyType, timestamp, capturedAt, metadata);
    }

    /**
     * {@link #ownedMessage} for a capture's listener, which maps every message as it arrives: the times
     * come as epoch nanoseconds, so no {@code Instant} is made per message.
     *
     * @param timestampNanos  the message's own time, or {@link #NO_TIME}
     * @param capturedAtNanos when it was seen, not {@link #NO_TIME}
     */
    public static io.sitkit.core.Message ownedMessageAtNanos(io.sitkit.core.Destination destination, byte[] key,
                                                             io.sitkit.core.Headers headers, byte[] payload,
                                                             io.sitkit.core.BodyType bodyType, long timestampNanos,
                                                             long capturedAtNanos, io.sitkit.core.TransportMetadata metadata) {
        return factory().createAtNanos(destination, key, headers, payload, bodyType, timestampNanos, capturedAtNanos, metadata);
    }

    /** The current time as epoch nanoseconds (microsecond precision where the clock has it). */
    public static long nowNanos() {
        return epochNanos(java.time.Instant.now());
    }

    /**
     * {@link #ownedMessage} for a Kafka capture, which reads thousands of records per poll: the times come
     * as epoch nanoseconds and the position as primitives, so no {@code Instant} and no metadata object is
     * made per record. A capture holding millions of records pays for every object it keeps in each
     * young collection.
     *
     * @param timestampNanos  the record's own time, or {@link #NO_TIME}
     * @param capturedAtNanos when it was seen, not {@link #NO_TIME}
     */
    public static io.sitkit.core.Message ownedKafkaRecord(io.sitkit.core.Destination destination, byte[] key,
                                                          io.sitkit.core.Headers headers, byte[] payload, long timestampNanos,
                                                          long capturedAtNanos, int partition, long offset,
                                                          String timestampType, int leaderEpoch) {
        return factory().createKafkaRecord(destination, key, headers, payload, timestampNanos, capturedAtNanos, partition, offset,
                timestampType, leaderEpoch);
    }

    /** Epoch nanoseconds of {@code t}, or {@link #NO_TIME} when they do not fit in a long (before 1677 or after 2262). */
    public static long epochNanos(java.time.Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            return NO_TIME;
        }
    }

    /** The instant of epoch nanoseconds {@code nanos}; inverse of {@link #epochNanos}. */
    public static java.time.Instant instant(long nanos) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The largest epoch milliseconds, either side of 1970, whose epoch nanoseconds fit in a long. */
    public static final long MAX_NANOS_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private static MessageFactory factory() {
        MessageFactory f = messageFactory;
        if (f == null) {
            init(io.sitkit.core.Message.class);   // its static initializer installs the factory
            f = messageFactory;
        }
        return f;
    }

    private static void init(Class<?> type) {
        try {
            Class.forName(type.getName(), true, RawBytes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawBytes() {
    }

    /** Installs the accessor; only the first call counts. */
    public static synchronized void install(Accessor a) {
        if (accessor == null) {
            accessor = a;
        }
    }

    public static byte[] key(OutgoingMessage m) {
        return accessor().key(m);
    }

    public static byte[] payload(OutgoingMessage m) {
        return accessor().payload(m);
    }

    public static byte[] value(Header h) {
        return accessor().value(h);
    }

    /**
     * An outgoing message holding {@code key} and {@code payload} without copies: for arrays that are
     * fresh, or that belong to an immutable {@link io.sitkit.core.Message} (see {@link #payload(io.sitkit.core.Message)}).
     */
    public static OutgoingMessage ownedOutgoing(io.sitkit.core.Destination destination, byte[] key,
                                                io.sitkit.core.Headers headers, byte[] payload,
                                                io.sitkit.core.BodyType bodyType, String correlationId,
                                                io.sitkit.core.Destination replyTo, String type, Integer priority,
                                                Boolean persistent, java.time.Duration timeToLive) {
        return accessor().owned(destination, key, headers, payload, bodyType, correlationId, replyTo, type, priority,
                persistent, timeToLive);
    }

    /** A captured message's own key array, not a copy: read it, never change it. */
    public static byte[] key(io.sitkit.core.Message m) {
        return factory().key(m);
    }

    /** A captured message's own payload array, not a copy: read it, never change it. */
    public static byte[] payload(io.sitkit.core.Message m) {
        return factory().payload(m);
    }

    private static Accessor accessor() {
        Accessor a = accessor;
        if (a == null) {
            init(OutgoingMessage.class); // its static initializer installs the accessor
            a = accessor;
        }
        return a;
    }
}
