package io.sitkit.core;

/**
 * Where a transport delivers what it captures. Implemented by {@link CaptureBuffer}.
 *
 * <p>Thread-safety: implementations must accept calls from any transport thread.
 */
public interface CaptureSink {
    /** One message seen on a captured destination. */
    void accept(Message message);

    /** Several messages at once, in order (one Kafka poll): lets the sink lock and signal once. */
    default void acceptAll(java.util.List<Message> messages) {
        messages.forEach(this::accept);
    }

    /** The capture of {@code destination} hit an error it could not recover from. */
    void failed(Destination destination, Throwable error);

    /**
     * The capture of {@code destination} cannot currently see the broker ({@code problem} says why),
     * or, with {@code problem == null}, can again. Negative expectations rely on this: a window in
     * which the capture was blind is an environment error, not a pass.
     */
    default void health(Destination destination, String problem) {
    }
}
