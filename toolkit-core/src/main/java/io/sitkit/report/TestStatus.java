package io.sitkit.report;

/**
 * How a test ended.
 *
 * <pre>{@code
 * builder.finished("orders#placed", TestStatus.FAILED, Duration.ofMillis(830), error.getMessage());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum TestStatus {
    /** Every assertion held. */
    PASSED,
    /** An assertion failed or the test threw. */
    FAILED,
    /** An assumption did not hold, or the test was still running when the report was built. */
    ABORTED,
    /** The test was disabled or not run. */
    SKIPPED
}
