package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Visits every schema object of a document (the root and each subschema under an applicator or
 * a definitions keyword), never the data inside {@code enum}, {@code const}, {@code default} or
 * {@code examples}.
 *
 * <p>Thread-safety: stateless.
 */
final class SchemaWalk {
    private static final Set<String> SCHEMA_MAPS = Set.of(
            "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies");
    private static final Set<String> SCHEMA_VALUES = Set.of(
            "additionalProperties", "additionalItems", "items", "not", "if", "then", "else", "contains",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");

    private SchemaWalk() {
    }

    /** Calls the visitor on the schema itself and, depth first, on each of its subschemas. */
    static void visit(JsonNode schema, Consumer<ObjectNode> visitor) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        visitor.accept(object);
        object.fields().forEachRemaining(entry -> {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                value.forEach(sub -> visit(sub, visitor));
            } else if (SCHEMA_ARRAYS.contains(keyword) && value.isArray()) {
                value.forEach(sub -> visit(sub, visitor));
            } else if (SCHEMA_VALUES.contains(keyword)) {
                visit(value, visitor);
            }
        });
    }
}
