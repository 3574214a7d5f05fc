package io.sitkit.junit.assertions;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Messages built by hand for the assertion tests. */
final class TestMessages {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private TestMessages() {
    }

    static Message kafka(String topic, String key, String payload, Header... headers) {
        return kafka(topic, 7, key, payload, 0, headers);
    }

    /** A Kafka record at {@code offset}, stamped {@code millis} after {@link #T0}. */
    static Message kafka(String topic, long offset, String key, String payload, long millis, Header... headers) {
        Instant at = T0.plusMillis(millis);
        return new Message(Destination.kafka(topic), bytes(key), Headers.of(headers), bytes(payload), BodyType.BYTES,
                at, at, new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    static Message kafkaBytes(String topic, byte[] payload) {
        return new Message(Destination.kafka(topic), null, Headers.empty(), payload, BodyType.BYTES, T0, T0,
                new KafkaMetadata(0, 3, "CreateTime", 0));
    }

    /** A JMS text message on a queue, stamped {@code millis} after {@link #T0}. */
    static Message jms(String queue, String id, String correlationId, String payload, long millis, Header... headers) {
        Instant at = T0.plusMillis(millis);
        return new Message(Destination.jmsQueue(queue), null, Headers.of(headers), bytes(payload), BodyType.TEXT, at, at,
                new JmsMetadata(id, correlationId, null, null, 4, true, null, false, null));
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
