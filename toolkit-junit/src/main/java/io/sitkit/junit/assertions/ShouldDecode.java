package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A payload the configured decoder could not read. Thread-safety: immutable. */
final class ShouldDecode extends BasicErrorMessageFactory {
    private ShouldDecode(String decoder, String position, String reason) {
        super("expected a payload that decodes as %s\n  on %s\n  but %s\n  hint: is the payload encoded the way the decoder expects?",
                unquotedString(decoder), unquotedString(position), unquotedString(reason));
    }

    static ShouldDecode shouldDecode(String decoder, String position, String reason) {
        return new ShouldDecode(decoder, position, reason);
    }
}
