package io.sitkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A message seen on a destination: captured, browsed or received. One model for both transports.
 *
 * <p>Two clocks are kept. {@link #timestamp()} is the message's own time (Kafka CreateTime or
 * LogAppendTime — see {@link KafkaMetadata#timestampType()} — or {@code JMSTimestamp}).
 * {@link #capturedAt()} is when sitkit's capture saw it, on this JVM's clock. Flows and hop
 * latencies use {@link #flowTimeNanos()}: the message's own timestamp, but never later than its
 * capture time — a capture can see a message after its downstream effects (one Kafka poll
 * returning later than the service that reacted to the same record), so capture time alone
 * could put an effect before its cause, while the clamp keeps a producer whose clock runs ahead
 * from pushing a message into the future.
 *
 * <p>Text and JSON views ({@link #payloadText()}, {@link #payloadJson()}) are derived on demand,
 * never stored twice.
 *
 * <pre>{@code
 * Message m = capture.messages().get(0);
 * String orderId = m.payloadJson().get("orderId").asText();
 * }</pre>
 *
 * <p>Thread-safety: immutable; byte arrays are copied in and out. (A class rather than a record
 * only so that transports can hand over freshly read arrays without a second copy; sealed, with one
 * private subclass that holds a captured Kafka record's position without a metadata object.)
 */
public sealed class Message {

    /** Jackson is loaded on the first JSON view, not with the first message (it costs start-up time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static {
        io.sitkit.core.internal.RawBytes.installMessageFactory(new io.sitkit.core.internal.RawBytes.MessageFactory() {
            @Override
            public Message create(Destination d, byte[] k, Headers h, byte[] p, BodyType b, Instant t, Instant c,
                                  TransportMetadata m) {
                return new Message(d, k, h, p, b, t, c, m, true);
            }

            @Override
            public Message createAtNanos(Destination d, byte[] k, Headers h, byte[] p, BodyType b, long t, long c,
                                         TransportMetadata m) {
                return new Message(d, k, h, p, b, t, c, Objects.requireNonNull(m, "metadata"));
            }

            @Override
            public Message createKafkaRecord(Destination d, byte[] k, Headers h, byte[] p, long t, long c,
                                             int partition, long offset, String timestampType, int leaderEpoch) {
                return new KafkaRecord(d, k, h, p, t, c, partition, offset, timestampType, leaderEpoch);
            }

            @Override
            public byte[] key(Message m) {
                return m.key;
            }

            @Override
            public byte[] payload(Message m) {
                return m.payload;
            }
        });
    }

    private final Destination destination;
    private final byte[] key;
    private final Headers headers;
    private final byte[] payload;
    private final BodyType bodyType;
    /** Epoch nanoseconds, or {@link #NO_TIME}; times stay primitive because a capture holds millions of messages. */
    private final long timestampNanos;
    /**
     * Null, except when a time does not fit in epoch nanoseconds (before 1677 or after 2262, only in
     * replayed or synthetic data): then {@code [timestamp, capturedAt]} whole. One field for both keeps
     * the common message small.
     */
    private final Instant[] far;
    private final long capturedAtNanos;
    private static final long NO_TIME = Long.MIN_VALUE;
    private final TransportMetadata metadata;

    /**
     * @param destination where it was seen
     * @param key         the Kafka key, or for JMS the {@code JMSXGroupID} as UTF-8; may be null (copied)
     * @param headers     headers (Kafka) or properties (JMS), in order
     * @param payload     the body bytes; null for a Kafka tombstone or a body-less JMS message (copied)
     * @param bodyType    what the body was (see {@link BodyType})
     * @param timestamp   the message's own timestamp; may be null when the broker gave none
     * @param capturedAt  when sitkit saw it
     * @param metadata    Kafka partition/offset or JMS header fields
     */
    public Message(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                   Instant timestamp, Instant capturedAt, TransportMetadata metadata) {
        this(destination, key == null ? null : key.clone(), headers, payload == null ? null : payload.clone(), bodyType,
                timestamp, capturedAt, metadata, true);
    }

    /** Takes the arrays over without copying: only for arrays nobody else holds. */
    private Message(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                    Instant timestamp, Instant capturedAt, TransportMetadata metadata, boolean owned) {
        this.destination = Objects.requireNonNull(destination, "destination");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(capturedAt, "capturedAt");
        long captured = nanos(capturedAt);
        // Out of the nanosecond range: kept whole in far, ordered at the range's ends.
        this.capturedAtNanos = captured != NO_TIME ? captured : capturedAt.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        if (destination.isKafka() != (metadata instanceof KafkaMetadata)) {
            throw new IllegalArgumentException("metadata " + metadata.getClass().getSimpleName()
                    + " does not fit destination " + destination);
        }
        this.key = key;
        this.payload = payload;
        long ts = timestamp == null ? NO_TIME : nanos(timestamp);
        this.timestampNanos = ts;
        this.far = timestamp != null && ts == NO_TIME || captured == NO_TIME ? new Instant[]{timestamp, capturedAt} : null;
    }

    /**
     * Takes the arrays over without copying, with both times as epoch nanoseconds in range
     * ({@code timestampNanos} may be {@link #NO_TIME}): a capture's path, which makes no {@code Instant}.
     * {@code metadata} is null only for a {@link KafkaRecord}, which makes its own.
     */
    private Message(Destination destination, byte[] key, Headers headers, byte[] payload, BodyType bodyType,
                    long timestampNanos, long capturedAtNanos, TransportMetadata metadata) {
        this.destination = Objects.requireNonNull(destination, "destination");
        boolean kafka = metadata == null ? this instanceof KafkaRecord : metadata instanceof KafkaMetadata;
        if (destination.isKafka() != kafka) {
            throw new IllegalArgumentException((metadata == null ? "a Kafka record" : "metadata "
                    + metadata.getClass().getSimpleName()) + " does not fit destination " + destination);
        }
        if (capturedAtNanos == NO_TIME) {
            throw new IllegalArgumentException("capture time out of the nanosecond range");
        }
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
        this.metadata = metadata;
        this.key = key;
        this.payload = payload;
        this.timestampNanos = timestampNanos;
        this.capturedAtNanos = capturedAtNanos;
        this.far = null;
    }

    /**
     * A captured Kafka record. Its position is kept in primitive fields and its {@link KafkaMetadata}
     * made when asked for: a capture of a million small records then holds one object per record
     * besides the arrays, instead of two, which the young collections of a busy capture feel.
     */
    private static final class KafkaRecord extends Message {
        private final long offset;
        private final int partition;
        private final int leaderEpoch;
        private final String timestampType;

        KafkaRecord(Destination destination, byte[] key, Headers headers, byte[] payload, long timestampNanos,
                    long capturedAtNanos, int partition, long offset, String timestampType, int leaderEpoch) {
            super(destination, key, headers, payload, BodyType.BYTES, timestampNanos, capturedAtNanos, null);
            // Checked now, as KafkaMetadata's own constructor would, so that metadata() cannot fail later.
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("partition and offset must be >= 0: " + partition + ", " + offset);
            }
            this.partition = partition;
            this.offset = offset;
            this.timestampType = timestampType;
            this.leaderEpoch = leaderEpoch;
        }

        @Override
        public TransportMetadata metadata() {
            return new KafkaMetadata(partition, offset, timestampType, leaderEpoch);
        }

        @Override
        public String position() {
            return destination() + "[" + partition + "]@" + offset;
        }
    }

    /**
     * The same message with another payload, e.g. the JSON view of an Avro body, so payload
     * matchers can read it. Everything else (position, times, headers) is kept.
     */
    public Message withPayload(byte[] newPayload, BodyType newBodyType) {
        return new Message(destination, key, headers, newPayload == null ? null : newPayload.clone(), newBodyType,
                timestamp(), capturedAt(), metadata(), true);
    }

    /** Where it was seen. */
    public Destination destination() {
        return destination;
    }

    /** The key (a copy), or null. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** Headers or JMS properties, in order. */
    public Headers headers() {
        return headers;
    }

    /** The payload (a copy), or null. */
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /** What the body was. */
    public BodyType bodyType() {
        return bodyType;
    }

    /** Epoch nanoseconds of {@code t}, or {@link #NO_TIME} when they do not fit in a long. */
    private static long nanos(Instant t) {
        return io.sitkit.core.internal.RawBytes.epochNanos(t);
    }

    private static Instant instant(long nanos) {
        return io.sitkit.core.internal.RawBytes.instant(nanos);
    }

    /** The message's own timestamp, or null. */
    public Instant timestamp() {
        return far != null ? far[0] : timestampNanos == NO_TIME ? null : instant(timestampNanos);
    }

    /** When sitkit's capture saw it. */
    public Instant capturedAt() {
        return far != null ? far[1] : instant(capturedAtNanos);
    }

    /**
     * The time flows order this message by, as epoch nanoseconds: its own timestamp when it has
     * one no later than {@link #capturedAt()}, else its capture time.
     */
    public long flowTimeNanos() {
        return timestampNanos != NO_TIME && timestampNanos < capturedAtNanos ? timestampNanos : capturedAtNanos;
    }

    /** {@link #capturedAt()} as epoch nanoseconds, without creating an {@code Instant}: for ordering many messages. */
    public long capturedAtNanos() {
        return capturedAtNanos;
    }

    /** Kafka or JMS metadata (of a captured Kafka record, made on each call: compare it with equals). */
    public TransportMetadata metadata() {
        return metadata;
    }

    /** Payload size in bytes without copying; -1 for a null payload. */
    public int payloadSize() {
        return payload == null ? -1 : payload.length;
    }

    /** Key size in bytes without copying; 0 for a null key. */
    public int keySize() {
        return key == null ? 0 : key.length;
    }

    /** The payload as a stream over the held bytes, without a copy; empty for a null payload. */
    public java.io.InputStream payloadStream() {
        return new java.io.ByteArrayInputStream(payload == null ? new byte[0] : payload);
    }

    /** The key as text (see {@link Payloads#toText}), or empty for a null key. */
    public Optional<String> keyText() {
        return key == null ? Optional.empty() : Optional.of(Payloads.toText(key));
    }

    /** The payload decoded as strict UTF-8; empty for null or non-UTF-8 payloads. */
    public Optional<String> payloadText() {
        return Payloads.utf8(payload);
    }

    /**
     * The payload parsed as JSON.
     *
     * @throws SitkitException naming the destination, position and the first bytes when it is not JSON
     */
    public JsonNode payloadJson() {
        if (payload == null) {
            throw new SitkitException("message at " + position() + " has no payload (tombstone or empty body); cannot read it as JSON");
        }
        try {
            return Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new SitkitException("payload of message at " + position() + " is not JSON ("
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "): " + Payloads.preview(payload, 120), e);
        }
    }

    /** Kafka metadata, when this is a Kafka record. */
    public Optional<KafkaMetadata> kafka() {
        return metadata() instanceof KafkaMetadata k ? Optional.of(k) : Optional.empty();
    }

    /** JMS metadata, when this is a JMS message. */
    public Optional<JmsMetadata> jms() {
        return metadata() instanceof JmsMetadata j ? Optional.of(j) : Optional.empty();
    }

    /** Where the message sits, for messages: {@code kafka:orders[2]@17} or {@code jms:queue:q id=ID:…}. */
    public String position() {
        if (metadata() instanceof KafkaMetadata k) {
            return destination + "[" + k.partition() + "]@" + k.offset();
        }
        JmsMetadata j = (JmsMetadata) metadata();
        return destination + " id=" + j.messageId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && destination.equals(m.destination) && Arrays.equals(key, m.key)
                && headers.equals(m.headers) && Arrays.equals(payload, m.payload) && bodyType == m.bodyType
                && timestampNanos == m.timestampNanos && capturedAtNanos == m.capturedAtNanos
                && Arrays.equals(far, m.far)
                && metadata().equals(m.metadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, headers, bodyType, timestampNanos, capturedAtNanos, metadata()) + Arrays.hashCode(far)
                + 31 * Arrays.hashCode(key) + 17 * Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Message{" + position() + ", key=" + (key == null ? "null" : Payloads.preview(key, 40))
                + ", headers=" + headers + ", payload=" + Payloads.preview(payload, 120) + "}";
    }
}
