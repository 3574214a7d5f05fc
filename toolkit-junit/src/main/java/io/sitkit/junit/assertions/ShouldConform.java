package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A message breaking a contract or schema, one line per violation. Thread-safety: immutable. */
final class ShouldConform extends BasicErrorMessageFactory {
    private ShouldConform(String conformance, String position, String count, String violations, String payload) {
        super("expected a message conforming to %s\n  on %s\n  but it has %s:%s\n  payload: %s", unquotedString(conformance),
                unquotedString(position), unquotedString(count), unquotedString(violations), unquotedString(payload));
    }

    /**
     * @param count      {@code 1 violation}, {@code 2 violations}
     * @param violations one {@code \n    …} line per violation
     */
    static ShouldConform shouldConform(String conformance, String position, String count, String violations, String payload) {
        return new ShouldConform(conformance, position, count, violations, payload);
    }
}
