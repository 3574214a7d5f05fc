package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON views of Avro values, and Avro values from plain JSON.
 *
 * <p>The view is what a person would write, not Avro's JSON encoding: unions are not wrapped in
 * {@code {"type": value}}, enums are strings, {@code decimal} is a JSON number, {@code date} is
 * {@code "2026-11-25"}, {@code timestamp-millis}/{@code -micros} are ISO-8601 instants,
 * {@code time-millis}/{@code -micros} are ISO times, other bytes and fixed are base64. JSON-path
 * matchers and the field-level diff read Avro payloads through it.
 *
 * <pre>{@code
 * JsonNode view = AvroJson.view(schema, record);          // {"orderId":"o-1","total":42.50,...}
 * Object datum = AvroJson.datum(schema, view);            // back to a GenericRecord
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private AvroJson() {
    }

    /**
     * The plain JSON view of {@code value}, read as {@code schema}.
     *
     * @throws IllegalArgumentException naming the JSON path when a logical-type value has no view:
     *                                  a time of day outside the day, a decimal without bytes
     */
    public static JsonNode view(Schema schema, Object value) {
        return toJson(schema, value, "$");
    }

    private static JsonNode toJson(Schema schema, Object value, String path) {
        if (value == null) {
            return NODES.nullNode();
        }
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD: {
                GenericRecord record = (GenericRecord) value;
                ObjectNode o = NODES.objectNode();
                for (Schema.Field f : schema.getFields()) {
                    o.set(f.name(), toJson(f.schema(), record.get(f.pos()), path + "." + f.name()));
                }
                return o;
            }
            case UNION:
                return toJson(schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value, path);
            case ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (Object item : (Iterable<?>) value) {
                    a.add(toJson(schema.getElementType(), item, path + "[" + a.size() + "]"));
                }
                return a;
            }
            case MAP: {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    o.set(e.getKey().toString(), toJson(schema.getValueType(), e.getValue(), path + "." + e.getKey()));
                }
                return o;
            }
            case ENUM:
            case STRING:
                return NODES.textNode(value.toString());
            case BYTES:
            case FIXED: {
                byte[] bytes = value instanceof ByteBuffer b ? bytes(b) : ((GenericFixed) value).bytes();
                if (logical instanceof LogicalTypes.Decimal d) {
                    if (bytes.length == 0) {
                        throw new IllegalArgumentException(path + ": a decimal needs at least one byte of its"
                                + " two's-complement unscaled value, has none");
                    }
                    return NODES.numberNode(new BigDecimal(new BigInteger(bytes), d.getScale()));
                }
                return NODES.binaryNode(bytes);
            }
            case INT: {
                int i = (Integer) value;
                if (logical instanceof LogicalTypes.Date) {
                    return NODES.textNode(LocalDate.ofEpochDay(i).toString());
                }
                if (logical instanceof LogicalTypes.TimeMillis) {
                    timeOfDay(i, MILLIS_PER_DAY, "time-millis", path);
                    return NODES.textNode(LocalTime.ofNanoOfDay(i * 1_000_000L).toString());
                }
                return NODES.numberNode(i);
            }
            case LONG: {
                long l = (Long) value;
                if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
                    return NODES.textNode(Instant.ofEpochMilli(l).toString());
                }
                if (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.LocalTimestampMicros) {
                    return NODES.textNode(Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1000L).toString());
                }
                if (logical instanceof LogicalTypes.TimeMicros) {
                    timeOfDay(l, MILLIS_PER_DAY * 1000L, "time-micros", path);
                    return NODES.textNode(LocalTime.ofNanoOfDay(l * 1000L).toString());
                }
                return NODES.numberNode(l);
            }
            case FLOAT:
                return NODES.numberNode((Float) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
        }
    }

    private static void timeOfDay(long value, long perDay, String type, String path) {
        if (value < 0 || value >= perDay) {
            throw new IllegalArgumentException(path + ": " + type + " " + value + " is not a time of day (0 to "
                    + (perDay - 1) + ")");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /**
     * The Avro value for a plain JSON view (the reverse of {@link #view}); missing record fields
     * take their schema default.
     *
     * @throws IllegalArgumentException naming the JSON path and what the schema wanted there
     */
    public static Object datum(Schema schema, JsonNode json) {
        return toDatum(schema, json, "$");
    }

    private static Object toDatum(Schema schema, JsonNode json, String path) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD: {
                require(json.isObject(), path, "an object for record " + schema.getFullName(), json);
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field f : schema.getFields()) {
                    JsonNode v = json.get(f.name());
                    if (v == null || v.isMissingNode()) {
                        if (!f.hasDefaultValue()) {
                            throw new IllegalArgumentException(path + "." + f.name() + ": required by "
                                    + schema.getFullName() + " (no default) but missing");
                        }
                        record.put(f.pos(), GenericData.get().deepCopy(f.schema(), GenericData.get().getDefaultValue(f)));
                    } else {
                        record.put(f.pos(), toDatum(f.schema(), v, path + "." + f.name()));
                    }
                }
                Iterator<String> names = json.fieldNames();
                while (names.hasNext()) {
                    String n = names.next();
                    if (schema.getField(n) == null) {
                        throw new IllegalArgumentException(path + "." + n + ": " + schema.getFullName()
                                + " has no field " + n);
                    }
                }
                return record;
            }
            case UNION:
                return unionDatum(schema, json, path);
            case ARRAY: {
                require(json.isArray(), path, "an array", json);
                List<Object> items = new ArrayList<>(json.size());
                for (int i = 0; i < json.size(); i++) {
                    items.add(toDatum(schema.getElementType(), json.get(i), path + "[" + i + "]"));
                }
                return new GenericData.Array<>(schema, items);
            }
            case MAP: {
                require(json.isObject(), path, "an object (Avro map)", json);
                Map<String, Object> map = new LinkedHashMap<>();
                json.fields().forEachRemaining(e -> map.put(e.getKey(), toDatum(schema.getValueType(), e.getValue(), path + "." + e.getKey())));
                return map;
            }
            case ENUM:
                require(json.isTextual() && schema.getEnumSymbols().contains(json.asText()), path,
                        "one of " + schema.getEnumSymbols(), json);
                return new GenericData.EnumSymbol(schema, json.asText());
            case STRING:
                require(json.isTextual(), path, "a string", json);
                return json.asText();
            case BYTES:
            case FIXED:
                return bytesDatum(schema, logical, json, path);
            case INT:
                if (logical instanceof LogicalTypes.Date) {
                    return ((Number) parse(json, path, "an ISO date", () -> LocalDate.parse(json.asText()).toEpochDay())).intValue();
                }
                if (logical instanceof LogicalTypes.TimeMillis) {
                    return ((Number) parse(json, path, "an ISO time", () -> LocalTime.parse(json.asText()).toNanoOfDay() / 1_000_000L)).intValue();
                }
                require(json.isIntegralNumber() && json.canConvertToInt(), path, "an int", json);
                return json.intValue();
            case LONG:
                if (json.isTextual() && (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis)) {
                    return parse(json, path, "an ISO instant", () -> Instant.parse(json.asText()).toEpochMilli());
                }
                if (json.isTextual() && (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.LocalTimestampMicros)) {
                    return parse(json, path, "an ISO instant", () -> {
                        Instant t = Instant.parse(json.asText());
                        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
                    });
                }
                if (json.isTextual() && logical instanceof LogicalTypes.TimeMicros) {
                    return parse(json, path, "an ISO time", () -> LocalTime.parse(json.asText()).toNanoOfDay() / 1000L);
                }
                require(json.isIntegralNumber() && json.canConvertToLong(), path, "a long", json);
                return json.longValue();
            case FLOAT:
                require(json.isNumber(), path, "a number", json);
                return json.floatValue();
            case DOUBLE:
                require(json.isNumber(), path, "a number", json);
                return json.doubleValue();
            case BOOLEAN:
                require(json.isBoolean(), path, "true or false", json);
                return json.booleanValue();
            case NULL:
                require(json.isNull(), path, "null", json);
                return null;
            default:
                throw new IllegalArgumentException(path + ": unsupported Avro type " + schema.getType());
        }
    }

    private static Object unionDatum(Schema union, JsonNode json, String path) {
        List<String> tried = new ArrayList<>();
        for (Schema branch : union.getTypes()) {
            if (json.isNull() != (branch.getType() == Schema.Type.NULL)) {
                continue;
            }
            try {
                return toDatum(branch, json, path);
            } catch (IllegalArgumentException e) {
                tried.add(branch.getType() == Schema.Type.RECORD ? branch.getFullName() : branch.getType().getName());
            }
        }
        throw new IllegalArgumentException(path + ": " + describe(json) + " fits no branch of the union "
                + union.getTypes().stream().map(s -> s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                ? s.getFullName() : s.getType().getName()).toList());
    }

    private static Object bytesDatum(Schema schema, LogicalType logical, JsonNode json, String path) {
        byte[] bytes;
        if (logical instanceof LogicalTypes.Decimal d) {
            require(json.isNumber() || json.isTextual(), path, "a decimal number", json);
            BigDecimal value = (BigDecimal) parse(json, path, "a decimal number", () -> new BigDecimal(json.asText()));
            try {
                bytes = value.setScale(d.getScale()).unscaledValue().toByteArray();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(path + ": " + value + " has more than " + d.getScale()
                        + " decimal places (decimal(" + d.getPrecision() + "," + d.getScale() + "))");
            }
            if (schema.getType() == Schema.Type.FIXED) {
                byte[] fixed = new byte[schema.getFixedSize()];
                byte pad = (byte) (value.signum() < 0 ? 0xff : 0);
                java.util.Arrays.fill(fixed, pad);
                if (bytes.length > fixed.length) {
                    throw new IllegalArgumentException(path + ": " + value + " does not fit in fixed(" + fixed.length + ")");
                }
                System.arraycopy(bytes, 0, fixed, fixed.length - bytes.length, bytes.length);
                return new GenericData.Fixed(schema, fixed);
            }
            return ByteBuffer.wrap(bytes);
        }
        require(json.isTextual() || json.isBinary(), path, "base64 text", json);
        bytes = (byte[]) parse(json, path, "base64 text", json::binaryValue);
        if (schema.getType() == Schema.Type.FIXED) {
            if (bytes.length != schema.getFixedSize()) {
                throw new IllegalArgumentException(path + ": " + bytes.length + " bytes for fixed("
                        + schema.getFixedSize() + ") " + schema.getFullName());
            }
            return new GenericData.Fixed(schema, bytes);
        }
        return ByteBuffer.wrap(bytes);
    }

    @FunctionalInterface
    private interface Parse {
        Object get() throws Exception;
    }

    private static Object parse(JsonNode json, String path, String wanted, Parse parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(path + ": expected " + wanted + ", got " + describe(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(path + ": expected " + wanted + ", got " + describe(json) + " (" + e.getMessage() + ")");
        }
    }

    private static void require(boolean ok, String path, String wanted, JsonNode got) {
        if (!ok) {
            throw new IllegalArgumentException(path + ": expected " + wanted + ", got " + describe(got));
        }
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }
}
