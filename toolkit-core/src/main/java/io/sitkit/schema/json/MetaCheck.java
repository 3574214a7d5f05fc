package io.sitkit.schema.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.sitkit.schema.SchemaException;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a schema document against its draft's meta-schema, so a typo such as
 * {@code "type": "strin"} fails at load with its line and column instead of passing silently.
 *
 * <p>Thread-safety: stateless.
 */
final class MetaCheck {
    /** How many meta-schema errors the exception names. */
    static final int SHOWN = 3;

    private MetaCheck() {
    }

    /** @throws SchemaException at the line and column of the first error, naming up to {@value #SHOWN} */
    static void check(Schema metaSchema, JsonSchemaDraft draft, String source, JsonNode document, byte[] bytes) {
        List<Error> errors = metaSchema.validate(document);
        if (errors.isEmpty()) {
            return;
        }
        JsonLocation at = null;
        try {
            List<Error> located = metaSchema.validate(JsonText.readWithLocations(bytes));
            if (!located.isEmpty() && located.get(0).getInstanceNode() instanceof TokenStreamLocationAware l) {
                at = l.tokenStreamLocation();
            }
        } catch (IOException | RuntimeException e) {
            at = null;
        }
        String listed = errors.stream().limit(SHOWN)
                .map(e -> "at " + e.getInstanceLocation() + ": " + e.getMessage())
                .collect(Collectors.joining("; "));
        String more = errors.size() > SHOWN ? " (and " + (errors.size() - SHOWN) + " more)" : "";
        throw new SchemaException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "not a valid JSON Schema (" + draft + "): " + listed + more, null);
    }
}
