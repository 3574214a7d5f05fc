package io.sitkit.core;

/** The two transports sitkit speaks. */
public enum Transport {
    /** Apache Kafka topics. */
    KAFKA,
    /** Jakarta Messaging (JMS 3) queues and topics. */
    JMS
}
