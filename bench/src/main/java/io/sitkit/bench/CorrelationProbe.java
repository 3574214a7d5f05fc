package io.sitkit.bench;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.internal.CaptureBuffer;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.FlowIndex;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Expectations;
import io.sitkit.expect.FieldMapping;
import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Child main of the {@code correlation} suite: a capture of {@link OrderTraffic} (100,000 keys ×
 * 10 messages, about 300 bytes each) fed straight into a {@link CaptureBuffer} in batches of 500
 * per destination through {@code acceptAll} — the call the transports' capture threads make —
 * then, over {@code bench.correlation.rounds} rounds (default 5) in this JVM:
 *
 * <ul>
 *   <li>{@code flows_build_ms}: a new {@link FlowIndex} caught up with the whole capture, and the
 *       flow of every key materialised ({@code flows_index_ms} + {@code flows_materialise_ms});</li>
 *   <li>{@code expectations_eval_ms}: 10,000 expectations with content matchers, all passing,
 *       declared and evaluated with {@code within(Duration.ZERO)} on an {@link Expectations} whose
 *       index is already built ({@code expectations_index_ms}, once);</li>
 * </ul>
 *
 * and once, after full collections, the heap in use with the capture and one index alive against
 * the payload bytes held. Generating the messages is not timed.
 */
public final class CorrelationProbe {
    static final int KEYS = 100_000;
    static final int EXPECTATIONS = 10_000;
    static final int BATCH = 500;
    private static final String[] PATH = {"kafka:orders", "jms:queue:payments", "kafka:shipments", "jms:topic:notifications"};

    private CorrelationProbe() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.correlation.rounds", 5);
        long baseline = heapAfterGc();
        Probe.progress("correlation: generating %,d messages", KEYS * OrderTraffic.MESSAGES_PER_KEY);
        Message[] generated = OrderTraffic.generate(KEYS);
        long payloadBytes = 0;
        for (Message m : generated) {
            payloadBytes += m.payloadSize();
        }
        CaptureBuffer capture = new CaptureBuffer(new LinkedHashSet<>(List.of(OrderTraffic.ORDERS, OrderTraffic.PAYMENTS,
                OrderTraffic.SHIPMENTS, OrderTraffic.NOTIFICATIONS)), generated.length, 4L << 30, "bench: fed directly");
        long t0 = System.nanoTime();
        feed(capture, generated);
        double feedMs = (System.nanoTime() - t0) / 1e6;
        generated = null;
        if (capture.size() != KEYS * OrderTraffic.MESSAGES_PER_KEY || capture.dropped() != 0) {
            throw new IllegalStateException("capture holds " + capture.size() + ", dropped " + capture.dropped());
        }
        CorrelationRules rules = CorrelationRules.byDefault(KeySource.kafkaKey())
                .on("kafka:orders", KeySource.jsonPath("$.orderId"))
                .on("jms:queue:payments", KeySource.header("orderId"))
                .on("jms:topic:notifications", KeySource.jsonPath("$.order.id"));
        String[] keys = new String[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = OrderTraffic.key(k);
        }

        List<Double> build = new ArrayList<>();
        List<Double> index = new ArrayList<>();
        List<Double> materialise = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            System.gc();
            long a = System.nanoTime();
            FlowIndex idx = FlowIndex.over(capture, rules);
            idx.catchUp();
            long b = System.nanoTime();
            long held = 0;
            for (String k : keys) {
                Flow f = idx.flow(k).orElseThrow(() -> new IllegalStateException("no flow for " + k));
                held += f.messages().size();
            }
            long c = System.nanoTime();
            if (held != capture.size()) {
                throw new IllegalStateException("flows hold " + held + " messages, the capture " + capture.size());
            }
            build.add(round((c - a) / 1e6));
            index.add(round((b - a) / 1e6));
            materialise.add(round((c - b) / 1e6));
            Probe.progress("correlation: flows round %d/%d: %.0f ms (index %.0f, flows %.0f)", r, rounds,
                    build.get(r - 1), index.get(r - 1), materialise.get(r - 1));
        }

        Expectations expect = Expectations.of(capture).withCorrelation(rules);
        System.gc();
        long e0 = System.nanoTime();
        expect.flows().catchUp();
        double expectIndexMs = (System.nanoTime() - e0) / 1e6;
        MessageMatcher newOrder = Matchers.jsonPath("$.total").isGreaterThan(0).and(Matchers.jsonPath("$.status").isEqualTo("NEW"));
        FieldMapping amount = FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount");
        List<Double> eval = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            System.gc();
            long a = System.nanoTime();
            for (int i = 0; i < EXPECTATIONS; i++) {
                // Every tenth key, so the expectations spread over the whole capture.
                String k = keys[i * (KEYS / EXPECTATIONS)];
                if (i % 2 == 0) {
                    expect.expect("kafka:orders").forKey(k).message(newOrder).within(Duration.ZERO);
                } else {
                    expect.expectFlow(k).through(PATH).eachHopWithin(Duration.ofSeconds(5)).consistent(amount).within(Duration.ZERO);
                }
            }
            eval.add(round((System.nanoTime() - a) / 1e6));
            Probe.progress("correlation: expectations round %d/%d: %.0f ms", r, rounds, eval.get(r - 1));
        }

        long heap = heapAfterGc();
        java.lang.ref.Reference.reachabilityFence(expect);
        java.lang.ref.Reference.reachabilityFence(capture);

        Probe.metric(Metric.median("flows_build_ms", build, "ms").withTarget(2000));
        Probe.metric(Metric.median("flows_index_ms", index, "ms"));
        Probe.metric(Metric.median("flows_materialise_ms", materialise, "ms"));
        Probe.metric(Metric.median("expectations_eval_ms", eval, "ms").withTarget(1000));
        Probe.metric(Metric.of("expectations_index_ms", round(expectIndexMs), "ms"));
        Probe.metric(Metric.of("heap_per_payload_ratio", round(heap / (double) payloadBytes), "B/B").withTarget(2.0));
        Probe.metric(Metric.of("heap_used_mb", round(heap / 1048576.0), "MB"));
        Probe.metric(Metric.of("heap_baseline_mb", round(baseline / 1048576.0), "MB"));
        Probe.metric(Metric.of("payload_mb", round(payloadBytes / 1048576.0), "MB"));
        Probe.metric(Metric.of("payload_avg_bytes", round(payloadBytes / (double) capture.size()), "bytes"));
        Probe.metric(Metric.of("capture_feed_ms", round(feedMs), "ms"));
        System.exit(0);
    }

    /**
     * Feeds the messages in capture-time order, as the transports would: each destination's
     * messages gather into a batch that goes to {@code acceptAll} when it holds {@value #BATCH}.
     */
    private static void feed(CaptureBuffer capture, Message[] messages) {
        Map<Destination, List<Message>> pending = new LinkedHashMap<>();
        for (Message m : messages) {
            List<Message> batch = pending.computeIfAbsent(m.destination(), d -> new ArrayList<>(BATCH));
            batch.add(m);
            if (batch.size() == BATCH) {
                capture.acceptAll(batch);
                pending.put(m.destination(), new ArrayList<>(BATCH));
            }
        }
        pending.values().forEach(capture::acceptAll);
    }

    /**
     * Heap in use after full collections: {@code System.gc()} three times (a complete, synchronous
     * collection under the parallel collector the suite runs with), the smallest reading kept.
     */
    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
