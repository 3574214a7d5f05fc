package io.sitkit.kafka;

import io.sitkit.core.Destination;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The record-to-message mapping a capture runs for every record, with its times as epoch nanoseconds. */
class KafkaRecordsTest {
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Instant SEEN = Instant.parse("2026-12-07T10:15:30.123456789Z");

    private static ConsumerRecord<byte[], byte[]> record(long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("trace", new byte[]{(byte) 0xff, 1}));
        return new ConsumerRecord<>("orders", 2, 41L, timestamp, TimestampType.CREATE_TIME, 1, 3, "k".getBytes(StandardCharsets.UTF_8),
                "abc".getBytes(StandardCharsets.UTF_8), headers, Optional.of(5));
    }

    @Test
    void aRecordKeepsItsTimestampPositionHeadersAndTheCaptureTimeToTheNanosecond() {
        Message m = KafkaRecords.toMessage(record(1_765_102_530_123L), ORDERS, SEEN);

        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochMilli(1_765_102_530_123L));
        assertThat(m.capturedAt()).isEqualTo(SEEN);
        assertThat(m.metadata()).isEqualTo(new KafkaMetadata(2, 41L, "CreateTime", 5));
        assertThat(m.keyText()).contains("k");
        assertThat(m.payloadText()).contains("abc");
        assertThat(m.headers().asList()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("trace");
            assertThat(h.value()).containsExactly((byte) 0xff, (byte) 1);
        });
    }

    @Test
    void aCapturedRecordEqualsTheSameMessageBuiltWithItsMetadata() {
        // A captured record makes its metadata on access; equality and hashing must not see the difference.
        Message captured = KafkaRecords.toMessage(record(1_765_102_530_123L), ORDERS, SEEN);
        Message built = new Message(ORDERS, "k".getBytes(StandardCharsets.UTF_8), captured.headers(),
                "abc".getBytes(StandardCharsets.UTF_8), io.sitkit.core.BodyType.BYTES, Instant.ofEpochMilli(1_765_102_530_123L),
                SEEN, new KafkaMetadata(2, 41L, "CreateTime", 5));

        assertThat(captured).isEqualTo(built);
        assertThat(built).isEqualTo(captured);
        assertThat(captured.hashCode()).isEqualTo(built.hashCode());
        assertThat(captured.position()).isEqualTo(built.position()).isEqualTo("kafka:orders[2]@41");
        assertThat(captured.kafka()).contains(new KafkaMetadata(2, 41L, "CreateTime", 5));
        assertThat(captured.jms()).isEmpty();
        Message converted = captured.withPayload("{}".getBytes(StandardCharsets.UTF_8), io.sitkit.core.BodyType.BYTES);
        assertThat(converted.metadata()).isEqualTo(captured.metadata());
        assertThat(converted.capturedAt()).isEqualTo(SEEN);
    }

    @Test
    void aCaptureTimePastTheNanosecondRangeIsKeptWhole() {
        // Only a replayed or synthetic capture time is this far out; it must not be refused or rounded.
        Instant far = Instant.parse("+30000-01-01T00:00:00.000000001Z");
        Message m = KafkaRecords.toMessage(record(1_765_102_530_123L), ORDERS, far);

        assertThat(m.capturedAt()).isEqualTo(far);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochMilli(1_765_102_530_123L));
        assertThat(m.metadata()).isEqualTo(new KafkaMetadata(2, 41L, "CreateTime", 5));
    }

    @Test
    void aRecordWithoutATimestampHasNone() {
        Message m = KafkaRecords.toMessage(record(-1), ORDERS, SEEN);

        assertThat(m.timestamp()).isNull();
        assertThat(m.flowTimeNanos()).isEqualTo(m.capturedAtNanos());
    }

    @Test
    void aTimestampPastTheNanosecondRangeIsKeptWhole() {
        // A producer may set any timestamp; one after the year 2262 does not fit in epoch nanoseconds.
        long farMillis = Long.MAX_VALUE / 1_000_000L + 1;
        Message m = KafkaRecords.toMessage(record(farMillis), ORDERS, SEEN);

        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochMilli(farMillis));
        assertThat(m.capturedAt()).isEqualTo(SEEN);
        assertThat(m.flowTimeNanos()).isEqualTo(m.capturedAtNanos());
    }
}
