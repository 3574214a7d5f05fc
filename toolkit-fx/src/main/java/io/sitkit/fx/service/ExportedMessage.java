package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Payloads;
import io.sitkit.core.PropertyType;
import io.sitkit.redact.Redactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One message as the JSON and CSV exports write it, and back as a message to send. Readable where
 * it can be (the key and header values as text, the payload as its decoded JSON, Avro JSON view or
 * text) and lossless through base64 ({@code keyBase64} for a binary key, {@code valueBase64} for a
 * binary header value, {@code payloadBase64} always). Everything written is redacted first.
 *
 * <p>Thread-safety: stateless.
 */
final class ExportedMessage {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private ExportedMessage() {
    }

    /** The row as a JSON object, its message masked by {@code redactor} (the decoded view too). */
    static ObjectNode toJson(MessageRow row, Redactor redactor) {
        Message m = redactor.message(row.message());
        ObjectNode o = JSON.createObjectNode();
        o.put("destination", m.destination().toString());
        m.kafka().ifPresent(k -> o.put("partition", k.partition()).put("offset", k.offset()));
        m.jms().ifPresent(j -> {
            putIf(o, "messageId", j.messageId());
            putIf(o, "correlationId", j.correlationId());
            putIf(o, "jmsType", j.type());
            o.put("priority", j.priority()).put("persistent", j.persistent());
        });
        if (m.timestamp() != null) {
            o.put("timestamp", m.timestamp().toString());
        }
        putBytes(o, "key", m.key());
        ArrayNode headers = o.putArray("headers");
        for (Header h : m.headers()) {
            ObjectNode e = headers.addObject().put("name", h.name());
            putBytes(e, "value", h.value());
            if (h.type() != PropertyType.BYTES) {
                e.put("type", h.type().name());
            }
        }
        o.put("bodyType", m.bodyType().name());
        DecodedPayload d = row.decoded();
        o.put("format", d.format().name());
        if (d.tree() != null && !d.truncated()) {
            byte[] masked = redactor.payload(d.tree().toString().getBytes(StandardCharsets.UTF_8));
            try {
                o.set("payload", JSON.readTree(masked));
            } catch (IOException e) {
                o.put("payload", new String(masked, StandardCharsets.UTF_8));
            }
        } else if (d.format() == DecodedPayload.Format.TEXT && !d.truncated()) {
            o.put("payload", redactor.text(d.text()));
        }
        if (m.payload() != null) {
            o.put("payloadBase64", B64.encodeToString(m.payload()));
        }
        return o;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    /** {@code field} as text when the bytes are printable UTF-8, else {@code fieldBase64}; nothing for null. */
    private static void putBytes(ObjectNode o, String field, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        Optional<String> text = Payloads.utf8(bytes).filter(ExportedMessage::printable);
        if (text.isPresent()) {
            o.put(field, text.get());
        } else {
            o.put(field + "Base64", B64.encodeToString(bytes));
        }
    }

    private static boolean printable(String s) {
        return s.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static byte[] bytes(JsonNode o, String field) {
        if (o.hasNonNull(field + "Base64")) {
            return B64D.decode(o.get(field + "Base64").asText());
        }
        return o.hasNonNull(field) ? o.get(field).asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    /**
     * An exported message as one to send to {@code into} (its own destination when null): key,
     * headers, payload, body type and JMS correlation id, type, priority and delivery mode.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    static OutgoingMessage fromJson(JsonNode o, Destination into) {
        Destination to = into != null ? into : Destination.parse(text(o, "destination"));
        List<Header> headers = new ArrayList<>();
        for (JsonNode h : o.path("headers")) {
            String type = h.path("type").asText("BYTES");
            headers.add(new Header(text(h, "name"), bytes(h, "value"), PropertyType.valueOf(type.toUpperCase(Locale.ROOT))));
        }
        byte[] payload = o.hasNonNull("payloadBase64") ? B64D.decode(o.get("payloadBase64").asText())
                : !o.has("payload") || o.get("payload").isNull() ? null
                : o.get("payload").isTextual() ? o.get("payload").asText().getBytes(StandardCharsets.UTF_8)
                : o.get("payload").toString().getBytes(StandardCharsets.UTF_8);
        BodyType body = BodyType.valueOf(o.path("bodyType").asText("BYTES"));
        return outgoing(to, bytes(o, "key"), Headers.of(headers), payload, body, o.hasNonNull("correlationId") ? o.get("correlationId").asText() : null,
                o.hasNonNull("jmsType") ? o.get("jmsType").asText() : null,
                o.hasNonNull("priority") ? o.get("priority").asInt() : null,
                o.hasNonNull("persistent") ? o.get("persistent").asBoolean() : null);
    }

    /** A captured message as one to send to {@code into} (its own destination when null). */
    static OutgoingMessage fromMessage(Message m, Destination into) {
        Optional<JmsMetadata> j = m.jms();
        return outgoing(into != null ? into : m.destination(), m.key(), m.headers(), m.payload(), m.bodyType(),
                j.map(JmsMetadata::correlationId).orElse(null), j.map(JmsMetadata::type).orElse(null),
                j.map(JmsMetadata::priority).orElse(null), j.map(JmsMetadata::persistent).orElse(null));
    }

    private static OutgoingMessage outgoing(Destination to, byte[] key, Headers headers, byte[] payload, BodyType body,
                                            String correlationId, String type, Integer priority, Boolean persistent) {
        if (body == BodyType.OBJECT) {
            throw new IllegalArgumentException("a JMS ObjectMessage is never deserialized, so it cannot be sent again");
        }
        List<Header> kept = new ArrayList<>();
        for (Header h : headers) {
            // JMSX properties are set by the provider; only the group ones may be sent
            if (!h.name().startsWith("JMSX") || h.name().equals("JMSXGroupID") || h.name().equals("JMSXGroupSeq")) {
                kept.add(h);
            }
        }
        // a MapMessage or StreamMessage arrives as its JSON rendering: it goes out as that text
        BodyType out = body == BodyType.TEXT || body == BodyType.MAP || body == BodyType.STREAM ? BodyType.TEXT : BodyType.BYTES;
        boolean jms = to.isJms();
        return new OutgoingMessage(to, key, Headers.of(kept), payload, out, null, jms ? correlationId : null, null,
                jms ? type : null, jms ? priority : null, jms ? persistent : null, null);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v.asText();
    }
}
