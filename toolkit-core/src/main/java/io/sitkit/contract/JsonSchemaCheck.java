package io.sitkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sitkit.schema.SchemaException;

import java.util.List;

/** A JSON Schema compiled once, giving one line per violation: {@code $.lines[0].quantity: must be ...}. */
final class JsonSchemaCheck {
    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    static JsonSchemaCheck of(String text, String source) {
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return new JsonSchemaCheck(registry.getSchema(text, InputFormat.JSON));
        } catch (RuntimeException e) {
            throw new SchemaException(source, 0, 0, "not a usable JSON Schema: " + e.getMessage(), e);
        }
    }

    List<String> violations(JsonNode value) {
        List<Error> errors = schema.validate(value);
        return errors.stream().map(e -> jsonPath(e.getInstanceLocation().toString()) + ": " + message(e)).toList();
    }

    /** The validator's message without the location it starts with. */
    private static String message(Error e) {
        String m = e.getMessage();
        String at = e.getInstanceLocation().toString();
        return m.startsWith(at + ": ") ? m.substring(at.length() + 2) : m;
    }

    /** {@code /lines/0/sku} → {@code $.lines[0].sku}; "" → {@code $}. */
    static String jsonPath(String pointer) {
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder sb = new StringBuilder("$");
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.replace("~1", "/").replace("~0", "~");
            sb.append(t.chars().allMatch(Character::isDigit) ? "[" + t + "]" : "." + t);
        }
        return sb.toString();
    }
}
