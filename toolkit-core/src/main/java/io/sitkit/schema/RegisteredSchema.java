package io.sitkit.schema;

import java.util.Objects;

/**
 * A schema as a registry holds it: its global id, the subject and version it was found under
 * (when known), its format and its text.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id      the registry's global schema id (the one in the Confluent wire format)
 * @param subject the subject, or "" when looked up by id alone
 * @param version the version under the subject, or 0 when unknown
 * @param format  the schema language
 * @param text    the schema document
 */
public record RegisteredSchema(int id, String subject, int version, SchemaFormat format, String text) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        if (id < 0) {
            throw new IllegalArgumentException("schema id must be >= 0, was " + id);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }
}
