package io.sitkit.expect;

import io.sitkit.core.Message;
import io.sitkit.match.MessageMatcher;
import io.sitkit.schema.Conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Messages matching a matcher on one destination, counted ({@link Count}); {@link #within} waits
 * and returns them.
 *
 * <pre>{@code
 * List<Message> two = expect.expect("kafka:orders").messages(key("o-1")).count(Count.exactly(2)).within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class MessagesExpectation {
    private final DestinationExpectation on;
    private final MessageMatcher matcher;
    private final Count count;
    private final String what;
    private final List<Conformance> conformances;

    MessagesExpectation(DestinationExpectation on, MessageMatcher matcher, Count count, String what) {
        this(on, matcher, count, what, List.of());
    }

    private MessagesExpectation(DestinationExpectation on, MessageMatcher matcher, Count count, String what,
                                List<Conformance> conformances) {
        this.on = on;
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.count = Objects.requireNonNull(count, "count");
        this.what = what;
        this.conformances = List.copyOf(conformances);
    }

    /** A copy wanting {@code count} matching messages. */
    public MessagesExpectation count(Count count) {
        return new MessagesExpectation(on, matcher, count, null, conformances);
    }

    /**
     * A copy that also demands every matching message conform to {@code contractOrSchema}; one
     * that does not fails the expectation with its violations listed.
     */
    public MessagesExpectation conformingTo(Conformance contractOrSchema) {
        List<Conformance> all = new ArrayList<>(conformances);
        all.add(Objects.requireNonNull(contractOrSchema, "contractOrSchema"));
        return new MessagesExpectation(on, matcher, count, what, all);
    }

    /**
     * Waits until the count holds ({@code atLeast}) or for the whole window ({@code exactly},
     * {@code atMost}), and returns the matching messages in capture order.
     *
     * @throws ExpectationFailedError when the count does not hold, with what was seen
     * @throws CaptureBlindException  when the capture failed or lost its broker during a window it had to watch whole
     */
    public List<Message> within(Duration within) {
        Watch watch = new Watch(on.context().capture(), within, on.context().redactor())
                .expecting(expected() + "\n  on " + on.destination() + "\n  " + on.windowLine(within));
        List<Message> matched = new ArrayList<>();
        int[] scanned = {0};
        boolean[] over = {false};
        watch.until(() -> {
            List<Message> held = on.held();
            for (int i = scanned[0]; i < held.size(); i++) {
                Message m = held.get(i);
                if (matcher.matches(m)) {
                    matched.add(m);
                }
            }
            scanned[0] = held.size();
            if (count.exceeded(matched.size())) {
                over[0] = true;
                return true;
            }
            return !count.watchesWholeWindow() && count.holds(matched.size());
        });
        if (!over[0] && count.holds(matched.size())) {
            if (count.watchesWholeWindow()) {
                List<String> problems = watch.problems(on.lookBack());
                if (!problems.isEmpty()) {
                    throw watch.blind("cannot confirm " + expected() + " on " + on.destination() + " within "
                            + Watch.human(within) + ": the capture was not healthy for the whole window:\n  "
                            + String.join("\n  ", problems));
                }
            }
            conform(within, matched, watch);
            return List.copyOf(matched);
        }
        throw failure(within, matched, watch);
    }

    private void conform(Duration within, List<Message> matched, Watch watch) {
        for (Conformance c : conformances) {
            for (Message m : matched) {
                List<String> violations = c.violations(m);
                if (!violations.isEmpty()) {
                    FailureReport report = on.report(expected(), within, "but message " + m.position() + " violates "
                            + c.describe() + ":", watch.start());
                    for (String v : violations) {
                        report.line("  - " + v);
                    }
                    report.message(m);
                    throw report.error();
                }
            }
        }
    }

    private String expected() {
        return (what != null ? what : count.describe()) + " matching " + matcher.describe()
                + (conformances.isEmpty() ? "" : ", conforming to " + String.join(" and ",
                conformances.stream().map(Conformance::describe).toList()));
    }

    private ExpectationFailedError failure(Duration within, List<Message> matched, Watch watch) {
        int n = matched.size();
        boolean tooMany = count.exceeded(n);
        String but = "but saw " + n + " matching";
        if (tooMany && count.value() == 0) {
            Duration after = Duration.between(watch.start(), matched.get(0).capturedAt());
            but += after.isNegative() ? ", captured before the expectation started" : ", the first after " + Watch.human(after);
        }
        FailureReport report = on.report(expected(), within, but, watch.start());
        if (tooMany) {
            for (Message m : matched.subList(0, Math.min(n, count.value() + 3))) {
                report.message(m);
            }
            if (n > count.value() + 3) {
                report.line("  … and " + (n - count.value() - 3) + " more");
            }
            on.seen(report, watch.start());
        } else {
            on.seen(report, watch.start());
            java.util.Set<Message> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            hit.addAll(matched);
            List<Message> misses = new ArrayList<>();
            for (Message m : on.held()) {
                if (!hit.contains(m)) {
                    misses.add(m);
                }
            }
            report.nearestMisses(misses, matcher, on.context().nearestMisses(), on.destination().toString());
        }
        return report.capture(on.context().capture(), watch.start()).error();
    }
}
