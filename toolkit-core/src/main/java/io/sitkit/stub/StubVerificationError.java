package io.sitkit.stub;

/**
 * A stub did not receive what a test said it would; the message lists every request received
 * with what it lacked, nearest first.
 *
 * <p>Thread-safety: immutable.
 */
public class StubVerificationError extends AssertionError {
    public StubVerificationError(String message) {
        super(message);
    }
}
