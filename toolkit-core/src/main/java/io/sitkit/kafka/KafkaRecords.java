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
        long captured = RawBytes.epochNanos(capturedAt);
        if (captured == RawBytes.NO_TIME) {
            // Only a replayed or synthetic capture time is this far out; the message keeps it whole.
            return RawBytes.ownedMessage(destination, r.key(), headers(r), r.value(), BodyType.BYTES,
                    r.timestamp() < 0 ? null : Instant.ofEpochMilli(r.timestamp()), capturedAt, metadata(r));
        }
        return toMessage(r, destination, captured);
    }

    /**
     * A capture's form: the capture time as epoch nanoseconds, shared by all records of one poll, so no
     * {@code Instant} is made per record.
     */
    static Message toMessage(ConsumerRecord<byte[], byte[]> r, Destination destination, long capturedAtNanos) {
        long millis = r.timestamp();
        // The deserializer allocated key and value for this record alone: the message takes them over.
        if (millis > RawBytes.MAX_NANOS_MILLIS) {
            // A producer may set any timestamp; one past 2262 keeps its Instant whole.
            return RawBytes.ownedMessage(destination, r.key(), headers(r), r.value(), BodyType.BYTES,
                    Instant.ofEpochMilli(millis), RawBytes.instant(capturedAtNanos), metadata(r));
        }
        return RawBytes.ownedKafkaRecord(destination, r.key(), headers(r), r.value(),
                millis < 0 ? RawBytes.NO_TIME : millis * 1_000_000L, capturedAtNanos, r.partition(), r.offset(),
                r.timestampType().toString(), r.leaderEpoch().orElse(-1));
    }

    private static Headers headers(ConsumerRecord<byte[], byte[]> r) {
        org.apache.kafka.common.header.Header[] raw = r.headers().toArray();
        if (raw.length == 0) {
            return Headers.empty();
        }
        List<Header> list = new ArrayList<>(raw.length);
        for (org.apache.kafka.common.header.Header h : raw) {
            list.add(Header.of(h.key(), h.value()));
        }
        return Headers.of(list);
    }

    private static KafkaMetadata metadata(ConsumerRecord<byte[], byte[]> r) {
        return new KafkaMetadata(r.partition(), r.offset(), r.timestampType().toString(), r.leaderEpoch().orElse(-1));
    }
}
