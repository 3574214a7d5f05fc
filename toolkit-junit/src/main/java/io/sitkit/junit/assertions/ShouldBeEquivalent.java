package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A JSON payload differing from the expected document, field by field. Thread-safety: immutable. */
final class ShouldBeEquivalent extends BasicErrorMessageFactory {
    private ShouldBeEquivalent(String expected, String rules, String position, String count, String differences,
                               String payload, String hints) {
        super("expected a payload equivalent to %s\n  compared %s\n  on %s\n  but %s:%s\n  payload: %s%s",
                unquotedString(expected), unquotedString(rules), unquotedString(position), unquotedString(count),
                unquotedString(differences), unquotedString(payload), unquotedString(hints));
    }

    /**
     * @param rules       how it was compared, e.g. {@code by JsonDiff[ignoring [$.timestamp]]}
     * @param count       {@code 1 field differs}, {@code 3 fields differ}
     * @param differences one {@code \n    $.path: …} line per difference
     */
    static ShouldBeEquivalent shouldBeEquivalent(String expected, String rules, String position, String count,
                                                 String differences, String payload, String hints) {
        return new ShouldBeEquivalent(expected, rules, position, count, differences, payload, hints);
    }
}
