package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.correlate.Hop;
import io.sitkit.fx.service.CorrelationResult.Hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A flow as the correlation view draws it: lanes (one per destination, the expected route's first, in
 * its order, then the others as the flow reaches them) and steps down the page — each message of
 * the flow in time order with the latency since the one before, and a gap wherever a destination of
 * the expected route has no message, placed before the first message of a later route destination
 * (the messages after it are still shown). Without a route there are no gaps.
 *
 * <pre>{@code
 * FlowChart chart = FlowChart.of(result, settings.route());
 * chart.lanes();   // kafka:orders, jms:queue:payments, kafka:shipments
 * chart.steps();   // hop, hop, gap "missing: kafka:shipments"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param key   the key followed
 * @param lanes the columns, left to right
 * @param steps the rows, top to bottom
 * @param route the expected route (empty when none is set)
 */
public record FlowChart(String key, List<Lane> lanes, List<Step> steps, List<Destination> route) {
    public FlowChart {
        Objects.requireNonNull(key, "key");
        lanes = List.copyOf(lanes);
        steps = List.copyOf(steps);
        route = List.copyOf(route);
    }

    /**
     * A column.
     *
     * @param connection  the connection the destination is on ("" for a route destination no message was found on)
     * @param destination the destination
     * @param label       its address, with the connection's name when messages came from several
     */
    public record Lane(String connection, Destination destination, String label) {
    }

    /** A row: a message of the flow, or a gap where the route expected one. */
    public sealed interface Step {
        /** The index of the step's lane. */
        int lane();
    }

    /**
     * A message of the flow.
     *
     * @param lane    its lane
     * @param hit     the message
     * @param latency since the message before it in the flow (the core's {@link Hop}), null for the first
     */
    public record HopStep(int lane, Hit hit, Duration latency) implements Step {
    }

    /**
     * A destination of the expected route without a message for the key.
     *
     * @param lane        its lane
     * @param destination the destination
     */
    public record GapStep(int lane, Destination destination) implements Step {
        /** "missing: kafka:shipments". */
        public String label() {
            return "missing: " + destination;
        }
    }

    /** Lays out {@code result} along {@code route} (empty for none). */
    public static FlowChart of(CorrelationResult result, List<Destination> route) {
        List<Hit> hits = result.hits();
        boolean several = hits.stream().map(Hit::connection).distinct().count() > 1;
        Map<String, Integer> laneIndex = new LinkedHashMap<>();
        List<Lane> lanes = new ArrayList<>();
        for (Destination d : route) {
            List<String> connections = hits.stream().filter(h -> h.destination().equals(d)).map(Hit::connection).distinct().toList();
            for (String c : connections.isEmpty() ? List.of("") : connections) {
                laneIndex.put(c + "\n" + d, lanes.size());
                lanes.add(new Lane(c, d, several && !c.isEmpty() ? d + " · " + c : d.toString()));
            }
        }
        for (Hit h : hits) {
            laneIndex.computeIfAbsent(h.connection() + "\n" + h.destination(), k -> {
                lanes.add(new Lane(h.connection(), h.destination(), several ? h.destination() + " · " + h.connection() : h.destination().toString()));
                return lanes.size() - 1;
            });
        }
        List<Hop> hops = result.flow().hops();
        List<Step> steps = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < route.size(); i++) {
            Destination d = route.get(i);
            if (hits.stream().noneMatch(h -> h.destination().equals(d))) {
                missing.add(i);
            }
        }
        int nextGap = 0;
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            int at = route.indexOf(h.destination());
            while (at >= 0 && nextGap < missing.size() && missing.get(nextGap) < at) {
                Destination d = route.get(missing.get(nextGap++));
                steps.add(new GapStep(laneIndex.get("\n" + d), d));
            }
            steps.add(new HopStep(laneIndex.get(h.connection() + "\n" + h.destination()), h, i == 0 ? null : hops.get(i - 1).latency()));
        }
        while (nextGap < missing.size()) {
            Destination d = route.get(missing.get(nextGap++));
            steps.add(new GapStep(laneIndex.get("\n" + d), d));
        }
        return new FlowChart(result.key(), lanes, steps, route);
    }

    /** The gaps, in order. */
    public List<GapStep> gaps() {
        return steps.stream().filter(s -> s instanceof GapStep).map(s -> (GapStep) s).toList();
    }

    /** The messages, in order. */
    public List<HopStep> hops() {
        return steps.stream().filter(s -> s instanceof HopStep).map(s -> (HopStep) s).toList();
    }

    /** "+12 ms", "+1.5 ms", "+2,310 ms": a hop's latency for its label, in milliseconds. */
    public static String latencyLabel(Duration latency) {
        long micros = latency.toNanos() / 1_000;
        return micros % 1_000 == 0 || micros >= 100_000 ? String.format(java.util.Locale.ROOT, "+%,d ms", Math.round(micros / 1000.0))
                : String.format(java.util.Locale.ROOT, "+%.1f ms", micros / 1000.0);
    }
}
