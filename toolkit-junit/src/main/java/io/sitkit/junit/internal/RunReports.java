package io.sitkit.junit.internal;

import io.sitkit.report.RunReportBuilder;

import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The report being filled by the test plans running now, innermost first (a test may run a
 * launcher of its own, as the extension's own tests do). The listener pushes and pops; the
 * extension adds to the innermost one that knows the test.
 */
public final class RunReports {
    private static final Deque<RunReportBuilder> ACTIVE = new ConcurrentLinkedDeque<>();

    private RunReports() {
    }

    public static void push(RunReportBuilder builder) {
        ACTIVE.push(builder);
    }

    public static void remove(RunReportBuilder builder) {
        ACTIVE.remove(builder);
    }

    /** The innermost report that registered {@code testId}, if any. */
    public static Optional<RunReportBuilder> forTest(String testId) {
        for (RunReportBuilder b : ACTIVE) {
            if (b.knows(testId)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
