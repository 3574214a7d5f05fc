package io.sitkit.expect;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.match.MessageMatcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A before B: the first message matching A (on its destination) comes before the first matching B
 * (on its own), by {@link io.sitkit.core.Message#flowTimeNanos()}. Completes, or fails, as soon
 * as both are held — not at B alone, since one transport's capture may see B before the other's sees A.
 *
 * <pre>{@code
 * expect.expectOrder("kafka:orders", key("o-1")).before("jms:queue:payments", header("orderId", "o-1"))
 *       .within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class OrderExpectation {
    private final Expectations context;
    private final Destination firstAt;
    private final MessageMatcher first;
    private final Destination secondAt;
    private final MessageMatcher second;

    OrderExpectation(Expectations context, Destination firstAt, MessageMatcher first) {
        this(context, firstAt, first, null, null);
    }

    private OrderExpectation(Expectations context, Destination firstAt, MessageMatcher first, Destination secondAt,
                             MessageMatcher second) {
        this.context = context;
        this.firstAt = firstAt;
        this.first = Objects.requireNonNull(first, "matcher");
        this.secondAt = secondAt;
        this.second = second;
    }

    /** The message that must come later. */
    public OrderExpectation before(String address, MessageMatcher matcher) {
        return new OrderExpectation(context, firstAt, first, context.resolve(address), Objects.requireNonNull(matcher, "matcher"));
    }

    /**
     * Waits until both are held, and returns them [first, second].
     *
     * @throws ExpectationFailedError when the second came first, or either is missing at the deadline
     */
    public List<Message> within(Duration within) {
        if (second == null) {
            throw new IllegalStateException("say what must come later: expectOrder(…).before(address, matcher).within(…)");
        }
        Watch watch = new Watch(context.capture(), within, context.redactor()).expecting(first.describe() + " on " + firstAt
                + " before " + second.describe() + " on " + secondAt + "\n  within " + Watch.human(within));
        Message[] found = new Message[2];
        int[] scanned = {0, 0};
        watch.until(() -> {
            found[0] = found[0] != null ? found[0] : scan(firstAt, first, scanned, 0);
            found[1] = found[1] != null ? found[1] : scan(secondAt, second, scanned, 1);
            // Both are needed: a capture may see B before A even when A came first (one transport polls later).
            return found[0] != null && found[1] != null;
        });
        boolean inOrder = found[0] != null && found[1] != null && found[1].flowTimeNanos() >= found[0].flowTimeNanos();
        if (inOrder) {
            return List.of(found[0], found[1]);
        }
        String expected = first.describe() + " on " + firstAt + " before " + second.describe() + " on " + secondAt;
        String but = found[0] == null && found[1] == null ? "but neither was seen"
                : found[1] == null ? "but only the first was seen"
                : found[0] == null ? "but only the second was seen" : "but the second came first";
        FailureReport r = new FailureReport(expected, context.redactor()).line("within " + Watch.human(within)).line(but);
        if (found[1] != null) {
            r.line("second:").message(found[1]);
        }
        if (found[0] != null) {
            r.line("first:").message(found[0]);
        }
        throw r.seen("seen since the capture started", context.capture(), java.time.Instant.MIN)
                .capture(context.capture(), watch.start()).error();
    }

    private Message scan(Destination d, MessageMatcher m, int[] scanned, int slot) {
        List<Message> held = context.capture().messages(d);
        for (int i = scanned[slot]; i < held.size(); i++) {
            if (m.matches(held.get(i))) {
                scanned[slot] = i + 1;
                return held.get(i);
            }
        }
        scanned[slot] = held.size();
        return null;
    }
}
