package io.sitkit.report;

import io.sitkit.core.Destination;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message a test saw, as the report shows it: when it was captured, where, and a short
 * preview that has already been redacted. Made by {@link RunReportBuilder#addMessages}, which
 * redacts; build one directly only from text that holds no secrets.
 *
 * <pre>{@code
 * TimelineEntry placed = new TimelineEntry(Instant.parse("2026-01-01T10:00:00Z"), Destination.kafka("orders"),
 *         "kafka:orders[0]@17", Optional.of("o-1"), Optional.of("o-1"), Optional.of("OrderPlaced"), 42,
 *         "{\"orderId\":\"o-1\"}");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param capturedAt     when sitkit's capture saw the message
 * @param destination    where it was seen
 * @param position       where it sits, e.g. {@code kafka:orders[0]@17}
 * @param key            the key as text, when the message has one
 * @param correlationKey the correlation key or flow id, when known; entries sharing one are hops of one flow
 * @param messageType    the message type, when a header or contract tells it
 * @param size           the payload size in bytes; -1 for no payload (a tombstone)
 * @param preview        a short, redacted preview of the payload
 */
public record TimelineEntry(Instant capturedAt, Destination destination, String position, Optional<String> key,
                            Optional<String> correlationKey, Optional<String> messageType, int size, String preview) {
    public TimelineEntry {
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(correlationKey, "correlationKey");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(preview, "preview");
        if (size < -1) {
            throw new IllegalArgumentException("timeline entry size must be -1 (no payload) or more: " + size
                    + " at " + position);
        }
        if (messageType.isPresent() && messageType.get().isBlank()) {
            throw new IllegalArgumentException("timeline entry at " + position
                    + " has a blank message type; pass Optional.empty() when the type is unknown");
        }
    }
}
