package io.sitkit.core;

/**
 * A destination address could not be parsed or names something the broker does not have.
 *
 * <p>Thread-safety: immutable.
 */
public class InvalidDestinationException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public InvalidDestinationException(String message) {
        super(message);
    }
}
