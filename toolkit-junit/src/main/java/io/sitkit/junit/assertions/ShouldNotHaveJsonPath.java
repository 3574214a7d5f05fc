package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A JSON path that should select nothing but does (or a payload that is not JSON). Thread-safety: immutable. */
final class ShouldNotHaveJsonPath extends BasicErrorMessageFactory {
    private ShouldNotHaveJsonPath(String path, String position, String actual, String payload) {
        super("expected nothing at %s\n  on %s\n  but %s\n  payload: %s", unquotedString(path), unquotedString(position),
                unquotedString(actual), unquotedString(payload));
    }

    /** @param actual {@code found 41}, or {@code payload is not JSON} */
    static ShouldNotHaveJsonPath shouldNotHaveJsonPath(String path, String position, String actual, String payload) {
        return new ShouldNotHaveJsonPath(path, position, actual, payload);
    }
}
