package io.sitkit.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;
import io.sitkit.diff.JsonDiff;
import io.sitkit.match.JsonPathExpression;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A flow expectation: the messages carrying one correlation key pass through destinations
 * D1 → D2 → … in order, each hop within its own bound, with fields keeping their values across
 * hops. Waits until the last hop is reached; fails naming the hops reached (with timings) and the
 * hop that broke.
 *
 * <pre>{@code
 * Flow flow = expect.expectFlow("o-1")
 *         .through("kafka:orders", "jms:queue:payments", "kafka:shipments")
 *         .eachHopWithin(Duration.ofSeconds(2))
 *         .hopWithin(2, Duration.ofMillis(500))
 *         .consistent(FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount"))
 *         .within(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class FlowExpectation {
    private final Expectations context;
    private final String key;
    private final List<Destination> path;
    private final Duration eachHop;
    private final Map<Integer, Duration> hopBounds;
    private final List<FieldMapping> fields;

    FlowExpectation(Expectations context, String key) {
        this(context, Objects.requireNonNull(key, "key"), List.of(), null, Map.of(), List.of());
    }

    private FlowExpectation(Expectations context, String key, List<Destination> path, Duration eachHop,
                            Map<Integer, Duration> hopBounds, List<FieldMapping> fields) {
        this.context = context;
        this.key = key;
        this.path = path;
        this.eachHop = eachHop;
        this.hopBounds = hopBounds;
        this.fields = fields;
    }

    /** The destinations the flow passes through, in order (at least one, each captured). */
    public FlowExpectation through(String... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("a flow passes through at least one destination");
        }
        List<Destination> ds = Arrays.stream(addresses).map(context::resolve).toList();
        for (Destination d : ds) {
            if (context.rules().sourceFor(d).isEmpty()) {
                throw new IllegalStateException("no correlation rule covers " + d + "; give one with "
                        + "Expectations.withCorrelation(CorrelationRules…on(\"" + d + "\", …))");
            }
        }
        return new FlowExpectation(context, key, ds, eachHop, hopBounds, fields);
    }

    /** Every hop (from one destination to the next) within {@code bound}. */
    public FlowExpectation eachHopWithin(Duration bound) {
        return new FlowExpectation(context, key, path, positive(bound), hopBounds, fields);
    }

    /** Hop {@code n} (1 = from the first destination to the second) within {@code bound}; overrides {@link #eachHopWithin}. */
    public FlowExpectation hopWithin(int n, Duration bound) {
        if (n < 1 || n >= path.size()) {
            throw new IllegalArgumentException("hop " + n + " does not exist: a flow through " + path.size()
                    + " destinations has hops 1.." + (path.size() - 1) + " (call through(…) first)");
        }
        Map<Integer, Duration> copy = new java.util.HashMap<>(hopBounds);
        copy.put(n, positive(bound));
        return new FlowExpectation(context, key, path, eachHop, Map.copyOf(copy), fields);
    }

    /** The field keeps its value on every destination it is mapped on. */
    public FlowExpectation consistent(FieldMapping field) {
        List<FieldMapping> copy = new ArrayList<>(fields);
        copy.add(Objects.requireNonNull(field, "field").renamed(context.names()));
        return new FlowExpectation(context, key, path, eachHop, hopBounds, List.copyOf(copy));
    }

    /**
     * Waits until every hop is reached and returns the flow.
     *
     * @throws ExpectationFailedError when a hop is missing at the deadline, late, or a field differs
     */
    public Flow within(Duration within) {
        if (path.isEmpty()) {
            throw new IllegalStateException("say which destinations the flow passes through: expectFlow(key).through(…)");
        }
        for (FieldMapping f : fields) {
            for (Destination d : f.paths().keySet()) {
                if (!path.contains(d)) {
                    throw new IllegalArgumentException("field mapping " + f + " names " + d + ", which the flow does not pass through: " + path);
                }
            }
        }
        Watch watch = new Watch(context.capture(), within, context.redactor()).expecting("flow " + key + " through "
                + String.join(" -> ", path.stream().map(Object::toString).toList()) + "\n  within " + Watch.human(within));
        Walk[] walk = new Walk[1];
        boolean[] overdue = {false};
        watch.until(() -> {
            walk[0] = walk(context.flows().flow(key).orElse(new Flow(key, List.of())));
            Walk w = walk[0];
            if (w.reached.size() == path.size() || w.late != null) {
                return true;
            }
            Duration bound = w.reached.isEmpty() ? null : bound(w.reached.size());
            if (bound != null) {
                // The next hop has its own bound: give up on it once that has passed, not only at the overall deadline.
                java.time.Instant now = java.time.Instant.now();
                long wallNow = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                long left = w.reached.get(w.reached.size() - 1).flowTimeNanos() + bound.toNanos() - wallNow;
                if (left <= 0) {
                    overdue[0] = true;
                    return true;
                }
                watch.wakeBy(System.nanoTime() + left);
            }
            return false;
        });
        Walk w = walk[0];
        if (w.reached.size() == path.size() && w.late == null) {
            Optional<String> mismatch = fieldMismatch(w.reached);
            if (mismatch.isEmpty()) {
                return w.flow;
            }
            throw report(within, w, "but " + mismatch.get(), watch).error();
        }
        int broken = w.late != null ? w.reached.size() - 1 : w.reached.size();
        String but;
        if (w.late != null) {
            but = "but hop " + broken + " " + path.get(broken - 1) + " -> " + path.get(broken) + " took "
                    + Watch.human(w.late) + ", over its bound of " + Watch.human(bound(broken));
        } else if (overdue[0]) {
            but = "but hop " + broken + " " + path.get(broken - 1) + " -> " + path.get(broken) + " was not reached within its bound of "
                    + Watch.human(bound(broken)) + ": no message with key " + key + " on " + path.get(broken);
        } else if (broken == 0) {
            but = "but no message with key " + key + " reached " + path.get(0);
        } else {
            but = "but it broke at hop " + broken + " " + path.get(broken - 1) + " -> " + path.get(broken)
                    + ": no message with key " + key + " on " + path.get(broken) + " after the one on " + path.get(broken - 1);
        }
        FailureReport r = report(within, w, but, watch);
        Destination missing = w.late == null ? path.get(broken) : null;
        if (missing != null) {
            List<Message> there = context.capture().messages(missing);
            if (!there.isEmpty()) {
                r.line("on " + missing + " (" + there.size() + (there.size() == 1 ? " message" : " messages") + ") the keys by "
                        + context.rules().sourceFor(missing).map(s -> s.describe()).orElse("(no rule)") + " were: " + keys(there));
            } else if (context.rules().sourceFor(missing).isEmpty()) {
                r.hint("no correlation rule covers " + missing + "; add one with CorrelationRules.on(\"" + missing + "\", …)");
            }
            // the key on a destination of the missing one's kind that the route does not include: a wrong address?
            List<Destination> elsewhere = w.flow().messages().stream().map(Message::destination)
                    .filter(d -> !path.contains(d) && d.transport() == missing.transport() && d.kind() == missing.kind())
                    .distinct().toList();
            if (!elsewhere.isEmpty()) {
                r.hint("key " + key + " was seen on " + elsewhere.stream().map(Destination::toString)
                        .collect(java.util.stream.Collectors.joining(", ")) + ", which the flow does not pass through"
                        + " — sent to the wrong destination?");
            }
        }
        throw r.error();
    }

    private FailureReport report(Duration within, Walk w, String but, Watch watch) {
        StringBuilder route = new StringBuilder();
        path.forEach(d -> route.append(route.length() == 0 ? "" : " -> ").append(d));
        String bounds = eachHop == null && hopBounds.isEmpty() ? "" : ", " + boundsText();
        FailureReport r = new FailureReport("flow " + key + " through " + route, context.redactor())
                .line("correlated by " + rulesText())
                .line("within " + Watch.human(within) + bounds)
                .line(but);
        r.line("reached:");
        for (int i = 0; i < w.reached.size(); i++) {
            Message m = w.reached.get(i);
            String timing = i == 0 ? "at +0ms" : "hop " + i + " in " + Watch.human(Flow.between(w.reached.get(i - 1), m));
            r.line("  " + (i + 1) + ". " + timing + ": " + r.render(m));
        }
        if (w.reached.isEmpty()) {
            r.line("  (nothing)");
        }
        return r.seen("seen since the capture started", context.capture(), java.time.Instant.MIN).capture(context.capture(), watch.start());
    }

    private String rulesText() {
        List<String> out = new ArrayList<>();
        for (Destination d : path) {
            out.add(d + " by " + context.rules().sourceFor(d).map(s -> s.describe()).orElse("(no rule)"));
        }
        return String.join(", ", out);
    }

    private String boundsText() {
        List<String> out = new ArrayList<>();
        if (eachHop != null) {
            out.add("each hop within " + Watch.human(eachHop));
        }
        hopBounds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add("hop " + e.getKey() + " within " + Watch.human(e.getValue())));
        return String.join(", ", out);
    }

    private String keys(List<Message> there) {
        List<String> ks = new ArrayList<>();
        for (int i = Math.max(0, there.size() - 5); i < there.size(); i++) {
            ks.add(context.rules().keyOf(context.redactor().message(there.get(i))).orElse("(none)"));
        }
        return (there.size() > 5 ? "…, " : "") + String.join(", ", ks);
    }

    private Duration bound(int hop) {
        Duration b = hopBounds.get(hop);
        return b != null ? b : eachHop;
    }

    /** The hops reached so far, in order, and a hop that came too late. */
    private record Walk(Flow flow, List<Message> reached, Duration late) {
    }

    private Walk walk(Flow flow) {
        List<Message> reached = new ArrayList<>();
        Message previous = null;
        for (Destination d : path) {
            Message next = null;
            for (Message m : flow.messages()) {
                if (m.destination().equals(d) && (previous == null || m.flowTimeNanos() >= previous.flowTimeNanos())
                        && !reached.contains(m)) {
                    next = m;
                    break;
                }
            }
            if (next == null) {
                return new Walk(flow, reached, null);
            }
            reached.add(next);
            if (previous != null) {
                Duration took = Flow.between(previous, next);
                Duration bound = bound(reached.size() - 1);
                if (bound != null && took.compareTo(bound) > 0) {
                    return new Walk(flow, reached, took);
                }
            }
            previous = next;
        }
        return new Walk(flow, reached, null);
    }

    private Optional<String> fieldMismatch(List<Message> reached) {
        for (FieldMapping f : fields) {
            Destination firstAt = null;
            JsonNode firstValue = null;
            JsonPathExpression firstPath = null;
            for (Map.Entry<Destination, JsonPathExpression> e : f.paths().entrySet()) {
                int i = path.indexOf(e.getKey());
                if (i < 0) {
                    return Optional.of("field mapping " + f + " names " + e.getKey() + ", which the flow does not pass through");
                }
                Optional<JsonNode> v = e.getValue().read(reached.get(i));
                if (v.isEmpty()) {
                    return Optional.of(e.getValue().path() + " is missing on " + e.getKey() + " (" + reached.get(i).position() + ")");
                }
                if (firstValue == null) {
                    firstAt = e.getKey();
                    firstValue = v.get();
                    firstPath = e.getValue();
                } else if (!same(firstValue, v.get())) {
                    // Compared on the real values, shown from the redacted messages.
                    Message firstShown = context.redactor().message(reached.get(path.indexOf(firstAt)));
                    Message shown = context.redactor().message(reached.get(i));
                    String a = shownValue(firstPath, firstShown);
                    String b = shownValue(e.getValue(), shown);
                    return Optional.of(firstPath.path() + " on " + firstAt + " is " + a + " while "
                            + e.getValue().path() + " on " + e.getKey() + " is " + b
                            + (a.equals(b) ? " (the values differ; the redactor masks both)" : ""));
                }
            }
        }
        return Optional.empty();
    }

    private static String shownValue(JsonPathExpression p, Message m) {
        return p.read(m).map(v -> JsonDiff.render(v, 60)).orElse("(redacted)");
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a hop bound must be > 0: " + d);
        }
        return d;
    }
}
