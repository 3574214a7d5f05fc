package io.sitkit.schema.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import io.sitkit.schema.SchemaException;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Strict JSON reading for schemas and payloads: one document, no trailing tokens, no duplicate
 * keys; errors as line, column and Jackson's reason without its source dump.
 *
 * <p>Thread-safety: stateless; the mapper is configured once and never changed.
 */
final class JsonText {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern SOURCE_REF = Pattern.compile(
            "\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)]");

    private JsonText() {
    }

    /** Parses a schema document. @throws SchemaException with the line and column of a syntax error */
    static JsonNode readSchema(String source, byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new SchemaException(source, 0, 0, "empty document, expected a JSON Schema", null);
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SchemaException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + reason(e), e);
        } catch (IOException e) {
            throw new SchemaException(source, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses again with nodes that know their line and column (only used to place schema errors). */
    static JsonNode readWithLocations(byte[] bytes) throws IOException {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            return MAPPER.reader().with(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser))
                    .readTree(parser);
        }
    }

    /** Parses a payload; a syntax error becomes the one violation with its line and column. */
    static Parsed readPayload(byte[] bytes) {
        if (bytes.length == 0) {
            return new Parsed(null, new JsonViolation("$", JsonViolation.SYNTAX, "empty payload, expected a JSON document"));
        }
        try {
            return new Parsed(MAPPER.readTree(bytes), null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Parsed(null, new JsonViolation("$", JsonViolation.SYNTAX, "not valid JSON" + where + ": " + reason(e)));
        } catch (IOException e) {
            return new Parsed(null, new JsonViolation("$", JsonViolation.SYNTAX, "cannot read payload: " + e.getMessage()));
        }
    }

    /** Jackson's reason on one line, its "[Source: …; line: l, column: c]" references shortened. */
    static String reason(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "more after the end of the JSON value (a second value or stray characters)";
        }
        String shortened = SOURCE_REF.matcher(original).replaceAll("[line $1, column $2]");
        return shortened.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** A parsed payload or the reason it is not JSON. */
    record Parsed(JsonNode node, JsonViolation syntaxError) {
    }
}
