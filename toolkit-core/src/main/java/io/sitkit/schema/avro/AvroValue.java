package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

import java.util.Objects;

/**
 * A decoded Avro value with the schema it was read as and, when it came through a registry, the
 * schema id it carried.
 *
 * <p>Thread-safety: immutable as far as the value is; generic records are mutable, so do not
 * change one you got from a decoder.
 *
 * @param schemaId the registry id, or -1 when the schema was given directly
 * @param schema   the schema the value has
 * @param value    the value: a GenericRecord, String, Long, … as Avro's generic API gives
 */
public record AvroValue(int schemaId, Schema schema, Object value) {
    public AvroValue {
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * The plain JSON view (see {@link AvroJson}).
     *
     * @throws IllegalArgumentException naming the path when a logical-type value has no view;
     *                                  the decoders' {@code decodeToJson} and {@code payloads()} turn that
     *                                  into a {@link io.sitkit.schema.DecodeException}
     */
    public JsonNode json() {
        return AvroJson.view(schema, value);
    }
}
