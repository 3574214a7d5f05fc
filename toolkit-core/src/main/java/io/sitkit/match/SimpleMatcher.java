package io.sitkit.match;

import io.sitkit.core.Message;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A matcher made of a description, a test and a way to say what the message had instead.
 *
 * <p>Thread-safety: immutable when its functions are.
 */
final class SimpleMatcher implements MessageMatcher {
    private final String description;
    private final Predicate<Message> test;
    private final Function<Message, String> actual;

    SimpleMatcher(String description, Predicate<Message> test, Function<Message, String> actual) {
        this.description = Objects.requireNonNull(description, "description");
        this.test = Objects.requireNonNull(test, "test");
        this.actual = actual;
    }

    @Override
    public boolean matches(Message message) {
        try {
            return test.test(message);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<Check> explain(Message message) {
        try {
            test.test(message);
        } catch (RuntimeException e) {
            return List.of(Check.fail(description, "the predicate threw " + e));
        }
        if (matches(message)) {
            return List.of(Check.pass(description));
        }
        String had;
        try {
            had = actual == null ? "did not match" : actual.apply(message);
        } catch (RuntimeException e) {
            had = "could not be read: " + e.getMessage();
        }
        return List.of(Check.fail(description, had));
    }

    @Override
    public String toString() {
        return description;
    }
}
