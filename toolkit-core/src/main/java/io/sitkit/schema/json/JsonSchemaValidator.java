package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.sitkit.core.Message;
import io.sitkit.schema.Conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loaded JSON Schema that validates payloads: each violation names the instance path
 * ({@code $.items[0].qty}), the failing keyword and what is wrong. Formats ({@code email},
 * {@code date-time}, {@code uuid}…) are asserted, not just annotated. Also a {@link Conformance}, so
 * expectations can require messages to conform. Obtain one from {@link JsonSchemas}.
 *
 * <pre>{@code
 * JsonSchemaValidator orders = JsonSchemas.fromResource("schemas/json/order-placed-v1.json");
 * List<JsonViolation> violations = orders.validate("{\"orderId\": 42}");
 * // [$.orderId: integer found, string expected (type), $: required property 'customer' not found (required), …]
 * }</pre>
 *
 * <p>A payload that is not JSON is not an exception: it yields one violation at {@code $} with keyword
 * {@value JsonViolation#SYNTAX}, e.g. {@code not valid JSON at line 3, column 14: Unexpected character…}.
 *
 * <p>Thread-safety: immutable and safe for concurrent use.
 */
public final class JsonSchemaValidator implements Conformance {
    private final String source;
    private final JsonSchemaDraft draft;
    private final Schema schema;
    private final JsonNode document;

    JsonSchemaValidator(String source, JsonSchemaDraft draft, Schema schema, JsonNode document) {
        this.source = source;
        this.draft = draft;
        this.schema = schema;
        this.document = document;
    }

    /** Where the schema came from: a file path, {@code classpath:name} or "inline". */
    public String source() {
        return source;
    }

    /** The draft the schema declares (2020-12 when it declares none). */
    public JsonSchemaDraft draft() {
        return draft;
    }

    /**
     * The schema as one self-contained document (a copy): schemas it references in other files
     * are copied under {@code $defs} ({@code definitions} for draft 7) and the references rewritten,
     * so only local references remain.
     */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** Validates a UTF-8 JSON payload; a payload that is not JSON gives one syntax violation. */
    public List<JsonViolation> validate(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        JsonText.Parsed parsed = JsonText.readPayload(payload);
        return parsed.node() == null ? List.of(parsed.syntaxError()) : validate(parsed.node());
    }

    /** Validates a JSON payload given as text; text that is not JSON gives one syntax violation. */
    public List<JsonViolation> validate(String payload) {
        Objects.requireNonNull(payload, "payload");
        return validate(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Validates a parsed JSON payload. */
    public List<JsonViolation> validate(JsonNode payload) {
        Objects.requireNonNull(payload, "payload");
        List<Error> errors = schema.validate(payload);
        List<JsonViolation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String keyword = e.getKeyword() == null || e.getKeyword().isBlank() ? "schema" : e.getKeyword();
            out.add(new JsonViolation(e.getInstanceLocation().toString(), keyword,
                    e.getMessage().replaceAll("\\s*\\R\\s*", " ")));
        }
        return List.copyOf(out);
    }

    /** The violations of the message's payload, one line each; a message without payload is one violation. */
    @Override
    public List<String> violations(Message message) {
        if (message.payloadSize() <= 0) {
            return List.of("$: message at " + message.position() + " has no payload, expected a JSON document ("
                    + JsonViolation.SYNTAX + ")");
        }
        return validate(message.payload()).stream().map(JsonViolation::toString).toList();
    }

    /** "JSON Schema &lt;source&gt; (draft 2020-12)". */
    @Override
    public String describe() {
        return "JSON Schema " + source + " (" + draft + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
