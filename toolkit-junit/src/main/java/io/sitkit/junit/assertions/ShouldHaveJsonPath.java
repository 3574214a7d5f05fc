package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A JSON path missing, or holding another value. Thread-safety: immutable. */
final class ShouldHaveJsonPath extends BasicErrorMessageFactory {
    private ShouldHaveJsonPath(String expected, String position, String actual, String payload, String hints) {
        super("expected %s\n  on %s\n  but %s\n  payload: %s%s", unquotedString(expected), unquotedString(position),
                unquotedString(actual), unquotedString(payload), unquotedString(hints));
    }

    /**
     * @param expected the check, e.g. {@code $.total == 42} or {@code $.total exists}
     * @param actual   what was there, e.g. {@code was 41}, {@code missing}, {@code payload is not JSON}
     */
    static ShouldHaveJsonPath shouldHaveJsonPath(String expected, String position, String actual, String payload, String hints) {
        return new ShouldHaveJsonPath(expected, position, actual, payload, hints);
    }
}
