package io.sitkit.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.schema.json.internal.LocalRefs;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds one JSON sample for a schema document: honours {@code type}, {@code required},
 * {@code enum}, {@code const}, bounds, lengths, patterns, formats, {@code minItems}/{@code maxItems},
 * {@code uniqueItems}, tuples, local {@code $ref}s, {@code allOf} (merged) and
 * {@code anyOf}/{@code oneOf} (one branch chosen by the seed).
 *
 * <p>Thread-safety: one instance per sample, used from one thread.
 */
final class JsonSampler {
    /** Past this depth only required properties and {@code minItems} items are generated. */
    static final int SHALLOW_DEPTH = 6;
    /** Past this depth a schema must be recursive at every level: there is no finite sample. */
    static final int MAX_DEPTH = 40;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;
    private final SplittableRandom random;
    private final Overrides overrides;

    JsonSampler(JsonNode root, SplittableRandom random, Overrides overrides) {
        this.root = root;
        this.random = random;
        this.overrides = overrides;
    }

    JsonNode value(JsonNode schema, String path, String field, int depth) {
        Optional<Overrides.Holder> fixed = overrides.at(path);
        if (fixed.isPresent()) {
            Object v = fixed.get().value();
            return v instanceof JsonNode node ? node.deepCopy() : MAPPER.valueToTree(v);
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the schema requires " + path.substring(0, Math.min(path.length(), 120))
                    + "… at every level; no finite sample exists");
        }
        return generate(LocalRefs.resolve(root, schema), path, field, depth);
    }

    private JsonNode generate(JsonNode schema, String path, String field, int depth) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                throw new IllegalArgumentException("the schema at " + path + " is false: no value is valid there");
            }
            return NODES.textNode("sample");
        }
        if (schema.path("allOf").isArray()) {
            ObjectNode merged = without(schema, "allOf");
            schema.get("allOf").forEach(part -> merge(merged, LocalRefs.resolve(root, part)));
            return generate(merged, path, field, depth);
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.path(choice).isArray() && !schema.get(choice).isEmpty()) {
                JsonNode branch = schema.get(choice).get(random.nextInt(schema.get(choice).size()));
                ObjectNode merged = without(schema, choice);
                merge(merged, LocalRefs.resolve(root, branch));
                return generate(merged, path, field, depth);
            }
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).deepCopy();
        }
        switch (type(schema)) {
            case "object":
                return object(schema, path, depth);
            case "array":
                return array(schema, path, field, depth);
            case "integer":
                return NODES.numberNode(JsonScalars.number(schema, field, true, random).toBigInteger());
            case "number":
                return NODES.numberNode(JsonScalars.number(schema, field, false, random));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "null":
                return NODES.nullNode();
            default:
                return NODES.textNode(JsonScalars.string(schema, field, random));
        }
    }

    private ObjectNode object(JsonNode schema, String path, int depth) {
        ObjectNode out = NODES.objectNode();
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (depth <= SHALLOW_DEPTH || required.contains(p.getKey())) {
                out.set(p.getKey(), value(p.getValue(), Overrides.child(path, p.getKey()), p.getKey(), depth + 1));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        for (String name : required) {
            if (!out.has(name)) {
                JsonNode sub = additional.isObject() ? additional : NODES.objectNode();
                out.set(name, value(sub, Overrides.child(path, name), name, depth + 1));
            }
        }
        return out;
    }

    private ArrayNode array(JsonNode schema, String path, String field, int depth) {
        JsonNode tuple = schema.path("prefixItems").isArray() ? schema.get("prefixItems")
                : schema.path("items").isArray() ? schema.get("items") : NODES.arrayNode();
        JsonNode rest = schema.path("items").isArray() ? schema.path("additionalItems") : schema.path("items");
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : Integer.MAX_VALUE;
        if (rest.isBoolean() && !rest.asBoolean() || tuple.size() > 0 && rest.isMissingNode()) {
            max = Math.min(max, tuple.size());
        }
        int count = depth > SHALLOW_DEPTH ? min : Math.max(min, Math.min(max, Math.max(tuple.size(), 1 + random.nextInt(3))));
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            JsonNode itemSchema = i < tuple.size() ? tuple.get(i) : rest.isObject() || rest.isBoolean() ? rest : NODES.objectNode();
            String itemPath = path + "[" + i + "]";
            JsonNode item = value(itemSchema, itemPath, field, depth + 1);
            for (int retry = 0; unique && contains(out, item) && retry < 10; retry++) {
                item = value(itemSchema, itemPath, field, depth + 1);
            }
            if (unique && contains(out, item)) {
                if (out.size() >= min) {
                    break;
                }
                throw new IllegalArgumentException("cannot find " + min + " different items for " + path);
            }
            out.add(item);
        }
        return out;
    }

    /** The type to generate: the declared one (the first that is not null), else inferred from the keywords. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray() && !type.isEmpty()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items") || schema.has("prefixItems") || schema.has("minItems")) {
            return "array";
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("exclusiveMinimum") || schema.has("multipleOf")) {
            return "number";
        }
        return "string";
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode without(JsonNode schema, String keyword) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove(keyword);
        return copy;
    }

    /** Lays a subschema over a schema: properties merged, required joined, other keywords kept where already set. */
    private static void merge(ObjectNode into, JsonNode part) {
        if (!part.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("properties") && e.getValue().isObject()) {
                into.withObject("/properties").setAll((ObjectNode) e.getValue().deepCopy());
            } else if (k.equals("required") && e.getValue().isArray()) {
                ArrayNode required = into.withArray("/required");
                e.getValue().forEach(r -> {
                    if (!contains(required, r)) {
                        required.add(r);
                    }
                });
            } else if (!into.has(k)) {
                into.set(k, e.getValue().deepCopy());
            }
        }
    }
}
