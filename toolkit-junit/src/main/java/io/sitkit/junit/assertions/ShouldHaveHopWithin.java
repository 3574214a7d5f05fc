package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A hop of a flow missing or slower than its bound. Thread-safety: immutable. */
final class ShouldHaveHopWithin extends BasicErrorMessageFactory {
    private ShouldHaveHopWithin(String from, String to, String bound, String key, String actual, String flow) {
        super("expected a hop %s -> %s within %s\n  in flow %s\n  but %s\n  %s", unquotedString(from), unquotedString(to),
                unquotedString(bound), unquotedString(key), unquotedString(actual), unquotedString(flow));
    }

    static ShouldHaveHopWithin shouldHaveHopWithin(String from, String to, String bound, String key, String actual, String flow) {
        return new ShouldHaveHopWithin(from, to, bound, key, actual, flow);
    }
}
