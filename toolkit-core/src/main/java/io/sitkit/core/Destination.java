package io.sitkit.core;

import java.util.Objects;

/**
 * A place messages go: a Kafka topic, a JMS queue or a JMS topic.
 *
 * <p>Addressed in text as {@code kafka:<topic>}, {@code jms:queue:<name>} or
 * {@code jms:topic:<name>}:
 * <pre>{@code
 * Destination orders = Destination.parse("kafka:orders");
 * Destination payments = Destination.jmsQueue("payments");
 * }</pre>
 *
 * <p>Thread-safety: immutable value.
 *
 * @param transport which transport carries it
 * @param kind      queue or topic (Kafka destinations are always topics)
 * @param name      the broker-side name, never blank
 */
public record Destination(Transport transport, Kind kind, String name) {

    /** Queue (point-to-point) or topic (publish/subscribe). */
    public enum Kind { TOPIC, QUEUE }

    static final String ACCEPTED_FORMS = "kafka:<topic>, jms:queue:<name>, jms:topic:<name>";
    private static final int KAFKA_MAX_TOPIC_LENGTH = 249;

    public Destination {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("destination name is blank; accepted forms: " + ACCEPTED_FORMS);
        }
        if (transport == Transport.KAFKA) {
            if (kind != Kind.TOPIC) {
                throw new InvalidDestinationException("Kafka has no queues: '" + name + "'; accepted forms: " + ACCEPTED_FORMS);
            }
            validateKafkaTopic(name);
        }
    }

    /** A Kafka topic. */
    public static Destination kafka(String topic) {
        return new Destination(Transport.KAFKA, Kind.TOPIC, topic);
    }

    /** A JMS queue. */
    public static Destination jmsQueue(String name) {
        return new Destination(Transport.JMS, Kind.QUEUE, name);
    }

    /** A JMS topic. */
    public static Destination jmsTopic(String name) {
        return new Destination(Transport.JMS, Kind.TOPIC, name);
    }

    /**
     * Parses {@code kafka:<topic>}, {@code jms:queue:<name>} or {@code jms:topic:<name>}.
     *
     * @throws InvalidDestinationException naming the bad address and the accepted forms
     */
    public static Destination parse(String address) {
        if (address == null) {
            throw new InvalidDestinationException("destination address is null; accepted forms: " + ACCEPTED_FORMS);
        }
        String a = address.strip();
        if (a.startsWith("kafka:")) {
            return kafka(a.substring("kafka:".length()));
        }
        if (a.startsWith("jms:queue:")) {
            return jmsQueue(a.substring("jms:queue:".length()));
        }
        if (a.startsWith("jms:topic:")) {
            return jmsTopic(a.substring("jms:topic:".length()));
        }
        throw new InvalidDestinationException("'" + address + "' is not a destination address; accepted forms: "
                + ACCEPTED_FORMS);
    }

    public boolean isKafka() {
        return transport == Transport.KAFKA;
    }

    public boolean isJms() {
        return transport == Transport.JMS;
    }

    public boolean isQueue() {
        return kind == Kind.QUEUE;
    }

    /**
     * Written out rather than left to the record's generated form: captures compare and hash a
     * destination for every message they hold, and this one answers an identical instance at once.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Destination d && transport == d.transport && kind == d.kind && name.equals(d.name);
    }

    @Override
    public int hashCode() {
        return (31 * transport.hashCode() + kind.hashCode()) * 31 + name.hashCode();
    }

    /** The address form, e.g. {@code jms:queue:payments}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        if (transport == Transport.KAFKA) {
            return "kafka:" + name;
        }
        return kind == Kind.QUEUE ? "jms:queue:" + name : "jms:topic:" + name;
    }

    private static void validateKafkaTopic(String name) {
        if (name.length() > KAFKA_MAX_TOPIC_LENGTH) {
            throw new InvalidDestinationException("Kafka topic name is " + name.length()
                    + " characters long; the limit is " + KAFKA_MAX_TOPIC_LENGTH);
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidDestinationException("Kafka topic name cannot be '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new InvalidDestinationException("Kafka topic '" + name + "' has the illegal character '" + c
                        + "' at index " + i + "; topics may use only ASCII letters, digits, '.', '_' and '-'");
            }
        }
    }
}
