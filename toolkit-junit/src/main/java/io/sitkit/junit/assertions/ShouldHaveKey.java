package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A message with another key, or none. Thread-safety: immutable. */
final class ShouldHaveKey extends BasicErrorMessageFactory {
    private ShouldHaveKey(String expected, String position, String actual) {
        super("expected key %s\n  on %s\n  but %s", unquotedString(expected), unquotedString(position), unquotedString(actual));
    }

    /** @param actual what the message had, e.g. {@code was "o-2"} or {@code no key} */
    static ShouldHaveKey shouldHaveKey(String expected, String position, String actual) {
        return new ShouldHaveKey(expected, position, actual);
    }
}
