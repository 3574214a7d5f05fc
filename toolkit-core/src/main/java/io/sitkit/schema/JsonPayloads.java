package io.sitkit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;

import java.io.IOException;

/**
 * Payloads that are JSON text; invalid JSON is a {@link DecodeException} with line and column.
 *
 * <pre>{@code
 * JsonNode order = JsonPayloads.parse(message.payload(), message.position());
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class JsonPayloads implements PayloadDecoder {
    static final JsonPayloads INSTANCE = new JsonPayloads();
    /** How Jackson's message starts when FAIL_ON_TRAILING_TOKENS finds more after the value. */
    private static final String TRAILING = "Trailing token";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonPayloads() {
    }

    @Override
    public JsonNode decode(Message message) {
        return parse(message.payload(), message.position());
    }

    /**
     * Parses JSON bytes exactly (decimals keep their digits; trailing content is an error).
     *
     * @throws DecodeException naming {@code where}, the line and column
     */
    public static JsonNode parse(byte[] bytes, String where) {
        if (bytes == null || bytes.length == 0) {
            throw new DecodeException("JSON payload", where, bytes, bytes == null ? "no payload (tombstone or empty body)" : "empty payload");
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new DecodeException("JSON payload", where, bytes, "invalid JSON at line " + (at == null ? 0 : at.getLineNr())
                    + ", column " + (at == null ? 0 : at.getColumnNr()) + ": " + reason(e), e);
        } catch (IOException e) {
            throw new DecodeException("JSON payload", where, bytes, "unreadable: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            // Jackson reads decimals exactly and gives up on exponents no BigDecimal holds, outside its own exceptions.
            throw new DecodeException("JSON payload", where, bytes, "a number out of range: its exponent is beyond"
                    + " what an exact decimal holds", e);
        }
    }

    /**
     * Jackson's reason, except for content after the value, whose message names Jackson's own
     * classes and settings rather than the problem.
     */
    static String reason(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        return original.startsWith(TRAILING) ? "more after the end of the JSON value (a second value or stray characters)"
                : original;
    }

    /** {@code message} with {@code json} as its text payload (see {@link PayloadDecoder#view}). */
    static Message asPayload(Message message, JsonNode json, String what) {
        try {
            return message.withPayload(MAPPER.writeValueAsBytes(json), io.sitkit.core.BodyType.TEXT);
        } catch (JsonProcessingException e) {
            throw new DecodeException(what, message.position(), message.payload(), e.getOriginalMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "JSON";
    }
}
