package io.sitkit.core;

/**
 * A write (publish, purge, delete, destructive receive, offset reset) refused because the
 * environment is protected and locked. The message names the environment, what was refused and how
 * to unlock on purpose.
 *
 * <p>Thread-safety: immutable.
 */
public final class ProtectedEnvironmentException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public ProtectedEnvironmentException(String message) {
        super(message);
    }
}
