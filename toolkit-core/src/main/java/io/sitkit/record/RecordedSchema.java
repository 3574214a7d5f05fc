package io.sitkit.record;

import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;

import java.util.Objects;

/**
 * A schema the recording's Confluent-framed messages use, carried in the file under the id it had
 * in the registry the messages came from, so that a replay can register it in another registry
 * and a comparison can decode the payloads without the original registry.
 *
 * <pre>{@code
 * // in the file: {"kind":"schema","id":7,"subject":"orders-placed-value","format":"AVRO","schema":"{\"type\":\"record\",…}"}
 * RegisteredSchema s = recorded.registered();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param id      the schema's id in the source registry (the id in the recorded frames)
 * @param subject the subject it was found under; "" when only the id was looked up
 * @param format  the schema language
 * @param text    the schema document
 */
public record RecordedSchema(int id, String subject, SchemaFormat format, String text) implements CaptureItem {
    public RecordedSchema {
        if (id < 0) {
            throw new IllegalArgumentException("schema id must be >= 0, was " + id);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(format, "format");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("schema " + id + " has no text");
        }
    }

    /** From a registry's answer. */
    public static RecordedSchema of(RegisteredSchema schema) {
        return new RecordedSchema(schema.id(), schema.subject(), schema.format(), schema.text());
    }

    /** As the registry client models it (version unknown: 0). */
    public RegisteredSchema registered() {
        return new RegisteredSchema(id, subject, 0, format, text);
    }
}
