package io.sitkit.fx.service;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.env.CaptureSpec;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows a destination from now on: every new message is handed to a listener on the
 * transport's thread (the listener must not block — the view-model buffers and drains in
 * batches). The capture behind it keeps at most {@link #HELD} messages, so a fast topic does not
 * grow the heap; the listener still sees every message.
 *
 * <pre>{@code
 * try (LiveTail tail = LiveTail.start(connection, Destination.kafka("orders"), buffer::add)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: {@link #start} blocks until the capture listens; {@link #close()} is
 * idempotent and may be called from any thread.
 */
public final class LiveTail implements AutoCloseable {
    /** Messages the underlying capture holds at most. */
    public static final int HELD = 1_000;

    private final Capture capture;
    private final AutoCloseable subscription;

    private LiveTail(Capture capture, AutoCloseable subscription) {
        this.capture = capture;
        this.subscription = subscription;
    }

    /** Starts following {@code destination}; returns once it is listening. */
    public static LiveTail start(Connection connection, Destination destination, Consumer<Message> listener) {
        Objects.requireNonNull(listener, "listener");
        Capture capture = connection.bus().capture(CaptureSpec.of(destination).withBufferLimit(HELD).withBufferBytes(16L << 20));
        try {
            return new LiveTail(capture, capture.subscribe(listener));
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    /** Errors the capture hit ("" while healthy). */
    public String problems() {
        return capture.errors().isEmpty() ? "" : capture.errors().toString();
    }

    @Override
    public void close() {
        RuntimeException failure = Connection.closeAll(java.util.List.of(subscription, capture));
        if (failure != null) {
            throw failure;
        }
    }
}
