package io.sitkit.core;

/**
 * Base of every error sitkit raises on purpose. Messages say what was attempted, where, and the
 * likely fix; they never contain credentials.
 *
 * <p>Thread-safety: immutable.
 */
public class SitkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SitkitException(String message) {
        super(message);
    }

    public SitkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
