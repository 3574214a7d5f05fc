package io.sitkit.record;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sitkit.core.Header;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.core.PropertyType;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the header and message objects of the capture format (see {@code docs/capture-format.md}).
 * Absent values (null key, null payload, unset JMS fields) are left out rather than written as null.
 *
 * <p>Thread-safety: stateless; the generator is the caller's.
 */
final class LineEncoder {
    /** Preview length before the size note, so that a preview stays within 200 characters. */
    static final int PREVIEW_CHARS = 180;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private LineEncoder() {
    }

    static void header(JsonGenerator g, CaptureFileHeader header) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", CaptureFileHeader.FORMAT);
        g.writeNumberField("version", header.version());
        if (header.createdAt() != null) {
            g.writeStringField("createdAt", header.createdAt().toString());
        }
        map(g, "annotations", header.annotations(), true);
        g.writeEndObject();
    }

    static void message(JsonGenerator g, Message m, Map<String, String> correlation, Map<String, String> annotations,
                        boolean redacted) throws IOException {
        message(g, m, correlation, annotations, redacted, Origin.OBSERVED, null);
    }

    static void message(JsonGenerator g, Message m, Map<String, String> correlation, Map<String, String> annotations,
                        boolean redacted, Origin origin, Integer schemaId) throws IOException {
        g.writeStartObject();
        g.writeStringField("destination", m.destination().toString());
        byte[] key = m.key();
        if (key != null) {
            g.writeStringField("key", BASE64.encodeToString(key));
            if (isPrintable(key)) {
                g.writeStringField("keyText", Payloads.preview(key, PREVIEW_CHARS));
            }
        }
        if (!m.headers().isEmpty()) {
            g.writeArrayFieldStart("headers");
            for (Header h : m.headers()) {
                header(g, h);
            }
            g.writeEndArray();
        }
        byte[] payload = m.payload();
        if (payload != null) {
            g.writeStringField("payload", BASE64.encodeToString(payload));
            g.writeStringField("preview", Payloads.preview(payload, PREVIEW_CHARS));
            g.writeNumberField("size", payload.length);
        }
        g.writeStringField("bodyType", m.bodyType().name());
        instant(g, "timestamp", m.timestamp());
        instant(g, "capturedAt", m.capturedAt());
        if (m.metadata() instanceof KafkaMetadata k) {
            kafka(g, k);
        } else if (m.metadata() instanceof JmsMetadata j) {
            jms(g, j);
        }
        map(g, "correlation", correlation, false);
        map(g, "annotations", annotations, false);
        if (redacted) {
            g.writeBooleanField("redacted", true);
        }
        if (origin == Origin.INJECTED) {
            g.writeStringField("origin", "injected");
        }
        if (schemaId != null) {
            g.writeNumberField("schemaId", schemaId);
        }
        g.writeEndObject();
    }

    static void note(JsonGenerator g, SessionNote note) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", note.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("at", note.at().toString());
        g.writeStringField("text", note.text());
        map(g, "annotations", note.annotations(), false);
        g.writeEndObject();
    }

    static void schema(JsonGenerator g, RecordedSchema schema) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", "schema");
        g.writeNumberField("id", schema.id());
        if (!schema.subject().isEmpty()) {
            g.writeStringField("subject", schema.subject());
        }
        g.writeStringField("format", schema.format().name());
        g.writeStringField("schema", schema.text());
        g.writeEndObject();
    }

    private static void header(JsonGenerator g, Header h) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", h.name());
        byte[] value = h.value();
        if (value != null) {
            g.writeStringField("value", BASE64.encodeToString(value));
            g.writeStringField("text", Payloads.preview(value, PREVIEW_CHARS));
        }
        if (h.type() != PropertyType.BYTES) {
            g.writeStringField("type", h.type().name());
        }
        g.writeEndObject();
    }

    private static void kafka(JsonGenerator g, KafkaMetadata k) throws IOException {
        g.writeObjectFieldStart("kafka");
        g.writeNumberField("partition", k.partition());
        g.writeNumberField("offset", k.offset());
        if (k.timestampType() != null) {
            g.writeStringField("timestampType", k.timestampType());
        }
        g.writeNumberField("leaderEpoch", k.leaderEpoch());
        g.writeEndObject();
    }

    private static void jms(JsonGenerator g, JmsMetadata j) throws IOException {
        g.writeObjectFieldStart("jms");
        text(g, "messageId", j.messageId());
        text(g, "correlationId", j.correlationId());
        text(g, "replyTo", j.replyTo() == null ? null : j.replyTo().toString());
        text(g, "type", j.type());
        g.writeNumberField("priority", j.priority());
        g.writeBooleanField("persistent", j.persistent());
        instant(g, "expiration", j.expiration());
        g.writeBooleanField("redelivered", j.redelivered());
        text(g, "objectClassName", j.objectClassName());
        g.writeEndObject();
    }

    private static void map(JsonGenerator g, String field, Map<String, String> map, boolean always) throws IOException {
        if (map.isEmpty() && !always) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    /** Printable UTF-8: what {@link Payloads#toText} shows as text rather than hex. */
    private static boolean isPrintable(byte[] bytes) {
        Optional<String> text = Payloads.utf8(bytes);
        return text.isPresent() && text.get().equals(Payloads.toText(bytes));
    }
}
