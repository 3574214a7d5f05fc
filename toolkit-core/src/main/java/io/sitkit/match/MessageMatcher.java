package io.sitkit.match;

import io.sitkit.core.Message;

import java.util.List;
import java.util.function.Predicate;

/**
 * A predicate over a message that can say what it checks ({@link #describe()}) and explain, check
 * by check, how a given message fared ({@link #explain(Message)}) — so a failed expectation can show
 * the nearest misses and what they lacked.
 *
 * <pre>{@code
 * MessageMatcher paidOrder = Matchers.key("o-1").and(Matchers.jsonPath("$.status").isEqualTo("PAID"));
 * boolean ok = paidOrder.matches(message);
 * }</pre>
 *
 * <p>Thread-safety: implementations are immutable and may be shared between threads.
 */
public interface MessageMatcher extends Predicate<Message> {

    /** Whether the message matches. Must not throw for any message (a non-JSON payload simply does not match). */
    boolean matches(Message message);

    /** What this matcher checks, e.g. {@code key == "o-1" and $.status == "PAID"}. */
    String describe();

    /** Each elementary check with its outcome; an {@code and} lists all its parts. */
    default List<Check> explain(Message message) {
        return List.of(new Check(describe(), matches(message), matches(message) ? null : "did not match", null));
    }

    @Override
    default boolean test(Message message) {
        return matches(message);
    }

    /** Both must match; a plain predicate joins as {@code custom predicate}. */
    @Override
    default MessageMatcher and(Predicate<? super Message> other) {
        return Matchers.allOf(this, Matchers.of(other));
    }

    /** Either may match. */
    @Override
    default MessageMatcher or(Predicate<? super Message> other) {
        return Matchers.anyOf(this, Matchers.of(other));
    }

    /** Matches what this does not. */
    @Override
    default MessageMatcher negate() {
        return Matchers.not(this);
    }

    /** Matches what this does not (same as {@link #negate()}). */
    default MessageMatcher not() {
        return Matchers.not(this);
    }
}
