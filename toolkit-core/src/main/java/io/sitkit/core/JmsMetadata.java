package io.sitkit.core;

import java.time.Instant;

/**
 * The JMS header fields of a message.
 *
 * <p>Thread-safety: immutable.
 *
 * @param messageId       {@code JMSMessageID}, may be null
 * @param correlationId   {@code JMSCorrelationID}, may be null
 * @param replyTo         {@code JMSReplyTo} as a destination, may be null
 * @param type            {@code JMSType}, may be null
 * @param priority        {@code JMSPriority}, 0–9
 * @param persistent      whether {@code JMSDeliveryMode} is PERSISTENT
 * @param expiration      {@code JMSExpiration}, null when the message never expires
 * @param redelivered     {@code JMSRedelivered}
 * @param objectClassName for an {@code ObjectMessage}, the serialized class name read from the
 *                        stream header without deserializing; otherwise null
 */
public record JmsMetadata(String messageId, String correlationId, Destination replyTo, String type,
                          int priority, boolean persistent, Instant expiration, boolean redelivered,
                          String objectClassName) implements TransportMetadata {
    public JmsMetadata {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("JMS priority must be 0-9: " + priority);
        }
    }
}
