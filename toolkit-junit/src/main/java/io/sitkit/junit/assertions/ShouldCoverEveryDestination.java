package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** Messages on destinations no contract describes. Thread-safety: immutable. */
final class ShouldCoverEveryDestination extends BasicErrorMessageFactory {
    private ShouldCoverEveryDestination(String count, String uncovered) {
        super("expected every message to be covered by a contract\n  but %s went to destinations no contract describes: %s"
                + "\n  hint: add a contract for each, or capture only the destinations you have contracts for",
                unquotedString(count), unquotedString(uncovered));
    }

    static ShouldCoverEveryDestination shouldCoverEveryDestination(String count, String uncovered) {
        return new ShouldCoverEveryDestination(count, uncovered);
    }
}
