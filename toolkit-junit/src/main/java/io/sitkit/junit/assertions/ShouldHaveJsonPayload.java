package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A JSON comparison on a payload that is not JSON. Thread-safety: immutable. */
final class ShouldHaveJsonPayload extends BasicErrorMessageFactory {
    private ShouldHaveJsonPayload(String expected, String position, String actual, String payload, String hints) {
        super("expected a JSON payload equivalent to %s\n  on %s\n  but %s\n  payload: %s%s", unquotedString(expected),
                unquotedString(position), unquotedString(actual), unquotedString(payload), unquotedString(hints));
    }

    static ShouldHaveJsonPayload shouldHaveJsonPayload(String expected, String position, String actual, String payload,
                                                       String hints) {
        return new ShouldHaveJsonPayload(expected, position, actual, payload, hints);
    }
}
