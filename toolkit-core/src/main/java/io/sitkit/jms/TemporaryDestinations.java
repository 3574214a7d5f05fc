package io.sitkit.jms;

import io.sitkit.core.Destination;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The temporary queues and topics seen as {@code JMSReplyTo} of received messages, by name.
 * A temporary destination cannot be recreated from its name on every provider, so a reply to
 * {@code message.jms().replyTo()} is sent to the provider's own object kept here: a stub or a
 * test-written service answers a requester's temporary queue through the ordinary
 * {@code publish(OutgoingMessage.text(request.jms().orElseThrow().replyTo(), …))}.
 *
 * <p>Bounded (the most recent {@value #LIMIT}); temporary names are unique per connection, so
 * an entry can never stand for another destination.
 *
 * <p>Thread-safety: thread-safe.
 */
final class TemporaryDestinations {
    static final int LIMIT = 10_000;
    private static final Map<Destination, jakarta.jms.Destination> SEEN = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Destination, jakarta.jms.Destination> eldest) {
            return size() > LIMIT;
        }
    };

    private TemporaryDestinations() {
    }

    /** Keeps {@code provider} when it is temporary; returns {@code mapped} either way. */
    static Destination remember(jakarta.jms.Destination provider, Destination mapped) {
        if (mapped != null && (provider instanceof jakarta.jms.TemporaryQueue || provider instanceof jakarta.jms.TemporaryTopic)) {
            synchronized (SEEN) {
                SEEN.put(mapped, provider);
            }
        }
        return mapped;
    }

    /** The provider's temporary destination of that name, or null when {@code d} is not one seen. */
    static jakarta.jms.Destination lookup(Destination d) {
        synchronized (SEEN) {
            return SEEN.isEmpty() ? null : SEEN.get(d);
        }
    }
}
