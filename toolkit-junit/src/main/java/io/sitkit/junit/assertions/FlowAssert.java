package io.sitkit.junit.assertions;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;
import io.sitkit.redact.Redactor;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on a {@link Flow} — the messages sharing one correlation key: the route it took, the
 * latency of a hop, how long it took end to end, how many messages it left on a destination.
 *
 * <pre>{@code
 * Flow flow = expect.flows().flow("o-1").orElseThrow();
 * assertThat(flow)
 *         .passedThrough("kafka:orders", "jms:queue:payments", "kafka:shipments")
 *         .hasHopWithin("kafka:orders", "jms:queue:payments", Duration.ofMillis(500))
 *         .completedWithin(Duration.ofSeconds(2))
 *         .hasMessagesOn("jms:queue:payments", 1);
 * }</pre>
 *
 * <p>Times are flow times ({@link Message#flowTimeNanos()}). Failures end with the flow's actual
 * messages and their offsets from the first ({@link Flow#describe()}).
 *
 * <p>Thread-safety: not thread-safe, like every AssertJ assertion: use one chain on one thread.
 */
public class FlowAssert extends AbstractAssert<FlowAssert, Flow> {
    private Redactor redactor = io.sitkit.junit.internal.CurrentTest.redactor();

    /** Prefer {@link SitAssertions#assertThat(Flow)}. */
    public FlowAssert(Flow actual) {
        super(actual, FlowAssert.class);
    }

    /** Masks secret values (a key that is an account number, say) in failure messages.
     * In a sitkit test the test's configured redactor ({@code sitkit.redact.*}) applies without this. */
    public FlowAssert withRedactor(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        return myself;
    }

    /** The flow's correlation key is {@code key}. */
    public FlowAssert hasKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        if (!actual.key().equals(key)) {
            throwAssertionError(ShouldHaveFlowKey.shouldHaveFlowKey(mask(key), mask(actual.key()), route(actual.destinations())));
        }
        return myself;
    }

    /**
     * The flow reached these destinations in this order: each one has a message no earlier than the
     * one matched on the destination before it. Other messages may come in between.
     */
    public FlowAssert passedThrough(String... addressesInOrder) {
        List<Destination> path = destinations(addressesInOrder);
        isNotNull();
        List<Message> reached = new ArrayList<>();
        for (Destination d : path) {
            Optional<Message> next = firstOnOrAfter(d, reached.isEmpty() ? null : reached.get(reached.size() - 1), reached);
            if (next.isEmpty()) {
                String broke;
                if (reached.isEmpty()) {
                    broke = "nothing reached " + d;
                } else {
                    Destination previous = path.get(reached.size() - 1);
                    int earlier = actual.on(d).size();
                    broke = "nothing reached " + d + " after the message on " + previous + " (hop " + reached.size() + " of "
                            + (path.size() - 1) + ")" + (earlier == 0 ? "" : "; the flow has " + messages(earlier) + " on " + d + " before it");
                }
                throwAssertionError(ShouldPassThrough.shouldPassThrough(mask(actual.key()), route(path), broke, flow()));
            }
            reached.add(next.get());
        }
        return myself;
    }

    /**
     * From the first message on {@code from} to the first message on {@code to} no earlier than it
     * took at most {@code bound}.
     */
    public FlowAssert hasHopWithin(String from, String to, Duration bound) {
        Destination a = Destination.parse(from);
        Destination b = Destination.parse(to);
        requireBound(bound);
        isNotNull();
        Optional<Message> start = actual.first(a);
        Optional<Message> end = start.flatMap(s -> firstOnOrAfter(b, s, List.of(s)));
        String problem = null;
        if (start.isEmpty()) {
            problem = "the flow has no message on " + a;
        } else if (end.isEmpty()) {
            problem = "nothing reached " + b + " after the message on " + a;
        } else {
            Duration took = Flow.between(start.get(), end.get());
            if (took.compareTo(bound) > 0) {
                problem = "it took " + Durations.human(took) + ", from " + start.get().position() + " to " + end.get().position();
            }
        }
        if (problem != null) {
            throwAssertionError(ShouldHaveHopWithin.shouldHaveHopWithin(a.toString(), b.toString(), Durations.human(bound),
                    mask(actual.key()), problem, flow()));
        }
        return myself;
    }

    /** From the flow's first message to its last took at most {@code bound}. */
    public FlowAssert completedWithin(Duration bound) {
        requireBound(bound);
        isNotNull();
        if (actual.duration().compareTo(bound) > 0) {
            List<Message> all = actual.messages();
            throwAssertionError(ShouldCompleteWithin.shouldCompleteWithin(mask(actual.key()), Durations.human(bound),
                    Durations.human(actual.duration()), all.get(0).position(), all.get(all.size() - 1).position(), flow()));
        }
        return myself;
    }

    /** Exactly {@code count} of the flow's messages were seen on {@code address}. */
    public FlowAssert hasMessagesOn(String address, int count) {
        Destination d = Destination.parse(address);
        if (count < 0) {
            throw new IllegalArgumentException("a message count is >= 0, was " + count);
        }
        isNotNull();
        int seen = actual.on(d).size();
        if (seen != count) {
            Map<Destination, Integer> per = new LinkedHashMap<>();
            actual.destinations().forEach(x -> per.merge(x, 1, Integer::sum));
            String perDestination = per.isEmpty() ? "(none)"
                    : per.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            throwAssertionError(ShouldHaveMessagesOn.shouldHaveMessagesOn(messages(count), d.toString(), mask(actual.key()), seen,
                    perDestination, flow()));
        }
        return myself;
    }

    /** The first message on {@code d} at or after {@code after} (by flow time) not already taken. */
    private Optional<Message> firstOnOrAfter(Destination d, Message after, List<Message> taken) {
        for (Message m : actual.messages()) {
            if (m.destination().equals(d) && (after == null || m.flowTimeNanos() >= after.flowTimeNanos()) && !taken.contains(m)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static List<Destination> destinations(String... addresses) {
        Objects.requireNonNull(addresses, "addresses");
        if (addresses.length == 0) {
            throw new IllegalArgumentException("name at least one destination the flow passes through, e.g. passedThrough(\"kafka:orders\")");
        }
        List<Destination> out = new ArrayList<>();
        for (String a : addresses) {
            out.add(Destination.parse(a));
        }
        return out;
    }

    private static void requireBound(Duration bound) {
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative()) {
            throw new IllegalArgumentException("a time bound is >= 0, was " + bound);
        }
    }

    private static String route(List<Destination> path) {
        return path.isEmpty() ? "(no destinations)" : path.stream().map(Destination::toString).collect(Collectors.joining(" -> "));
    }

    private static String messages(int n) {
        return n + (n == 1 ? " message" : " messages");
    }

    /** {@link Flow#describe()}, indented under the failure's other lines. */
    private String flow() {
        return mask(actual.describe().replace("\n", "\n  "));
    }

    private String mask(String text) {
        return redactor.text(text);
    }
}
