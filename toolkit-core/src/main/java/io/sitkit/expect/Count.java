package io.sitkit.expect;

/**
 * How many matching messages an expectation wants: {@code exactly(2)}, {@code atLeast(1)},
 * {@code atMost(3)}. {@code atLeast} completes as soon as it holds; {@code exactly} and
 * {@code atMost} are claims about the whole window, so they watch it to the end (and fail as soon
 * as one message too many arrives).
 *
 * <pre>{@code
 * expectations.expect("kafka:orders").messages(key("o-1")).count(Count.exactly(2)).within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind  the comparison
 * @param value the number, &gt;= 0 ({@code atLeast} needs &gt;= 1)
 */
public record Count(Kind kind, int value) {
    /** The comparison of a {@link Count}. */
    public enum Kind { EXACTLY, AT_LEAST, AT_MOST }

    public Count {
        if (kind == null) {
            throw new IllegalArgumentException("count kind is null");
        }
        if (value < 0 || kind == Kind.AT_LEAST && value == 0) {
            throw new IllegalArgumentException("count must be " + (kind == Kind.AT_LEAST ? ">= 1" : ">= 0") + ": " + value);
        }
    }

    public static Count exactly(int n) {
        return new Count(Kind.EXACTLY, n);
    }

    public static Count atLeast(int n) {
        return new Count(Kind.AT_LEAST, n);
    }

    public static Count atMost(int n) {
        return new Count(Kind.AT_MOST, n);
    }

    /** Whether {@code n} matching messages satisfy it. */
    public boolean holds(int n) {
        return switch (kind) {
            case EXACTLY -> n == value;
            case AT_LEAST -> n >= value;
            case AT_MOST -> n <= value;
        };
    }

    /** Whether more messages can no longer repair it. */
    boolean exceeded(int n) {
        return kind != Kind.AT_LEAST && n > value;
    }

    /** Whether it must watch the whole window (it claims something about the absence of more). */
    boolean watchesWholeWindow() {
        return kind != Kind.AT_LEAST;
    }

    /** {@code exactly 2 messages}, {@code at least 1 message}. */
    public String describe() {
        String k = switch (kind) {
            case EXACTLY -> "exactly ";
            case AT_LEAST -> "at least ";
            case AT_MOST -> "at most ";
        };
        return k + value + (value == 1 ? " message" : " messages");
    }
}
