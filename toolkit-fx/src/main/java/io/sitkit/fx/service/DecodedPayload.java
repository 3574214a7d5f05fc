package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A payload as the detail pane shows it: its format, the text (pretty JSON, Avro's JSON view, UTF-8
 * text or hex), the JSON tree when there is one, and — when decoding fell back — why.
 *
 * <p>Thread-safety: immutable as long as nobody changes {@code tree} (decoders build a fresh one).
 *
 * @param format    what the payload was read as
 * @param text      what to show; at most {@link PayloadDecoding#TEXT_LIMIT} characters
 * @param tree      the JSON view (Avro and JSON), or null
 * @param reason    why a richer format was not used ("" when none was tried or it worked)
 * @param truncated whether {@code text} is a prefix of a larger payload
 * @param size      payload bytes, -1 for none
 * @param schema    the Avro schema the value was read with, when Avro
 * @param schemaId  the registry id, -1 when none
 */
public record DecodedPayload(Format format, String text, JsonNode tree, String reason, boolean truncated, int size,
                             Optional<Schema> schema, int schemaId) {
    /** What a payload was read as. */
    public enum Format { AVRO, JSON, TEXT, HEX, EMPTY }

    public DecodedPayload {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(schema, "schema");
    }

    /** A one-line label: "Avro · io.sitkit.demo.OrderPlaced · schema id 1 · 183 bytes". */
    public String label() {
        StringBuilder sb = new StringBuilder(switch (format) {
            case AVRO -> "Avro";
            case JSON -> "JSON";
            case TEXT -> "Text";
            case HEX -> "Hex";
            case EMPTY -> "No payload";
        });
        schema.ifPresent(s -> sb.append(" · ").append(s.getFullName()));
        if (schemaId >= 0) {
            sb.append(" · schema id ").append(schemaId);
        }
        if (size >= 0) {
            sb.append(" · ").append(String.format("%,d", size)).append(size == 1 ? " byte" : " bytes");
        }
        if (truncated) {
            sb.append(" · preview truncated");
        }
        return sb.toString();
    }
}
