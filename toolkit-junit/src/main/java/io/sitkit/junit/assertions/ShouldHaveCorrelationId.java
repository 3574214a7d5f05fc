package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A JMS message with another correlation id, or a message that has none. Thread-safety: immutable. */
final class ShouldHaveCorrelationId extends BasicErrorMessageFactory {
    private ShouldHaveCorrelationId(String expected, String position, String actual, String hints) {
        super("expected JMSCorrelationID %s\n  on %s\n  but %s%s", unquotedString(expected), unquotedString(position),
                unquotedString(actual), unquotedString(hints));
    }

    static ShouldHaveCorrelationId shouldHaveCorrelationId(String expected, String position, String actual, String hints) {
        return new ShouldHaveCorrelationId(expected, position, actual, hints);
    }
}
