package io.sitkit.core;

/**
 * One transport's running part of a capture, returned by
 * {@link TransportClient#startCapture} once it is listening.
 *
 * <p>Thread-safety: {@link #close()} may be called from any thread and is idempotent.
 */
public interface CaptureSession extends AutoCloseable {

    /**
     * How the capture started, for failure messages: e.g. {@code kafka:orders at offsets {0=5, 1=3}}
     * or {@code jms:queue:payments via mirror topic VirtualTopic.Mirror.payments}.
     */
    String describe();

    /** Stops capturing. */
    @Override
    void close();
}
