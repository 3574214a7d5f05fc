package io.sitkit.expect;

import java.time.Duration;

/**
 * A negative expectation: no message matching a matcher within a window. It passes only if the
 * capture was healthy for the whole window — a failed capture or a lost broker connection is a
 * {@link CaptureBlindException}, never a pass.
 *
 * <pre>{@code
 * expect.expect("jms:queue:payments").noMessage(header("status", "FAILED")).within(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class NoMessageExpectation {
    private final MessagesExpectation none;

    NoMessageExpectation(MessagesExpectation none) {
        this.none = none;
    }

    /**
     * Watches the whole window; fails as soon as a matching message is held.
     *
     * @throws ExpectationFailedError naming the message that matched
     * @throws CaptureBlindException  when the capture could not see for part of the window
     */
    public void within(Duration within) {
        none.within(within);
    }
}
