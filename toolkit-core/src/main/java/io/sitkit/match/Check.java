package io.sitkit.match;

import java.util.Objects;

/**
 * One part of a matcher evaluated against one message, for failure messages:
 * {@code $.total == 42} passed or not, what the message had instead, and a hint when one is knowable.
 *
 * <pre>{@code
 * Check c = new Check("$.total_amount == 42", false, "missing", "field `total_amount` missing; the message has `totalAmount`");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param description what was checked, as {@link MessageMatcher#describe()} says it
 * @param passed      whether the message passed it
 * @param actual      what the message had (e.g. {@code was 41}, {@code missing}); null when it passed
 * @param hint        a likely fix, or null
 */
public record Check(String description, boolean passed, String actual, String hint) {
    public Check {
        Objects.requireNonNull(description, "description");
    }

    static Check pass(String description) {
        return new Check(description, true, null, null);
    }

    static Check fail(String description, String actual) {
        return new Check(description, false, actual, null);
    }

    /** {@code ok   $.orderId == "o-1"} or {@code FAIL $.total == 42: was 41}. */
    public String render() {
        return (passed ? "ok   " : "FAIL ") + description + (actual == null || passed ? "" : ": " + actual);
    }
}
