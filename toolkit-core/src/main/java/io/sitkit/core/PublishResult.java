package io.sitkit.core;

import java.time.Instant;

/**
 * Where the broker put a published message.
 *
 * <pre>{@code
 * PublishResult r = bus.publish(OutgoingMessage.text("kafka:orders", "{}"));
 * long offset = r.offset();
 * }</pre>
 *
 * @param destination where it went
 * @param partition   Kafka partition, or -1 for JMS
 * @param offset      Kafka offset, or -1 for JMS
 * @param messageId   JMS message id, or null for Kafka
 * @param timestamp   the broker's or producer's timestamp for the message
 *
 * <p>Thread-safety: immutable.
 */
public record PublishResult(Destination destination, int partition, long offset, String messageId, Instant timestamp) {

    public static PublishResult kafka(Destination d, int partition, long offset, Instant timestamp) {
        return new PublishResult(d, partition, offset, null, timestamp);
    }

    public static PublishResult jms(Destination d, String messageId, Instant timestamp) {
        return new PublishResult(d, -1, -1, messageId, timestamp);
    }

    @Override
    public String toString() {
        return messageId == null ? destination + "[" + partition + "]@" + offset : destination + " id=" + messageId;
    }
}
