package io.sitkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message to publish. Immutable: every {@code withX} returns a new instance, so a prepared
 * message can be a shared constant.
 *
 * <pre>{@code
 * OutgoingMessage order = OutgoingMessage.text("kafka:orders", "{\"orderId\":\"o-1\"}")
 *         .withKey("o-1")
 *         .withHeader(Header.of("traceparent", tp));
 * OutgoingMessage payment = OutgoingMessage.text("jms:queue:payments", "{}")
 *         .withCorrelationId("o-1").withReplyTo("jms:queue:payment-replies").withPriority(7);
 * }</pre>
 *
 * <p>Fields that only one transport understands are rejected by the other at publish time with a
 * message naming the field (e.g. a partition on a JMS queue).
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination   where to send
 * @param key           Kafka key; for JMS sent as {@code JMSXGroupID}; may be null
 * @param headers       Kafka headers / JMS properties
 * @param payload       body bytes; null makes a Kafka tombstone or a body-less JMS message
 * @param bodyType      {@link BodyType#TEXT} sends a JMS TextMessage, {@link BodyType#BYTES} a BytesMessage
 * @param partition     Kafka partition, or null to let the partitioner choose
 * @param correlationId JMS correlation id, or null
 * @param replyTo       JMS reply-to destination, or null
 * @param type          JMS type, or null
 * @param priority      JMS priority 0–9, or null for the provider default
 * @param persistent    JMS delivery mode, or null for the provider default (persistent)
 * @param timeToLive    JMS time-to-live, or null for never expiring
 */
public record OutgoingMessage(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                              Integer partition, String correlationId, Destination replyTo, String type,
                              Integer priority, Boolean persistent, Duration timeToLive) {

    static {
        io.sitkit.core.internal.RawBytes.install(new io.sitkit.core.internal.RawBytes.Accessor() {
            @Override
            public byte[] key(OutgoingMessage m) {
                return m.key;
            }

            @Override
            public byte[] payload(OutgoingMessage m) {
                return m.payload;
            }

            @Override
            public byte[] value(Header h) {
                return h.rawValue();
            }
        });
    }

    public OutgoingMessage {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodyType, "bodyType");
        if (bodyType != BodyType.TEXT && bodyType != BodyType.BYTES) {
            throw new IllegalArgumentException("only TEXT and BYTES bodies can be published, not " + bodyType);
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0: " + partition);
        }
        if (priority != null && (priority < 0 || priority > 9)) {
            throw new IllegalArgumentException("JMS priority must be 0-9: " + priority);
        }
        if (timeToLive != null && (timeToLive.isNegative() || timeToLive.isZero())) {
            throw new IllegalArgumentException("time-to-live must be positive: " + timeToLive);
        }
        key = key == null ? null : key.clone();
        payload = payload == null ? null : payload.clone();
    }

    /** A message with raw bytes (a Kafka record, or a JMS BytesMessage). */
    public static OutgoingMessage bytes(Destination destination, byte[] payload) {
        return new OutgoingMessage(destination, null, Headers.empty(), payload, BodyType.BYTES,
                null, null, null, null, null, null, null);
    }

    /** @see #bytes(Destination, byte[]) */
    public static OutgoingMessage bytes(String address, byte[] payload) {
        return bytes(Destination.parse(address), payload);
    }

    /** A message with UTF-8 text (a Kafka record, or a JMS TextMessage). */
    public static OutgoingMessage text(Destination destination, String text) {
        return new OutgoingMessage(destination, null, Headers.empty(),
                text == null ? null : text.getBytes(StandardCharsets.UTF_8), BodyType.TEXT,
                null, null, null, null, null, null, null);
    }

    /** @see #text(Destination, String) */
    public static OutgoingMessage text(String address, String text) {
        return text(Destination.parse(address), text);
    }

    /** A Kafka tombstone: a key and a null value. */
    public static OutgoingMessage tombstone(Destination destination, String key) {
        return bytes(destination, null).withKey(key);
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    public OutgoingMessage withDestination(Destination d) {
        return new OutgoingMessage(d, key, headers, payload, bodyType, partition, correlationId, replyTo, type, priority, persistent, timeToLive);
    }

    /** The same message with another body (copied). */
    public OutgoingMessage withPayload(byte[] p) {
        return new OutgoingMessage(destination, key, headers, p, bodyType, partition, correlationId, replyTo, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withKey(byte[] k) {
        return new OutgoingMessage(destination, k, headers, payload, bodyType, partition, correlationId, replyTo, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withKey(String k) {
        return withKey(k == null ? null : k.getBytes(StandardCharsets.UTF_8));
    }

    public OutgoingMessage withHeaders(Headers h) {
        return new OutgoingMessage(destination, key, h, payload, bodyType, partition, correlationId, replyTo, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withHeader(Header h) {
        return withHeaders(headers.with(h));
    }

    public OutgoingMessage withHeader(String name, String value) {
        return withHeader(Header.of(name, value));
    }

    /** Adds a typed header, sent on JMS as a property of that type ({@code Integer}, {@code Boolean}…). */
    public OutgoingMessage withProperty(String name, Object value) {
        return withHeader(Header.typed(name, value));
    }

    public OutgoingMessage withPartition(int p) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, p, correlationId, replyTo, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withCorrelationId(String c) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, c, replyTo, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withReplyTo(Destination r) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, correlationId, r, type, priority, persistent, timeToLive);
    }

    public OutgoingMessage withReplyTo(String address) {
        return withReplyTo(Destination.parse(address));
    }

    public OutgoingMessage withType(String t) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, correlationId, replyTo, t, priority, persistent, timeToLive);
    }

    public OutgoingMessage withPriority(int p) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, correlationId, replyTo, type, p, persistent, timeToLive);
    }

    public OutgoingMessage withPersistent(boolean p) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, correlationId, replyTo, type, priority, p, timeToLive);
    }

    public OutgoingMessage withTimeToLive(Duration ttl) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition, correlationId, replyTo, type, priority, persistent, ttl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingMessage m && destination.equals(m.destination) && Arrays.equals(key, m.key)
                && headers.equals(m.headers) && Arrays.equals(payload, m.payload) && bodyType == m.bodyType
                && Objects.equals(partition, m.partition) && Objects.equals(correlationId, m.correlationId)
                && Objects.equals(replyTo, m.replyTo) && Objects.equals(type, m.type)
                && Objects.equals(priority, m.priority) && Objects.equals(persistent, m.persistent)
                && Objects.equals(timeToLive, m.timeToLive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, headers, bodyType, partition, correlationId, replyTo, type, priority,
                persistent, timeToLive) + 31 * Arrays.hashCode(key) + 17 * Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "OutgoingMessage{" + destination + ", key=" + (key == null ? "null" : Payloads.preview(key, 40))
                + ", headers=" + headers + ", payload=" + Payloads.preview(payload, 120) + "}";
    }
}
