package io.sitkit.expect;

import io.sitkit.core.SitkitException;

/**
 * The captures an expectation relied on were not healthy for its whole window (an error, a lost
 * broker connection, a closed capture): an environment error, never a pass and never a plain test
 * failure.
 *
 * <p>Thread-safety: immutable.
 */
public class CaptureBlindException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public CaptureBlindException(String message) {
        super(message);
    }
}
