package io.sitkit.core;

/**
 * The two transports sitkit speaks; {@link Destination#transport()} says which one carries a destination.
 *
 * <p>Thread-safety: immutable.
 */
public enum Transport {
    /** Apache Kafka topics. */
    KAFKA,
    /** Jakarta Messaging (JMS 3) queues and topics. */
    JMS
}
