package io.sitkit.stub;

import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One behaviour of a stub: which requests it takes (a core {@link MessageMatcher}), in which
 * scenario state, what it answers — one reply, or a sequence whose last reply repeats — and the
 * state it moves the scenario to. A stub tries its rules in order; the first that applies answers.
 *
 * <pre>{@code
 * // conditional: large amounts are declined
 * Rule declined = Rule.when(jsonPath("$.amount").isGreaterThan(1000)).reply(Reply.json("{\"status\":\"DECLINED\"}"));
 * // state machine: the first call fails, every later one succeeds
 * Rule first = Rule.always().inState(Rule.STARTED).reply(Reply.json("{\"status\":\"ERROR\"}")).thenState("recovered");
 * Rule later = Rule.always().inState("recovered").reply(Reply.json("{\"status\":\"OK\"}"));
 * // sequence: PENDING, then APPROVED for every further call
 * Rule seq = Rule.always().reply(Reply.json("{\"s\":\"PENDING\"}"), Reply.json("{\"s\":\"APPROVED\"}"));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Rule {
    /** The state every scenario (or every key's scenario) starts in. */
    public static final String STARTED = "Started";

    private final String name;
    private final MessageMatcher matcher;
    private final List<Reply> replies;
    private final String inState;
    private final String thenState;
    /** {@link #describe()}, made once: every exchange a stub records names its rule. */
    private volatile String description;

    private Rule(String name, MessageMatcher matcher, List<Reply> replies, String inState, String thenState) {
        this.name = name;
        this.matcher = matcher;
        this.replies = List.copyOf(replies);
        this.inState = inState;
        this.thenState = thenState;
    }

    /** A rule for requests {@code matcher} accepts. */
    public static Rule when(MessageMatcher matcher) {
        return new Rule(null, Objects.requireNonNull(matcher, "matcher"), List.of(), null, null);
    }

    /** A rule for every request. */
    public static Rule always() {
        return when(Matchers.anyMessage());
    }

    /**
     * Answers with {@code first}; with more replies, the n-th matching call gets the n-th reply and
     * calls past the end get the last one (per key when the stub keeps state per key).
     */
    public Rule reply(Reply first, Reply... then) {
        List<Reply> all = new ArrayList<>();
        all.add(Objects.requireNonNull(first, "first"));
        all.addAll(List.of(then));
        return new Rule(name, matcher, all, inState, thenState);
    }

    /** Applies only while the scenario is in {@code state} ({@link #STARTED} at first). */
    public Rule inState(String state) {
        return new Rule(name, matcher, replies, Objects.requireNonNull(state, "state"), thenState);
    }

    /** Moves the scenario to {@code state} after answering. */
    public Rule thenState(String state) {
        return new Rule(name, matcher, replies, inState, Objects.requireNonNull(state, "state"));
    }

    /** A name for exchanges and failure messages (default: the matcher's description). */
    public Rule named(String name) {
        return new Rule(Objects.requireNonNull(name, "name"), matcher, replies, inState, thenState);
    }

    /** The same rule with its replies' own destinations renamed. */
    Rule renamed(java.util.function.UnaryOperator<io.sitkit.core.Destination> names) {
        return new Rule(name, matcher, replies.stream().map(r -> r.renamed(names)).toList(), inState, thenState);
    }

    public MessageMatcher matcher() {
        return matcher;
    }

    public List<Reply> replies() {
        return replies;
    }

    /** The state this rule needs, or null for any. */
    public String requiredState() {
        return inState;
    }

    /** The state this rule moves to, or null to stay. */
    public String nextState() {
        return thenState;
    }

    /** The rule's name, or {@code when <matcher>} with its states. */
    public String describe() {
        if (name != null) {
            return name;
        }
        String d = description;
        if (d == null) {
            d = "when " + matcher.describe() + (inState == null ? "" : " in state '" + inState + "'")
                    + (thenState == null ? "" : " then state '" + thenState + "'");
            description = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return describe();
    }
}
