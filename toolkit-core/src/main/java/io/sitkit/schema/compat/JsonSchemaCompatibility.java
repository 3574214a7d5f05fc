package io.sitkit.schema.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.json.JsonSchemaValidator;

import java.util.List;

/**
 * Checks a new version of a JSON Schema against earlier ones for the changes that commonly break
 * readers: a property removed that readers require (with a rename hint when a property of the same
 * type was added), a property made required or optional, a type changed, enum values removed or
 * added, a reader with {@code additionalProperties: false} meeting a property it does not know;
 * nested objects and array items are followed, with local {@code $ref}s.
 *
 * <pre>{@code
 * JsonSchemaValidator v1 = JsonSchemas.fromResource("schemas/json/order-placed-v1.json");
 * JsonSchemaValidator v2 = JsonSchemas.fromResource("schemas/json/order-placed-v2.json");
 * CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FULL, v2, List.of(v1));
 * }</pre>
 *
 * <p>Not analysed: {@code allOf}/{@code anyOf}/{@code oneOf}, conditionals, {@code patternProperties}
 * (other than exempting names from {@code additionalProperties: false}) and tightened bounds
 * ({@code maxLength}, {@code minimum}, {@code pattern}…).
 *
 * <p>Thread-safety: stateless; the documents are not modified.
 */
public final class JsonSchemaCompatibility {
    private JsonSchemaCompatibility() {
    }

    /**
     * @param mode      which readers must keep working
     * @param candidate the new version
     * @param history   the earlier versions, oldest first ({@code v1} first); may be empty
     */
    public static CompatibilityReport check(CompatibilityMode mode, JsonSchemaValidator candidate,
                                            List<JsonSchemaValidator> history) {
        return check(mode, candidate.document(), history.stream().map(JsonSchemaValidator::document).toList());
    }

    /**
     * Checks schema documents; their {@code $ref}s must point inside each document (load schemas
     * that reference other files with {@link io.sitkit.schema.json.JsonSchemas} and use the other
     * overload).
     */
    public static CompatibilityReport check(CompatibilityMode mode, JsonNode candidate, List<JsonNode> history) {
        return CompatibilityRun.run(mode, candidate, history,
                (reader, writer, version, direction) -> new JsonReadCheck(reader, writer, version, direction).run());
    }
}
