package io.sitkit.env;

import io.sitkit.core.SitkitException;

/**
 * {@code sitkit.environment=testcontainers} was chosen and no Docker engine answered. The message
 * says what was checked and how to switch to the embedded brokers; a test framework may turn it
 * into a skip.
 *
 * <pre>{@code
 * try { Environments.start(config); } catch (DockerUnavailableException e) { ... }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class DockerUnavailableException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public DockerUnavailableException(String message) {
        super(message);
    }
}
