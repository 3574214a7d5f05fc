package io.sitkit.schema.json;

import java.util.Objects;

/**
 * One way a JSON payload breaks its schema: where ({@code $.items[0].qty}), which schema keyword
 * ({@code minimum}, {@code required}, {@code type}…) and a readable message. A payload that is not
 * JSON at all gives one violation at {@code $} with keyword {@value #SYNTAX} and the line and
 * column of the error.
 *
 * <pre>{@code
 * for (JsonViolation v : orders.validate(payload)) {
 *     log(v.toString());      // "$.items[0].qty: must have a minimum value of 1 (minimum)"
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param path    the instance path, JSONPath style, starting at {@code $}
 * @param keyword the schema keyword that failed, or {@value #SYNTAX} for a payload that is not JSON
 * @param message what is wrong, in words, on one line
 */
public record JsonViolation(String path, String keyword, String message) {
    /** The keyword of the violation reported for a payload that is not JSON. */
    public static final String SYNTAX = "syntax";

    public JsonViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("violation path must start with '$', was '" + path + "'");
        }
        if (keyword.isBlank()) {
            throw new IllegalArgumentException("violation keyword must not be blank, was '" + keyword + "'");
        }
    }

    /** {@code path: message (keyword)}. */
    @Override
    public String toString() {
        return path + ": " + message + " (" + keyword + ")";
    }
}
