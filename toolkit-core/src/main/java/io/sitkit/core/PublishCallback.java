package io.sitkit.core;

/**
 * Told once when an asynchronous publish is acknowledged or has failed — the callback form of
 * {@code publishAsync}, as cheap as the Kafka producer's own callback (no future per message), for
 * high-volume publishing.
 *
 * <pre>{@code
 * bus.publishAsync(message, (result, error) -> {
 *     if (error != null) failures.add(error); else acked.countDown();
 * });
 * }</pre>
 *
 * <p>Thread-safety: called on the transport's I/O thread (Kafka) or the publishing thread (JMS);
 * it must be quick and must not block.
 */
@FunctionalInterface
public interface PublishCallback {
    /**
     * @param result the broker's acknowledgement, or null on failure
     * @param error  why the publish failed, or null on success
     */
    void completed(PublishResult result, SitkitException error);
}
