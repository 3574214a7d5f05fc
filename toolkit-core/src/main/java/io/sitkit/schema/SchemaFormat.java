package io.sitkit.schema;

import java.util.Locale;

/**
 * The schema languages sitkit reads.
 *
 * <p>Thread-safety: immutable.
 */
public enum SchemaFormat {
    /** Apache Avro, a {@code .avsc} document. */
    AVRO,
    /** JSON Schema, draft 7 or 2020-12. */
    JSON_SCHEMA;

    /**
     * Reads the names used in files and by schema registries: {@code avro}, {@code json},
     * {@code json-schema}, {@code JSON_SCHEMA}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static SchemaFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "avro":
                return AVRO;
            case "json", "json-schema", "jsonschema":
                return JSON_SCHEMA;
            default:
                throw new IllegalArgumentException(
                        "unknown schema format '" + name + "'; use avro or json-schema");
        }
    }
}
