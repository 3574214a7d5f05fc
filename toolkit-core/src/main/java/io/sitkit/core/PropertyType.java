package io.sitkit.core;

import java.nio.charset.StandardCharsets;

/**
 * The type a header value had as a JMS property. Kafka headers are untyped bytes
 * ({@link #BYTES}); a typed header keeps its value as the UTF-8 text of the value
 * ({@code "42"}, {@code "true"}) so it reads the same on both transports, and the type tells
 * how to turn it back into a JMS property.
 *
 * <p>Thread-safety: immutable.
 */
public enum PropertyType {
    BYTES, STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE;

    /** The type of a JMS property value as returned by {@code Message.getObjectProperty}. */
    public static PropertyType of(Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Byte) {
            return BYTE;
        } else if (value instanceof Short) {
            return SHORT;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Float) {
            return FLOAT;
        } else if (value instanceof Double) {
            return DOUBLE;
        }
        throw new IllegalArgumentException("not a JMS property type: "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** The header bytes for a typed value: its UTF-8 text. */
    public static byte[] encode(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads header bytes back as a value of this type, for a JMS property.
     *
     * @throws IllegalArgumentException if the bytes are not a valid value of this type
     */
    public Object decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return switch (this) {
                case BYTES, STRING -> text;
                case BOOLEAN -> parseBoolean(text);
                case BYTE -> Byte.parseByte(text);
                case SHORT -> Short.parseShort(text);
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + this + " value", e);
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid BOOLEAN value (true or false)");
    }
}
