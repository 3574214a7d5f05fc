package io.sitkit.core;

/**
 * Where a transport delivers what it captures. Implemented by {@link CaptureBuffer}.
 *
 * <p>Thread-safety: implementations must accept calls from any transport thread.
 */
public interface CaptureSink {
    /** One message seen on a captured destination. */
    void accept(Message message);

    /** The capture of {@code destination} hit an error it could not recover from. */
    void failed(Destination destination, Throwable error);
}
