package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One difference between an expected and an actual JSON document, at one path.
 *
 * <pre>{@code
 * FieldDifference d = new FieldDifference("$.total", FieldDifference.Kind.CHANGED,
 *         IntNode.valueOf(42), IntNode.valueOf(41), null);
 * d.describe(); // $.total: expected 42 but was 41
 * }</pre>
 *
 * <p>A JSON {@code null} is a value ({@code NullNode}); a Java {@code null} means the side has no
 * node at that path.
 *
 * <p>Thread-safety: immutable.
 *
 * @param path     where, in JSONPath-like notation: {@code $.order.items[2].sku}, {@code $['a.b']}
 * @param kind     what sort of difference
 * @param expected the expected node; null for {@link Kind#UNEXPECTED}
 * @param actual   the actual node; null for {@link Kind#MISSING}
 * @param hint     a likely explanation, such as {@code the message has $.totalAmount}, or null
 */
public record FieldDifference(String path, Kind kind, JsonNode expected, JsonNode actual, String hint) {

    /** The sorts of difference. */
    public enum Kind {
        /** Expected has a node the actual document lacks. */
        MISSING,
        /** The actual document has a node the expected one lacks. */
        UNEXPECTED,
        /** Both have a value of the same JSON type, but different values. */
        CHANGED,
        /** Both have a value, of different JSON types (a number and a string, null and an object…). */
        TYPE_CHANGED
    }

    public FieldDifference {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("path must start with $, was " + path);
        }
        if (hint != null && hint.isBlank()) {
            throw new IllegalArgumentException("hint must be null or a sentence, was \"" + hint + "\"");
        }
        requireSides(path, kind, expected, actual);
    }

    private static void requireSides(String path, Kind kind, JsonNode expected, JsonNode actual) {
        boolean wantExpected = kind != Kind.UNEXPECTED;
        boolean wantActual = kind != Kind.MISSING;
        if (wantExpected != (expected != null && !expected.isMissingNode())) {
            throw new IllegalArgumentException(kind + " difference at " + path + (wantExpected
                    ? " needs an expected value, was " + expected
                    : " has no expected value, was " + expected));
        }
        if (wantActual != (actual != null && !actual.isMissingNode())) {
            throw new IllegalArgumentException(kind + " difference at " + path + (wantActual
                    ? " needs an actual value, was " + actual
                    : " has no actual value, was " + actual));
        }
    }

    /** The same difference with {@code hint} (null for none). */
    public FieldDifference withHint(String hint) {
        return new FieldDifference(path, kind, expected, actual, hint);
    }

    /**
     * One line for failure messages, values cut to 60 characters with {@code …}:
     * {@code $.total_amount: missing (the message has $.totalAmount)},
     * {@code $.total: expected 42 but was 41},
     * {@code $.total: expected a number (42) but was a string ("42")},
     * {@code $.extra: unexpected "x"}.
     */
    public String describe() {
        String what = switch (kind) {
            case MISSING -> "missing";
            case UNEXPECTED -> "unexpected " + JsonValues.render(actual, JsonValues.SHOWN);
            case CHANGED -> "expected " + JsonValues.render(expected, JsonValues.SHOWN)
                    + " but was " + JsonValues.render(actual, JsonValues.SHOWN);
            case TYPE_CHANGED -> "expected " + JsonValues.typed(expected) + " but was " + JsonValues.typed(actual);
        };
        return path + ": " + what + (hint == null ? "" : " (" + hint + ")");
    }
}
