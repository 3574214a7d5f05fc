package io.sitkit.kafka;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.internal.RawBytes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps Kafka records onto the core model and back. Stateless. */
final class KafkaRecords {
    private KafkaRecords() {
    }

    static ProducerRecord<byte[], byte[]> toRecord(OutgoingMessage m) {
        reject(m.correlationId() != null, "a JMS correlation id", m);
        reject(m.replyTo() != null, "a JMS reply-to", m);
        reject(m.type() != null, "a JMS type", m);
        reject(m.priority() != null, "a JMS priority", m);
        reject(m.persistent() != null, "a JMS delivery mode", m);
        reject(m.timeToLive() != null, "a JMS time-to-live", m);
        RecordHeaders headers = null;
        if (!m.headers().isEmpty()) {
            headers = new RecordHeaders();
            for (Header h : m.headers()) {
                headers.add(new RecordHeader(h.name(), RawBytes.value(h)));
            }
        }
        // The producer only reads these arrays, so the immutable message's own arrays are handed over without copies.
        return new ProducerRecord<>(m.destination().name(), m.partition(), null, RawBytes.key(m), RawBytes.payload(m), headers);
    }

    private static void reject(boolean present, String what, OutgoingMessage m) {
        if (present) {
            throw new IllegalArgumentException("message for " + m.destination() + " carries " + what
                    + ", which Kafka has no place for; put it in a header instead");
        }
    }

    static Message toMessage(ConsumerRecord<byte[], byte[]> r, Destination destination, Instant capturedAt) {
        return toMessage(r, destination, capturedAt, r.timestamp() < 0 ? null : Instant.ofEpochMilli(r.timestamp()));
    }

    /**
     * Records of one batch mostly share their millisecond, so a capture passes the previous
     * record's {@code Instant} when it is equal instead of allocating one per record.
     */
    static Message toMessage(ConsumerRecord<byte[], byte[]> r, Destination destination, Instant capturedAt, Instant ts) {
        org.apache.kafka.common.header.Header[] raw = r.headers().toArray();
        Headers headers = Headers.empty();
        if (raw.length > 0) {
            List<Header> list = new ArrayList<>(raw.length);
            for (org.apache.kafka.common.header.Header h : raw) {
                list.add(Header.of(h.key(), h.value()));
            }
            headers = Headers.of(list);
        }
        // The deserializer allocated key and value for this record alone: the message takes them over.
        return RawBytes.ownedMessage(destination, r.key(), headers, r.value(), BodyType.BYTES, ts, capturedAt,
                new KafkaMetadata(r.partition(), r.offset(), r.timestampType().toString(), r.leaderEpoch().orElse(-1)));
    }
}
