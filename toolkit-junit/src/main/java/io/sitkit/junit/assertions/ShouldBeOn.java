package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A message seen on another destination. Thread-safety: immutable. */
final class ShouldBeOn extends BasicErrorMessageFactory {
    private ShouldBeOn(String expected, String position) {
        super("expected a message on %s\n  but it was on %s", unquotedString(expected), unquotedString(position));
    }

    static ShouldBeOn shouldBeOn(String expected, String position) {
        return new ShouldBeOn(expected, position);
    }
}
