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
     * A copy that also demands the message conform to {@code contractOrSchema}: the expectation
     * fails, listing the violations, when the matching message does not.
     *
     * <pre>{@code
     * expect.expect(placed.destination()).message(key("o-1")).conformingTo(checker.conformance(placed)).within(ofSeconds(5));
     * }</pre>
     */
    public MessageExpectation conformingTo(io.sitkit.schema.Conformance contractOrSchema) {
        return new MessageExpectation(messages.conformingTo(contractOrSchema));
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
