package io.sitkit.jms;

import java.util.Locale;

/**
 * How a capture sees a queue's traffic without taking messages from the system under test.
 *
 * <p>Thread-safety: immutable.
 */
public enum QueueObservation {
    /**
     * The broker copies every message sent to queue {@code Q} to topic {@code <prefix>Q}
     * (ActiveMQ Classic mirrored queues; an Artemis non-exclusive divert). Lossless.
     */
    MIRROR,
    /**
     * sitkit browses the queue repeatedly and de-duplicates by message id. Lossy: a message sent
     * and consumed between two browses is never seen.
     */
    BROWSE,
    /** Queue capture is refused with a message naming the broker feature needed. */
    NONE;

    public static QueueObservation parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("queue observation '" + s + "' is not one of mirror, browse, none");
        }
    }
}
