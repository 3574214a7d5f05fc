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
    }

    private static volatile Accessor accessor;
    private static volatile MessageFactory messageFactory;

    /** Builds a {@link io.sitkit.core.Message} that takes over the given arrays without copying them. */
    @FunctionalInterface
    public interface MessageFactory {
        io.sitkit.core.Message create(io.sitkit.core.Destination destination, byte[] key, io.sitkit.core.Headers headers,
                                      byte[] payload, io.sitkit.core.BodyType bodyType, java.time.Instant timestamp,
                                      java.time.Instant capturedAt, io.sitkit.core.TransportMetadata metadata);
    }

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
        MessageFactory f = messageFactory;
        if (f == null) {
            init(io.sitkit.core.Message.class);
            f = messageFactory;
        }
        return f.create(destination, key, headers, payload, bodyType, timestamp, capturedAt, metadata);
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

    private static Accessor accessor() {
        Accessor a = accessor;
        if (a == null) {
            init(OutgoingMessage.class); // its static initializer installs the accessor
            a = accessor;
        }
        return a;
    }
}
