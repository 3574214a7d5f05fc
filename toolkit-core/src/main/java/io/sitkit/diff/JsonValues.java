package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * How values are shown in differences and how scalars compare.
 *
 * <p>Thread-safety: stateless.
 */
final class JsonValues {
    /** The width values are truncated to in {@link FieldDifference#describe()}. */
    static final int SHOWN = 60;

    private JsonValues() {
    }

    /** Compact JSON (strings quoted), cut to {@code maxChars} with a trailing {@code …}; {@code missing} for no node. */
    static String render(JsonNode value, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        String text = value == null || value.isMissingNode() ? "missing" : value.toString();
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars - 1;
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return text.substring(0, cut) + "…";
    }

    /** {@code a number (42)}, {@code a string ("42")}, or just {@code null}. */
    static String typed(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                ? render(value, SHOWN)
                : typeName(value) + " (" + render(value, SHOWN) + ")";
    }

    static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BINARY -> "binary data";
            case POJO -> "a Java object";
            case NULL -> "null";
            case MISSING -> "missing";
        };
    }

    /** Equality of two non-container nodes of the same type; numbers by value, within {@code tolerance}. */
    static boolean scalarsEqual(JsonNode expected, JsonNode actual, double tolerance) {
        if (expected.isNumber() && actual.isNumber()) {
            return numbersEqual(expected, actual, tolerance);
        }
        if (expected.isTextual()) {
            return expected.textValue().equals(actual.textValue());
        }
        return expected.equals(actual);
    }

    private static boolean numbersEqual(JsonNode expected, JsonNode actual, double tolerance) {
        if (!finite(expected) || !finite(actual)) {
            return Double.compare(expected.doubleValue(), actual.doubleValue()) == 0;
        }
        BigDecimal gap = expected.decimalValue().subtract(actual.decimalValue()).abs();
        return tolerance == 0 ? gap.signum() == 0 : gap.compareTo(BigDecimal.valueOf(tolerance)) <= 0;
    }

    private static boolean finite(JsonNode number) {
        return !number.isFloatingPointNumber() || Double.isFinite(number.doubleValue());
    }
}
