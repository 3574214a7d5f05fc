package io.sitkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields a schema describes, flattened to JSON paths with their types: the common ground on
 * which consumer expectations, compatibility reasons and schema-aware diffs compare Avro and
 * JSON Schema alike.
 *
 * <pre>{@code
 * Map<String, SchemaField> fields = SchemaFields.avro(orderPlaced);
 * fields.get("$.total.amount").declared();      // "decimal(12,2)"
 * SchemaFields.normalize("$.lines[0]['sku']");  // "$.lines[*].sku"
 * }</pre>
 *
 * <p>Recursive schemas are followed to a depth of {@value #MAX_DEPTH}. Thread-safety: stateless.
 */
public final class SchemaFields {
    /** How deep nested and recursive types are followed. */
    public static final int MAX_DEPTH = 12;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+|\\*)]");
    private static final Pattern QUOTED = Pattern.compile("\\['([^']*)']");

    private SchemaFields() {
    }

    /** The fields of a schema given as text in {@code format}. */
    public static Map<String, SchemaField> of(SchemaFormat format, String text) {
        if (format == SchemaFormat.AVRO) {
            return avro(new Schema.Parser().parse(text));
        }
        try {
            return jsonSchema(MAPPER.readTree(text));
        } catch (IOException e) {
            throw new SchemaException("JSON Schema", 0, 0, "not JSON: " + e.getMessage(), e);
        }
    }

    /** The fields of an Avro schema, as its plain JSON view ({@code AvroJson}) shows them. */
    public static Map<String, SchemaField> avro(Schema schema) {
        Map<String, SchemaField> out = new LinkedHashMap<>();
        walkAvro(schema, "$", false, out, 0);
        return Collections.unmodifiableMap(out);
    }

    private static void walkAvro(Schema schema, String path, boolean optional, Map<String, SchemaField> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Schema s = schema;
        boolean opt = optional;
        if (s.getType() == Schema.Type.UNION) {
            Schema only = null;
            int nonNull = 0;
            for (Schema branch : s.getTypes()) {
                if (branch.getType() == Schema.Type.NULL) {
                    opt = true;
                } else {
                    only = branch;
                    nonNull++;
                }
            }
            if (nonNull != 1) {
                if (!path.equals("$")) {
                    out.put(path, new SchemaField(path, FieldType.ANY, opt, unionName(s), false));
                }
                return;
            }
            s = only;
        }
        if (!path.equals("$")) {
            out.put(path, new SchemaField(path, avroType(s), opt, avroDeclared(s), false));
        }
        switch (s.getType()) {
            case RECORD -> {
                for (Schema.Field f : s.getFields()) {
                    walkAvro(f.schema(), path + "." + f.name(), false, out, depth + 1);
                }
            }
            case ARRAY -> walkAvro(s.getElementType(), path + "[*]", false, out, depth + 1);
            case MAP -> walkAvro(s.getValueType(), path + ".*", false, out, depth + 1);
            default -> {
            }
        }
    }

    private static String unionName(Schema union) {
        return String.join(" | ", union.getTypes().stream().map(SchemaFields::avroDeclared).toList());
    }

    private static FieldType avroType(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            return FieldType.NUMBER;
        }
        if (logical != null && s.getType() != Schema.Type.STRING) {
            return FieldType.STRING; // dates, times and timestamps show as ISO text
        }
        return switch (s.getType()) {
            case RECORD, MAP -> FieldType.OBJECT;
            case ARRAY -> FieldType.ARRAY;
            case INT, LONG -> FieldType.INTEGER;
            case FLOAT, DOUBLE -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case NULL -> FieldType.ANY;
            default -> FieldType.STRING;
        };
    }

    /** The Avro type in a few words: {@code decimal(12,2)}, {@code long timestamp-millis}, {@code enum Status}. */
    public static String avroDeclared(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        String base = switch (s.getType()) {
            case RECORD -> "record " + s.getName();
            case ENUM -> "enum " + s.getName();
            case FIXED -> "fixed " + s.getName() + "(" + s.getFixedSize() + ")";
            case ARRAY -> "array<" + avroDeclared(s.getElementType()) + ">";
            case MAP -> "map<" + avroDeclared(s.getValueType()) + ">";
            case UNION -> unionName(s);
            default -> s.getType().getName();
        };
        return logical == null ? base : base + " " + logical.getName();
    }

    /** The fields of a JSON Schema (draft 7 or 2020-12); {@code $ref}s within the document are followed. */
    public static Map<String, SchemaField> jsonSchema(JsonNode schema) {
        Map<String, SchemaField> out = new LinkedHashMap<>();
        walkJson(schema, schema, "$", false, out, new ArrayDeque<>(), 0);
        return Collections.unmodifiableMap(out);
    }

    private static void walkJson(JsonNode root, JsonNode node, String path, boolean optional,
                                 Map<String, SchemaField> out, Deque<String> refs, int depth) {
        if (depth > MAX_DEPTH || node == null || !node.isObject()) {
            return;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#") || refs.contains(ref)) {
                putIfAbsent(out, path, new SchemaField(path, FieldType.ANY, optional, "$ref " + ref, false));
                return;
            }
            refs.push(ref);
            walkJson(root, root.at(ref.substring(1)), path, optional, out, refs, depth + 1);
            refs.pop();
            return;
        }
        boolean opt = optional;
        String type = null;
        JsonNode t = node.get("type");
        if (t != null && t.isTextual()) {
            type = t.asText();
        } else if (t != null && t.isArray()) {
            for (JsonNode each : t) {
                if (each.asText().equals("null")) {
                    opt = true;
                } else if (type == null) {
                    type = each.asText();
                }
            }
        } else if (node.has("properties")) {
            type = "object";
        } else if (node.has("items")) {
            type = "array";
        } else if (node.has("enum") && node.get("enum").size() > 0) {
            type = FieldType.of(node.get("enum").get(0)).map(FieldType::toString).orElse(null);
        } else if (node.has("const")) {
            type = FieldType.of(node.get("const")).map(FieldType::toString).orElse(null);
        }
        for (String combiner : new String[]{"allOf", "anyOf", "oneOf"}) {
            if (node.has(combiner)) {
                for (JsonNode branch : node.get(combiner)) {
                    boolean nullBranch = "null".equals(branch.path("type").asText());
                    if (nullBranch) {
                        opt = true;
                    } else {
                        walkJson(root, branch, path, opt || !combiner.equals("allOf"), out, refs, depth + 1);
                    }
                }
            }
        }
        boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()
                || node.path("unevaluatedProperties").isBoolean() && !node.get("unevaluatedProperties").asBoolean();
        if (!path.equals("$") || closed) {
            FieldType ft = type == null ? FieldType.ANY : FieldType.parse(type);
            String declared = type == null ? "any" : type + (node.has("format") ? " " + node.get("format").asText() : "")
                    + (node.has("enum") ? " enum" : "");
            SchemaField previous = out.get(path);
            if (previous == null || previous.type() == FieldType.ANY) {
                out.put(path, new SchemaField(path, ft, opt, declared, closed));
            }
        }
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            java.util.Set<String> required = new java.util.HashSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            props.fields().forEachRemaining(e -> walkJson(root, e.getValue(), path + "." + e.getKey(),
                    !required.contains(e.getKey()), out, refs, depth + 1));
        }
        JsonNode items = node.get("items");
        if (items != null && items.isObject()) {
            walkJson(root, items, path + "[*]", false, out, refs, depth + 1);
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            walkJson(root, additional, path + ".*", false, out, refs, depth + 1);
        }
    }

    private static void putIfAbsent(Map<String, SchemaField> out, String path, SchemaField field) {
        if (!path.equals("$")) {
            out.putIfAbsent(path, field);
        }
    }

    /** {@code $.a[0]['b']} → {@code $.a[*].b}: the form schema fields are keyed by. */
    public static String normalize(String path) {
        String p = QUOTED.matcher(path.trim()).replaceAll(".$1");
        return INDEX.matcher(p).replaceAll("[*]");
    }

    /** The path of the enclosing object or array: {@code $.a} for {@code $.a.b} and {@code $.a[*]}. */
    public static String parentOf(String path) {
        return parent(path);
    }

    static String parent(String path) {
        if (path.endsWith("[*]")) {
            return path.substring(0, path.length() - 3);
        }
        int dot = path.lastIndexOf('.');
        return dot <= 0 ? "$" : path.substring(0, dot);
    }

    static String lastName(String path) {
        String p = path.endsWith("[*]") ? path.substring(0, path.length() - 3) : path;
        int dot = p.lastIndexOf('.');
        return dot < 0 ? p : p.substring(dot + 1);
    }
}
