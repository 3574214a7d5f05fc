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
            try {
                // OutgoingMessage's static initializer installs the accessor.
                Class.forName(OutgoingMessage.class.getName(), true, RawBytes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = accessor;
        }
        return a;
    }
}
