package io.sitkit.env;

import io.sitkit.core.Destination;
import io.sitkit.core.StartPosition;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What to capture, from where, and how much to hold.
 *
 * <pre>{@code
 * CaptureSpec spec = CaptureSpec.of("kafka:orders", "jms:queue:payments").withBufferLimit(10_000);
 * CaptureSpec history = CaptureSpec.of("kafka:orders").from(StartPosition.beginning());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param destinations what to record, at least one, no duplicates
 * @param from         where to start (JMS supports only {@link StartPosition#now()})
 * @param bufferLimit  how many messages to hold at most, or 0 for the configured default
 * @param bufferBytes  how many key and payload bytes to hold at most, or 0 for the configured default
 *
 * <p>When a bound is reached the capture keeps what it holds and counts further messages as
 * dropped (listeners still see them); expectations that fail say so.
 */
public record CaptureSpec(List<Destination> destinations, StartPosition from, int bufferLimit, long bufferBytes) {

    public CaptureSpec {
        destinations = List.copyOf(destinations);
        Objects.requireNonNull(from, "from");
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("a capture needs at least one destination");
        }
        if (destinations.stream().distinct().count() != destinations.size()) {
            throw new IllegalArgumentException("destinations listed twice: " + destinations);
        }
        if (bufferLimit < 0) {
            throw new IllegalArgumentException("buffer limit must be >= 0: " + bufferLimit);
        }
        if (bufferBytes < 0) {
            throw new IllegalArgumentException("buffer bytes must be >= 0: " + bufferBytes);
        }
    }

    public static CaptureSpec of(Destination... destinations) {
        return new CaptureSpec(List.of(destinations), StartPosition.now(), 0, 0);
    }

    public static CaptureSpec of(String... addresses) {
        return new CaptureSpec(Arrays.stream(addresses).map(Destination::parse).toList(), StartPosition.now(), 0, 0);
    }

    public CaptureSpec from(StartPosition start) {
        return new CaptureSpec(destinations, start, bufferLimit, bufferBytes);
    }

    public CaptureSpec withBufferLimit(int limit) {
        return new CaptureSpec(destinations, from, limit, bufferBytes);
    }

    public CaptureSpec withBufferBytes(long bytes) {
        return new CaptureSpec(destinations, from, bufferLimit, bytes);
    }
}
