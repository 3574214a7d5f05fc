package io.sitkit.expect;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.correlate.KeySource;
import io.sitkit.match.MessageMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What is expected on one destination: a message, a count of them, none, per-key order, at most
 * once per key. Reached from {@link Expectations#expect(String)}.
 *
 * <pre>{@code
 * Message m = expect.expect("kafka:orders").message(key("o-1")).within(Duration.ofSeconds(5));
 * expect.expect("jms:queue:payments").onlyNew().noMessage(header("status", "FAILED")).within(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class DestinationExpectation {
    private final Expectations context;
    private final Destination destination;
    private final int start;
    private final boolean lookBack;
    private final String key;

    DestinationExpectation(Expectations context, Destination destination, int start, boolean lookBack) {
        this(context, destination, start, lookBack, null);
    }

    private DestinationExpectation(Expectations context, Destination destination, int start, boolean lookBack, String key) {
        this.context = context;
        this.destination = destination;
        this.start = start;
        this.lookBack = lookBack;
        this.key = key;
    }

    /** A copy that ignores every message captured before this call. */
    public DestinationExpectation onlyNew() {
        if (key != null) {
            throw new IllegalStateException("call onlyNew() before forKey(…): a keyed expectation reads the flow index");
        }
        return new DestinationExpectation(context, destination, context.capture().messages(destination).size(), false, null);
    }

    /**
     * A copy that considers only the messages carrying correlation key {@code key} (by the rules
     * given to {@link Expectations#withCorrelation}), read from the flow index instead of scanning
     * the destination — the form for many expectations over a large capture.
     */
    public DestinationExpectation forKey(String key) {
        if (!lookBack) {
            throw new IllegalStateException("forKey(…) reads the flow index, which holds earlier messages too; "
                    + "it cannot be combined with onlyNew()");
        }
        if (context.rules().sourceFor(destination).isEmpty()) {
            throw new IllegalStateException("no correlation rule covers " + destination
                    + "; give one with Expectations.withCorrelation(CorrelationRules…on(\"" + destination + "\", …))");
        }
        return new DestinationExpectation(context, destination, start, lookBack, java.util.Objects.requireNonNull(key, "key"));
    }

    /** One message matching {@code matcher}; {@code within} returns the first. */
    public MessageExpectation message(MessageMatcher matcher) {
        return new MessageExpectation(new MessagesExpectation(this, matcher, Count.atLeast(1), "a message"));
    }

    /** Messages matching {@code matcher}: at least one unless {@link MessagesExpectation#count} says otherwise. */
    public MessagesExpectation messages(MessageMatcher matcher) {
        return new MessagesExpectation(this, matcher, Count.atLeast(1), null);
    }

    /** No message matching {@code matcher} (a negative expectation: it watches its whole window). */
    public NoMessageExpectation noMessage(MessageMatcher matcher) {
        return new NoMessageExpectation(new MessagesExpectation(this, matcher, Count.exactly(0), "no message"));
    }

    /**
     * Messages sharing a key (by {@code key}) arrive in increasing order of the number at
     * {@code sequencePath} — per-key order preserved.
     */
    public PerKeyExpectation inOrderPerKey(KeySource key, String sequencePath) {
        return PerKeyExpectation.ordered(this, key, sequencePath);
    }

    /** No two messages share a key (by {@code key}): at most once per key. */
    public PerKeyExpectation atMostOncePerKey(KeySource key) {
        return PerKeyExpectation.unique(this, key);
    }

    Expectations context() {
        return context;
    }

    boolean lookBack() {
        return lookBack;
    }

    Destination destination() {
        return destination;
    }

    int start() {
        return start;
    }

    /** The messages this expectation considers now. */
    List<Message> held() {
        if (key != null) {
            return context.flows().arrivals(key).stream().filter(m -> m.destination().equals(destination)).toList();
        }
        List<Message> all = context.capture().messages(destination);
        return start == 0 ? all : all.subList(Math.min(start, all.size()), all.size());
    }

    /** {@code within 2s (looking back at earlier messages)}. */
    String windowLine(Duration within) {
        return "within " + Watch.human(within) + (lookBack ? " (looking back at earlier messages)" : " (new messages only)");
    }

    /** Starts a failure message with the where/within/but lines; add witnesses, then {@link #seen}. */
    FailureReport report(String expected, Duration within, String but, Instant watchStart) {
        String where = key == null ? "on " + destination
                : "on " + destination + ", key " + key + " by " + context.rules().sourceFor(destination).orElseThrow().describe();
        return new FailureReport(expected, context.redactor()).line(where).line(windowLine(within)).line(but);
    }

    /** The per-destination counts line of a failure message. */
    FailureReport seen(FailureReport r, Instant watchStart) {
        return lookBack ? r.seen("seen since the capture started", context.capture(), Instant.MIN)
                : r.seen("seen in that time", context.capture(), watchStart);
    }
}
