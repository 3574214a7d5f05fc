package io.sitkit.schema.compat;

import java.util.Objects;

/**
 * One way a new schema version breaks readers: the earlier version it was checked against, which
 * readers break, the field, what changed and a one-line message.
 *
 * <pre>{@code
 * problem.describe();
 * // "v1, new readers of v1 data, at $.amount: field `amount` has no default, so new readers
 * //  cannot read v1 data that lacks it"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param version   the earlier version, e.g. "v1"
 * @param direction which readers break
 * @param path      the field, JSONPath style: {@code $.customer.email}, {@code $.items[*].qty},
 *                  map values {@code $.attributes.*}; {@code $} for the whole payload
 * @param change    what changed
 * @param message   the problem in words, on one line
 */
public record CompatibilityProblem(String version, ReadDirection direction, String path, ChangeKind change,
                                   String message) {
    public CompatibilityProblem {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(message, "message");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank, was '" + version + "'");
        }
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("path must start with '$', was '" + path + "'");
        }
        if (message.isBlank() || message.contains("\n") || message.contains("\r")) {
            throw new IllegalArgumentException("message must be one non-blank line, was '" + message + "'");
        }
    }

    /** "new readers of v1 data" or "v1 readers of new data". */
    public String readers() {
        return direction.describe(version);
    }

    /** {@code <version>, <readers>, at <path>: <message>}. */
    public String describe() {
        return version + ", " + readers() + ", at " + path + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
