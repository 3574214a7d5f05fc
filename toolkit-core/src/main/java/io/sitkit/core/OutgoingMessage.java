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
 * <p>Key and payload arrays are copied once on the way in (a factory, a {@code withKey}/{@code withPayload},
 * the constructor) and on the way out (the accessors), never between: a {@code withX} shares the arrays
 * of the message it starts from, so {@code text(…).withKey(…).withHeader(…)} makes its payload bytes once.
 *
 * <p>Thread-safety: immutable.
 */
public final class OutgoingMessage {

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

            @Override
            public OutgoingMessage owned(Destination destination, byte[] key, Headers headers, byte[] payload,
                                         BodyType bodyType, String correlationId, Destination replyTo, String type,
                                         Integer priority, Boolean persistent, Duration timeToLive) {
                return new OutgoingMessage(destination, key, headers, payload, bodyType, null,
                        JmsFields.of(correlationId, replyTo, type, priority, persistent, timeToLive));
            }
        });
    }

    private final Destination destination;
    /** Owned: never handed out without a copy. */
    private final byte[] key;
    private final Headers headers;
    /** Owned: never handed out without a copy. */
    private final byte[] payload;
    private final BodyType bodyType;
    private final Integer partition;
    /** The JMS-only fields; {@link JmsFields#NONE}, shared, when none is set (every Kafka message): a smaller object per message. */
    private final JmsFields jms;

    /**
     * A message from all its fields; {@code key} and {@code payload} are copied, so the caller may
     * reuse its arrays. The factories ({@link #bytes}, {@link #text}) and the {@code withX} methods
     * are the usual way in.
     *
     * @throws NullPointerException     if destination, headers or bodyType is null
     * @throws IllegalArgumentException for a body type other than TEXT or BYTES, a negative partition,
     *                                  a priority outside 0–9, or a time-to-live that is not positive
     */
    public OutgoingMessage(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                           Integer partition, String correlationId, Destination replyTo, String type,
                           Integer priority, Boolean persistent, Duration timeToLive) {
        // Checked first, so a missing destination is reported before any JMS field is looked at.
        this(validated(destination, headers, bodyType, partition), key == null ? null : key.clone(), headers,
                payload == null ? null : payload.clone(), bodyType, partition,
                JmsFields.of(correlationId, replyTo, type, priority, persistent, timeToLive));
    }

    /** Takes {@code key} and {@code payload} as they are: only for arrays nobody else can change. */
    private OutgoingMessage(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                            Integer partition, JmsFields jms) {
        this.destination = validated(destination, headers, bodyType, partition);
        this.key = key;
        this.headers = headers;
        this.payload = payload;
        this.bodyType = bodyType;
        this.partition = partition;
        this.jms = jms;
    }

    private static Destination validated(Destination destination, Headers headers, BodyType bodyType, Integer partition) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodyType, "bodyType");
        if (bodyType != BodyType.TEXT && bodyType != BodyType.BYTES) {
            throw new IllegalArgumentException("only TEXT and BYTES bodies can be published, not " + bodyType);
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0: " + partition);
        }
        return destination;
    }

    /** The JMS-only fields of a message; {@link #of} gives the shared {@link #NONE} when none is set. */
    private record JmsFields(String correlationId, Destination replyTo, String type, Integer priority,
                             Boolean persistent, Duration timeToLive) {
        static final JmsFields NONE = new JmsFields(null, null, null, null, null, null);

        JmsFields {
            if (priority != null && (priority < 0 || priority > 9)) {
                throw new IllegalArgumentException("JMS priority must be 0-9: " + priority);
            }
            if (timeToLive != null && (timeToLive.isNegative() || timeToLive.isZero())) {
                throw new IllegalArgumentException("time-to-live must be positive: " + timeToLive);
            }
        }

        static JmsFields of(String correlationId, Destination replyTo, String type, Integer priority,
                            Boolean persistent, Duration timeToLive) {
            return correlationId == null && replyTo == null && type == null && priority == null && persistent == null
                    && timeToLive == null ? NONE : new JmsFields(correlationId, replyTo, type, priority, persistent, timeToLive);
        }
    }

    /** A message with raw bytes (a Kafka record, or a JMS BytesMessage). */
    public static OutgoingMessage bytes(Destination destination, byte[] payload) {
        return new OutgoingMessage(destination, null, Headers.empty(), payload == null ? null : payload.clone(),
                BodyType.BYTES, null, JmsFields.NONE);
    }

    /** @see #bytes(Destination, byte[]) */
    public static OutgoingMessage bytes(String address, byte[] payload) {
        return bytes(Destination.parse(address), payload);
    }

    /** A message with UTF-8 text (a Kafka record, or a JMS TextMessage). */
    public static OutgoingMessage text(Destination destination, String text) {
        return new OutgoingMessage(destination, null, Headers.empty(),
                text == null ? null : text.getBytes(StandardCharsets.UTF_8), BodyType.TEXT, null, JmsFields.NONE);
    }

    /** @see #text(Destination, String) */
    public static OutgoingMessage text(String address, String text) {
        return text(Destination.parse(address), text);
    }

    /** A Kafka tombstone: a key and a null value. */
    public static OutgoingMessage tombstone(Destination destination, String key) {
        return bytes(destination, null).withKey(key);
    }

    /** Where to send. */
    public Destination destination() {
        return destination;
    }

    /** The Kafka key (a copy); for JMS it is sent as {@code JMSXGroupID}. May be null. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** Kafka headers / JMS properties. */
    public Headers headers() {
        return headers;
    }

    /** The body (a copy); null makes a Kafka tombstone or a body-less JMS message. */
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /** {@link BodyType#TEXT} sends a JMS TextMessage, {@link BodyType#BYTES} a BytesMessage. */
    public BodyType bodyType() {
        return bodyType;
    }

    /** The Kafka partition, or null to let the partitioner choose. */
    public Integer partition() {
        return partition;
    }

    /** The JMS correlation id, or null. */
    public String correlationId() {
        return jms.correlationId();
    }

    /** The JMS reply-to destination, or null. */
    public Destination replyTo() {
        return jms.replyTo();
    }

    /** The JMS type, or null. */
    public String type() {
        return jms.type();
    }

    /** The JMS priority 0–9, or null for the provider default. */
    public Integer priority() {
        return jms.priority();
    }

    /** The JMS delivery mode, or null for the provider default (persistent). */
    public Boolean persistent() {
        return jms.persistent();
    }

    /** The JMS time-to-live, or null for never expiring. */
    public Duration timeToLive() {
        return jms.timeToLive();
    }

    public OutgoingMessage withDestination(Destination d) {
        return new OutgoingMessage(d, key, headers, payload, bodyType, partition, jms);
    }

    /** The same message with another body (copied). */
    public OutgoingMessage withPayload(byte[] p) {
        return new OutgoingMessage(destination, key, headers, p == null ? null : p.clone(), bodyType, partition, jms);
    }

    public OutgoingMessage withKey(byte[] k) {
        return new OutgoingMessage(destination, k == null ? null : k.clone(), headers, payload, bodyType, partition, jms);
    }

    public OutgoingMessage withKey(String k) {
        return new OutgoingMessage(destination, k == null ? null : k.getBytes(StandardCharsets.UTF_8), headers, payload,
                bodyType, partition, jms);
    }

    public OutgoingMessage withHeaders(Headers h) {
        return new OutgoingMessage(destination, key, h, payload, bodyType, partition, jms);
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
        return new OutgoingMessage(destination, key, headers, payload, bodyType, p, jms);
    }

    public OutgoingMessage withCorrelationId(String c) {
        return withJms(c, replyTo(), type(), priority(), persistent(), timeToLive());
    }

    public OutgoingMessage withReplyTo(Destination r) {
        return withJms(correlationId(), r, type(), priority(), persistent(), timeToLive());
    }

    public OutgoingMessage withReplyTo(String address) {
        return withReplyTo(Destination.parse(address));
    }

    public OutgoingMessage withType(String t) {
        return withJms(correlationId(), replyTo(), t, priority(), persistent(), timeToLive());
    }

    public OutgoingMessage withPriority(int p) {
        return withJms(correlationId(), replyTo(), type(), p, persistent(), timeToLive());
    }

    public OutgoingMessage withPersistent(boolean p) {
        return withJms(correlationId(), replyTo(), type(), priority(), p, timeToLive());
    }

    public OutgoingMessage withTimeToLive(Duration ttl) {
        return withJms(correlationId(), replyTo(), type(), priority(), persistent(), ttl);
    }

    private OutgoingMessage withJms(String correlationId, Destination replyTo, String type, Integer priority,
                                    Boolean persistent, Duration timeToLive) {
        return new OutgoingMessage(destination, key, headers, payload, bodyType, partition,
                JmsFields.of(correlationId, replyTo, type, priority, persistent, timeToLive));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingMessage m && destination.equals(m.destination) && Arrays.equals(key, m.key)
                && headers.equals(m.headers) && Arrays.equals(payload, m.payload) && bodyType == m.bodyType
                && Objects.equals(partition, m.partition) && jms.equals(m.jms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, headers, bodyType, partition, correlationId(), replyTo(), type(), priority(),
                persistent(), timeToLive()) + 31 * Arrays.hashCode(key) + 17 * Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "OutgoingMessage{" + destination + ", key=" + (key == null ? "null" : Payloads.preview(key, 40))
                + ", headers=" + headers + ", payload=" + Payloads.preview(payload, 120) + "}";
    }
}
