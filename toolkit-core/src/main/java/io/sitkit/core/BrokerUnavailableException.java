package io.sitkit.core;

/**
 * A broker did not answer within the configured bound. The message names the broker address,
 * what was attempted and how long sitkit waited.
 *
 * <p>Thread-safety: immutable.
 */
public class BrokerUnavailableException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
