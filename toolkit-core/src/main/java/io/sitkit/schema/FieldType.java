package io.sitkit.schema;

import java.util.Locale;

/**
 * The JSON type of a field in a payload's JSON view (Avro values through their plain view), as
 * consumers expect it and schemas declare it. {@link #ANY} accepts every non-null value.
 *
 * <pre>{@code
 * FieldType.parse("long");                 // INTEGER
 * FieldType.NUMBER.accepts(FieldType.INTEGER);   // true
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum FieldType {
    STRING, NUMBER, INTEGER, BOOLEAN, OBJECT, ARRAY, ANY;

    /** The type of a JSON value, or empty for null and missing values. */
    public static java.util.Optional<FieldType> of(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return java.util.Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return java.util.Optional.of(INTEGER);
        }
        if (value.isNumber()) {
            return java.util.Optional.of(NUMBER);
        }
        if (value.isBoolean()) {
            return java.util.Optional.of(BOOLEAN);
        }
        if (value.isObject()) {
            return java.util.Optional.of(OBJECT);
        }
        if (value.isArray()) {
            return java.util.Optional.of(ARRAY);
        }
        return java.util.Optional.of(STRING);
    }

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

    /** Whether a value of type {@code actual} satisfies a reader expecting this type. */
    public boolean accepts(FieldType actual) {
        return this == ANY || this == actual || this == NUMBER && actual == INTEGER;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
