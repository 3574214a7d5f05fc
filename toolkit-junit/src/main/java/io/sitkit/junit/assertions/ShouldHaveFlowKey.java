package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A flow correlated by another key. Thread-safety: immutable. */
final class ShouldHaveFlowKey extends BasicErrorMessageFactory {
    private ShouldHaveFlowKey(String expected, String actual, String route) {
        super("expected the flow of key %s\n  but it was the flow of key %s\n  through %s", unquotedString(expected),
                unquotedString(actual), unquotedString(route));
    }

    static ShouldHaveFlowKey shouldHaveFlowKey(String expected, String actual, String route) {
        return new ShouldHaveFlowKey(expected, actual, route);
    }
}
