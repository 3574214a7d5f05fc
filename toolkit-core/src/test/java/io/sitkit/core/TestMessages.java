package io.sitkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Test support: messages as a transport would capture them, with capture times on a fixed clock
 * ({@code T0 + millis}) so flows and hop latencies are exact.
 */
public final class TestMessages {
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TestMessages() {
    }

    public static Message kafka(String topic, long offset, String key, String payload, long atMillis, Header... headers) {
        return new Message(Destination.kafka(topic), key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                Headers.of(List.of(headers)), payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), BodyType.BYTES,
                T0.plusMillis(atMillis), T0.plusMillis(atMillis), new KafkaMetadata(0, offset, "CreateTime", -1));
    }

    public static Message jms(String address, String messageId, String correlationId, String payload, long atMillis, Header... headers) {
        return new Message(Destination.parse(address), null, Headers.of(List.of(headers)),
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), BodyType.TEXT, T0.plusMillis(atMillis),
                T0.plusMillis(atMillis), new JmsMetadata(messageId, correlationId, null, null, 4, true, null, false, null));
    }
}
