package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A flow with another number of messages on a destination. Thread-safety: immutable. */
final class ShouldHaveMessagesOn extends BasicErrorMessageFactory {
    private ShouldHaveMessagesOn(String expected, String address, String key, int actual, String perDestination, String flow) {
        super("expected %s on %s\n  in flow %s\n  but saw %s\n  per destination: %s\n  %s", unquotedString(expected),
                unquotedString(address), unquotedString(key), actual, unquotedString(perDestination), unquotedString(flow));
    }

    /** @param expected {@code 1 message}, {@code 2 messages} */
    static ShouldHaveMessagesOn shouldHaveMessagesOn(String expected, String address, String key, int actual,
                                                     String perDestination, String flow) {
        return new ShouldHaveMessagesOn(expected, address, key, actual, perDestination, flow);
    }
}
