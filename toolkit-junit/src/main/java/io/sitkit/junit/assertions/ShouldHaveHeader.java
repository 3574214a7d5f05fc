package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A header or JMS property missing or with another value. Thread-safety: immutable. */
final class ShouldHaveHeader extends BasicErrorMessageFactory {
    private ShouldHaveHeader(String expected, String position, String actual, String headers, String hints) {
        super("expected %s\n  on %s\n  but %s\n  headers: %s%s", unquotedString(expected), unquotedString(position),
                unquotedString(actual), unquotedString(headers), unquotedString(hints));
    }

    /**
     * @param expected what was checked, e.g. {@code header status == "PAID"}
     * @param actual   what the message had, e.g. {@code was "NEW"}
     * @param headers  every header of the message, rendered
     * @param hints    zero or more {@code \n  hint: …} lines
     */
    static ShouldHaveHeader shouldHaveHeader(String expected, String position, String actual, String headers, String hints) {
        return new ShouldHaveHeader(expected, position, actual, headers, hints);
    }
}
