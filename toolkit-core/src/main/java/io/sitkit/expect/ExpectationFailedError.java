package io.sitkit.expect;

/**
 * An expectation did not hold: a test failure, with a message that says what was expected, where,
 * within how long, what was seen and the nearest misses.
 *
 * <p>Thread-safety: immutable.
 */
public class ExpectationFailedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    public ExpectationFailedError(String message) {
        super(message);
    }
}
