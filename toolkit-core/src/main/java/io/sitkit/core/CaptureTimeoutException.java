package io.sitkit.core;

/**
 * A wait on a capture ran out of time. An {@link AssertionError}, so a test reports it as a
 * failure, not an error. The message says what was expected, where, within how long and what
 * was actually seen.
 *
 * <p>Thread-safety: immutable.
 */
public class CaptureTimeoutException extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CaptureTimeoutException(String message) {
        super(message);
    }
}
