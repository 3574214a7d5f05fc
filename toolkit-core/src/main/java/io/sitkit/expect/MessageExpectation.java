package io.sitkit.expect;

import io.sitkit.core.Message;

import java.time.Duration;

/**
 * One message matching a matcher on one destination; {@link #within} waits for it and returns it.
 *
 * <pre>{@code
 * Message order = expect.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("o-1")).within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class MessageExpectation {
    private final MessagesExpectation messages;

    MessageExpectation(MessagesExpectation messages) {
        this.messages = messages;
    }

    /**
     * Waits until a matching message is held and returns the first one.
     *
     * @throws ExpectationFailedError at the deadline, with what was seen and the nearest misses
     */
    public Message within(Duration within) {
        return messages.within(within).get(0);
    }
}
