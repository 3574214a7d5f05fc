package io.sitkit.contract;

import java.util.Locale;
import java.util.Objects;

/**
 * A field a consumer reads: its JSON path ({@code $.total}, {@code $.items[*].sku}) and the type
 * it expects there.
 *
 * <p>Thread-safety: immutable.
 */
public record FieldRead(String path, FieldType type) {
    /** The JSON types a consumer can expect; {@link #ANY} accepts every non-null value. */
    public enum FieldType {
        STRING, NUMBER, INTEGER, BOOLEAN, OBJECT, ARRAY, ANY;

        /** Reads "string", "number", "integer"/"int"/"long", "boolean", "object", "array", "any". */
        public static FieldType parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "string": return STRING;
                case "number", "double", "float", "decimal": return NUMBER;
                case "integer", "int", "long": return INTEGER;
                case "boolean", "bool": return BOOLEAN;
                case "object", "record", "map": return OBJECT;
                case "array", "list": return ARRAY;
                case "any", "": return ANY;
                default:
                    throw new IllegalArgumentException("unknown field type '" + name
                            + "'; use string, number, integer, boolean, object, array or any");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FieldRead {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("field path must start with '$', was '" + path + "'");
        }
    }
}
