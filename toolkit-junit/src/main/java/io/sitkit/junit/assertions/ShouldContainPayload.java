package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A payload lacking a piece of text. Thread-safety: immutable. */
final class ShouldContainPayload extends BasicErrorMessageFactory {
    private ShouldContainPayload(String text, String position, String payload) {
        super("expected the payload to contain %s\n  on %s\n  but the payload was %s", unquotedString(text),
                unquotedString(position), unquotedString(payload));
    }

    static ShouldContainPayload shouldContainPayload(String text, String position, String payload) {
        return new ShouldContainPayload(text, position, payload);
    }
}
