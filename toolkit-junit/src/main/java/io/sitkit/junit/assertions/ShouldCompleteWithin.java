package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A flow that took longer than its bound from first to last message. Thread-safety: immutable. */
final class ShouldCompleteWithin extends BasicErrorMessageFactory {
    private ShouldCompleteWithin(String key, String bound, String took, String from, String to, String flow) {
        super("expected flow %s to complete within %s\n  but it took %s from %s to %s\n  %s", unquotedString(key),
                unquotedString(bound), unquotedString(took), unquotedString(from), unquotedString(to), unquotedString(flow));
    }

    static ShouldCompleteWithin shouldCompleteWithin(String key, String bound, String took, String from, String to, String flow) {
        return new ShouldCompleteWithin(key, bound, took, from, to, flow);
    }
}
