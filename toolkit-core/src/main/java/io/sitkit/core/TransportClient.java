package io.sitkit.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What each transport implements so the transport-neutral facade can route to it. Users reach
 * these operations through {@code io.sitkit.env.Bus}.
 *
 * <p>Thread-safety: implementations are thread-safe.
 */
public interface TransportClient extends AutoCloseable {

    /** Which transport this client speaks. */
    Transport transport();

    /**
     * Publishes and waits for the broker's acknowledgement.
     *
     * @throws BrokerUnavailableException when the broker does not answer within the configured bound
     */
    PublishResult publish(OutgoingMessage message);

    /**
     * Publishes without waiting; {@code callback} is told once of the acknowledgement or the error —
     * a write refused by a locked protected environment ({@link ProtectedEnvironmentException}) too,
     * never thrown from here.
     */
    void publishAsync(OutgoingMessage message, PublishCallback callback);

    /** Publishes without waiting; the future completes with the acknowledgement or the error (a refused write too). */
    default CompletableFuture<PublishResult> publishAsync(OutgoingMessage message) {
        CompletableFuture<PublishResult> f = new CompletableFuture<>();
        publishAsync(message, (result, error) -> {
            if (error != null) {
                f.completeExceptionally(error);
            } else {
                f.complete(result);
            }
        });
        return f;
    }

    /**
     * Starts capturing {@code destinations} into {@code sink}; returns only once listening.
     *
     * @return the running session; closing it stops the capture
     */
    CaptureSession startCapture(List<Destination> destinations, StartPosition from, CaptureSink sink);

    /** Reads without consuming. */
    BrowsePage browse(BrowseRequest request);

    /** Destinations the broker knows, with counts where the broker exposes them. */
    List<DestinationInfo> listDestinations();

    /** Closes every connection, consumer and thread this client owns. Idempotent. */
    @Override
    void close();
}
