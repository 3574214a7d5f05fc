package io.sitkit.junit;

import io.sitkit.core.SitkitException;

/**
 * The shared environment could not be started or failed its entry checks (brokers unreachable,
 * registry unreachable); every test that needs it fails with this one message.
 *
 * <p>Thread-safety: immutable.
 */
public final class EnvironmentUnavailableException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public EnvironmentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
