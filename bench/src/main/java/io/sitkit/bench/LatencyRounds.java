package io.sitkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Interleaves single-message latency samples of a raw client and of sitkit: warm-up rounds, then
 * measured rounds, each of {@code perRound} samples per side, alternating which side goes first.
 * Reports {@code <prefix>_detect_p50_ms}/{@code _p99_ms} (sitkit), {@code <prefix>_raw_e2e_p50_ms}/{@code _p99_ms}
 * and {@code <prefix>_detect_overhead_p99_ms} = detect p99 − raw p99; as a breakdown of the sitkit
 * side, {@code <prefix>_capture_held_p50_ms}/{@code _p99_ms}: until the capture's transport thread
 * held the message (the rest of the detect time is waking the waiting thread and matching). The
 * p50 metrics carry the smallest and largest sample as their spread and the sample count as their runs.
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class LatencyRounds {
    /** One message sent and seen. */
    @FunctionalInterface
    interface Sample {
        Timing take(int id) throws Exception;
    }

    /**
     * Nanoseconds from just before the send.
     *
     * @param seen until the side saw it (raw: its consumer; sitkit: the expectation returned)
     * @param held until sitkit's capture held it (a listener on the capture), or -1 when not measured
     */
    record Timing(long seen, long held) {
    }

    private final int warmups;
    private final int rounds;
    private final int perRound;
    private int nextId;

    LatencyRounds(int warmups, int rounds, int perRound) {
        if (warmups < 0 || rounds < 1 || perRound < 1) {
            throw new IllegalArgumentException("need >= 0 warm-ups, >= 1 round of >= 1 sample: " + warmups + ", " + rounds + ", " + perRound);
        }
        this.warmups = warmups;
        this.rounds = rounds;
        this.perRound = perRound;
    }

    void compare(String prefix, double overheadTargetMs, Sample raw, Sample sitkit) throws Exception {
        List<Double> rawMs = new ArrayList<>();
        List<Double> detectMs = new ArrayList<>();
        List<Double> heldMs = new ArrayList<>();
        for (int r = 0; r < warmups + rounds; r++) {
            boolean measured = r >= warmups;
            List<Double> rawRound = new ArrayList<>();
            List<Double> detectRound = new ArrayList<>();
            List<Double> heldRound = new ArrayList<>();
            if (r % 2 == 0) {
                run(raw, rawRound, null);
                run(sitkit, detectRound, heldRound);
            } else {
                run(sitkit, detectRound, heldRound);
                run(raw, rawRound, null);
            }
            Probe.progress("latency: %-5s %s %2d: raw p50 %.2f ms p99 %.2f ms | sitkit p50 %.2f ms p99 %.2f ms", prefix,
                    measured ? "round  " : "warm-up", measured ? r - warmups + 1 : r + 1,
                    Stats.percentile(rawRound, 0.5), Stats.percentile(rawRound, 0.99),
                    Stats.percentile(detectRound, 0.5), Stats.percentile(detectRound, 0.99));
            if (measured) {
                rawMs.addAll(rawRound);
                detectMs.addAll(detectRound);
                heldMs.addAll(heldRound);
            }
        }
        double detect99 = round2(Stats.percentile(detectMs, 0.99));
        double raw99 = round2(Stats.percentile(rawMs, 0.99));
        Probe.metric(p50(prefix + "_detect_p50_ms", detectMs));
        Probe.metric(Metric.of(prefix + "_detect_p99_ms", detect99, "ms"));
        Probe.metric(p50(prefix + "_raw_e2e_p50_ms", rawMs));
        Probe.metric(Metric.of(prefix + "_raw_e2e_p99_ms", raw99, "ms"));
        Probe.metric(Metric.of(prefix + "_detect_overhead_p99_ms", round2(detect99 - raw99), "ms").withTarget(overheadTargetMs));
        Probe.metric(p50(prefix + "_capture_held_p50_ms", heldMs));
        Probe.metric(Metric.of(prefix + "_capture_held_p99_ms", round2(Stats.percentile(heldMs, 0.99)), "ms"));
    }

    private void run(Sample side, List<Double> seen, List<Double> held) throws Exception {
        for (int i = 0; i < perRound; i++) {
            Timing t = side.take(nextId++);
            seen.add(t.seen() / 1e6);
            if (held != null) {
                held.add(t.held() / 1e6);
            }
        }
    }

    private static Metric p50(String name, List<Double> ms) {
        return new Metric(name, round2(Stats.percentile(ms, 0.5)), "ms", null, round2(Stats.min(ms)), round2(Stats.max(ms)), ms.size());
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
