package io.sitkit.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.PropertyType;
import io.sitkit.core.TransportMetadata;
import io.sitkit.schema.SchemaFormat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads header and message objects of the capture format. Unknown fields are ignored (forward
 * compatible); a known field with the wrong type, or a missing required one, is a
 * {@link BadLine} naming the field.
 *
 * <p>Thread-safety: stateless.
 */
final class LineDecoder {
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /** What is wrong with a line, without the file and line number (the reader adds them). */
    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String problem) {
            super(problem, null, false, false);
        }
    }

    private LineDecoder() {
    }

    static CaptureFileHeader header(JsonNode line) {
        String format = text(line, "format", "format", true);
        if (!CaptureFileHeader.FORMAT.equals(format)) {
            throw new BadLine("not a sitkit capture file (format '" + format + "', expected '"
                    + CaptureFileHeader.FORMAT + "')");
        }
        JsonNode version = line.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new BadLine("field 'version' must be a whole number, was " + describe(version));
        }
        return new CaptureFileHeader(version.intValue(), instant(line, "createdAt", "createdAt", false),
                stringMap(line, "annotations"));
    }

    /** A message, note or schema line; null for a line of a kind this reader does not know. */
    static CaptureItem item(JsonNode line) {
        String kind = text(line, "kind", "kind", false);
        if (kind == null || kind.equals("message")) {
            return message(line);
        }
        return switch (kind) {
            case "note" -> note(line, SessionNote.Kind.NOTE);
            case "finding" -> note(line, SessionNote.Kind.FINDING);
            case "problem" -> note(line, SessionNote.Kind.PROBLEM);
            case "schema" -> schema(line);
            default -> null;
        };
    }

    private static SessionNote note(JsonNode line, SessionNote.Kind kind) {
        String text = text(line, "text", "text", true);
        if (text.isBlank()) {
            throw new BadLine("field 'text' of a " + kind.name().toLowerCase(Locale.ROOT) + " is blank");
        }
        return new SessionNote(instant(line, "at", "at", true), kind, text, stringMap(line, "annotations"));
    }

    private static RecordedSchema schema(JsonNode line) {
        int id = (int) number(line, "id", "id", true);
        if (id < 0) {
            throw new BadLine("field 'id' must be >= 0, was " + id);
        }
        String format = text(line, "format", "format", true);
        SchemaFormat parsed;
        try {
            parsed = SchemaFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadLine("field 'format' has the unknown value '" + format + "'; known: AVRO, JSON_SCHEMA");
        }
        String schema = text(line, "schema", "schema", true);
        if (schema.isBlank()) {
            throw new BadLine("field 'schema' is blank");
        }
        String subject = text(line, "subject", "subject", false);
        return new RecordedSchema(id, subject == null ? "" : subject, parsed, schema);
    }

    static CaptureFileReader.Entry message(JsonNode line) {
        Destination destination = Destination.parse(text(line, "destination", "destination", true));
        List<Header> headers = new ArrayList<>();
        JsonNode list = line.get("headers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new BadLine("field 'headers' must be an array, was " + describe(list));
            }
            for (int i = 0; i < list.size(); i++) {
                headers.add(header(list.get(i), "headers[" + i + "]"));
            }
        }
        TransportMetadata metadata = destination.isKafka() ? kafka(object(line, "kafka")) : jms(object(line, "jms"));
        Message message = new Message(destination, bytes(line, "key"), Headers.of(headers), bytes(line, "payload"),
                enumValue(BodyType.class, text(line, "bodyType", "bodyType", true), "bodyType"),
                instant(line, "timestamp", "timestamp", false), instant(line, "capturedAt", "capturedAt", true), metadata);
        JsonNode redacted = line.get("redacted");
        if (redacted != null && !redacted.isBoolean() && !redacted.isNull()) {
            throw new BadLine("field 'redacted' must be true or false, was " + describe(redacted));
        }
        String origin = text(line, "origin", "origin", false);
        JsonNode schemaId = line.get("schemaId");
        Integer id = null;
        if (schemaId != null && !schemaId.isNull()) {
            long n = number(line, "schemaId", "schemaId", true);
            if (n < 0) {
                throw new BadLine("field 'schemaId' must be >= 0, was " + n);
            }
            id = (int) n;
        }
        return new CaptureFileReader.Entry(message, stringMap(line, "correlation"), stringMap(line, "annotations"),
                redacted != null && redacted.asBoolean(),
                origin == null ? Origin.OBSERVED : enumValue(Origin.class, origin, "origin"), id);
    }

    private static Header header(JsonNode h, String where) {
        if (!h.isObject()) {
            throw new BadLine("'" + where + "' must be an object, was " + describe(h));
        }
        String name = text(h, "name", where + ".name", true);
        String type = text(h, "type", where + ".type", false);
        return new Header(name, bytes(h, "value", where + ".value"),
                type == null ? PropertyType.BYTES : enumValue(PropertyType.class, type, where + ".type"));
    }

    private static KafkaMetadata kafka(JsonNode k) {
        return new KafkaMetadata((int) number(k, "partition", "kafka.partition", true),
                number(k, "offset", "kafka.offset", false), text(k, "timestampType", "kafka.timestampType", false),
                (int) number(k, "leaderEpoch", "kafka.leaderEpoch", true));
    }

    private static JmsMetadata jms(JsonNode j) {
        String replyTo = text(j, "replyTo", "jms.replyTo", false);
        return new JmsMetadata(text(j, "messageId", "jms.messageId", false), text(j, "correlationId", "jms.correlationId", false),
                replyTo == null ? null : Destination.parse(replyTo), text(j, "type", "jms.type", false),
                (int) number(j, "priority", "jms.priority", true), bool(j, "persistent", "jms.persistent"),
                instant(j, "expiration", "jms.expiration", false), bool(j, "redelivered", "jms.redelivered"),
                text(j, "objectClassName", "jms.objectClassName", false));
    }

    private static JsonNode object(JsonNode line, String field) {
        JsonNode node = line.get(field);
        if (node == null || !node.isObject()) {
            throw new BadLine("field '" + field + "' must be an object, was " + describe(node));
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String where, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadLine("missing field '" + where + "'");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new BadLine("field '" + where + "' must be a string, was " + describe(node));
        }
        return node.textValue();
    }

    private static byte[] bytes(JsonNode parent, String field) {
        return bytes(parent, field, field);
    }

    private static byte[] bytes(JsonNode parent, String field, String where) {
        String text = text(parent, field, where, false);
        try {
            return text == null ? null : BASE64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadLine("field '" + where + "' is not base64 (" + e.getMessage() + ")");
        }
    }

    private static Instant instant(JsonNode parent, String field, String where, boolean required) {
        String text = text(parent, field, where, required);
        try {
            return text == null ? null : IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadLine("field '" + where + "' is not an ISO-8601 instant: '" + text + "'");
        }
    }

    /** A whole number; {@code small} ones must fit an int. */
    private static long number(JsonNode parent, String field, String where, boolean small) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !(small ? node.canConvertToInt() : node.canConvertToLong())) {
            throw new BadLine("field '" + where + "' must be a whole number, was " + describe(node));
        }
        return node.longValue();
    }

    private static boolean bool(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            throw new BadLine("field '" + where + "' must be true or false, was " + describe(node));
        }
        return node.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine("field '" + where + "' has the unknown value '" + name + "'; known: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Map<String, String> stringMap(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new BadLine("field '" + field + "' must be an object of strings, was " + describe(node));
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new BadLine("field '" + field + "." + e.getKey() + "' must be a string, was " + describe(e.getValue()));
            }
            map.put(e.getKey(), e.getValue().textValue());
        }
        return map;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        String shown = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
    }
}
