package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A message failing a matcher, check by check. Thread-safety: immutable. */
final class ShouldMatch extends BasicErrorMessageFactory {
    private ShouldMatch(String matcher, String position, String failed, String checks, String payload, String hints) {
        super("expected a message matching %s\n  on %s\n  but %s:%s\n  payload: %s%s", unquotedString(matcher),
                unquotedString(position), unquotedString(failed), unquotedString(checks), unquotedString(payload),
                unquotedString(hints));
    }

    /**
     * @param failed {@code 1 of 2 checks failed}
     * @param checks one {@code \n    ok   …} / {@code \n    FAIL …: what was there} line per check
     */
    static ShouldMatch shouldMatch(String matcher, String position, String failed, String checks, String payload, String hints) {
        return new ShouldMatch(matcher, position, failed, checks, payload, hints);
    }
}
