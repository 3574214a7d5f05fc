package io.sitkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Interleaves request/reply round trips answered by a sitkit stub and by a hand-written raw
 * responder: warm-up rounds, then measured rounds of {@code perRound} round trips per side. Within
 * a round the two sides take turns round trip by round trip, alternating which goes first in each
 * pair, so a burst of load from elsewhere on the machine hits both alike (a round trip takes a
 * fraction of a millisecond on JMS: batches of 100 per side were hit one at a time). A
 * {@code System.gc()} before each round clears what the last one left.
 *
 * <p>Reports, for a prefix {@code p}: {@code p_stub_roundtrip_p50_ms}/{@code _p99_ms},
 * {@code p_raw_roundtrip_p50_ms}/{@code _p99_ms} (nearest-rank over all measured samples; the p50
 * rows carry the fastest and slowest sample as their spread), and {@code p_stub_roundtrip_p50_ratio}
 * and {@code _p99_ratio} = stub / raw of those percentiles (unit {@code ms/ms}, lower is better; their
 * spread is that of the per-round ratios).
 *
 * <pre>{@code
 * new RoundTripRounds(3, 10, 100).compare("jms", 1.2, jms::stub, jms::raw);
 * }</pre>
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class RoundTripRounds {
    /** One request sent and its correlated reply received; returns the nanoseconds in between. */
    @FunctionalInterface
    interface RoundTrip {
        long take(int id) throws Exception;
    }

    private final int warmups;
    private final int rounds;
    private final int perRound;
    private int nextId;

    RoundTripRounds(int warmups, int rounds, int perRound) {
        if (warmups < 0 || rounds < 1 || perRound < 1) {
            throw new IllegalArgumentException("need >= 0 warm-ups, >= 1 round of >= 1 round trip: " + warmups + ", " + rounds + ", " + perRound);
        }
        this.warmups = warmups;
        this.rounds = rounds;
        this.perRound = perRound;
    }

    void compare(String prefix, double p50RatioTarget, RoundTrip stub, RoundTrip raw) throws Exception {
        List<Double> stubMs = new ArrayList<>();
        List<Double> rawMs = new ArrayList<>();
        List<Double> p50Ratios = new ArrayList<>();
        List<Double> p99Ratios = new ArrayList<>();
        for (int r = 0; r < warmups + rounds; r++) {
            boolean measured = r >= warmups;
            List<Double> stubRound = new ArrayList<>(perRound);
            List<Double> rawRound = new ArrayList<>(perRound);
            System.gc();
            for (int i = 0; i < perRound; i++) {
                if ((r + i) % 2 == 0) {
                    rawRound.add(raw.take(nextId++) / 1e6);
                    stubRound.add(stub.take(nextId++) / 1e6);
                } else {
                    stubRound.add(stub.take(nextId++) / 1e6);
                    rawRound.add(raw.take(nextId++) / 1e6);
                }
            }
            double rawP50 = Stats.percentile(rawRound, 0.5);
            double stubP50 = Stats.percentile(stubRound, 0.5);
            if (measured || (r + 1) % 5 == 0) {
                Probe.progress("stubs: %-5s %s %2d: raw p50 %.2f ms p99 %.2f ms | stub p50 %.2f ms p99 %.2f ms (%.3f)", prefix,
                        measured ? "round  " : "warm-up", measured ? r - warmups + 1 : r + 1,
                        rawP50, Stats.percentile(rawRound, 0.99), stubP50, Stats.percentile(stubRound, 0.99), stubP50 / rawP50);
            }
            if (measured) {
                stubMs.addAll(stubRound);
                rawMs.addAll(rawRound);
                p50Ratios.add(stubP50 / rawP50);
                p99Ratios.add(Stats.percentile(stubRound, 0.99) / Stats.percentile(rawRound, 0.99));
            }
        }
        double stub50 = Stats.percentile(stubMs, 0.5);
        double raw50 = Stats.percentile(rawMs, 0.5);
        double stub99 = Stats.percentile(stubMs, 0.99);
        double raw99 = Stats.percentile(rawMs, 0.99);
        Probe.metric(p50(prefix + "_stub_roundtrip_p50_ms", stubMs));
        Probe.metric(Metric.of(prefix + "_stub_roundtrip_p99_ms", round2(stub99), "ms"));
        Probe.metric(p50(prefix + "_raw_roundtrip_p50_ms", rawMs));
        Probe.metric(Metric.of(prefix + "_raw_roundtrip_p99_ms", round2(raw99), "ms"));
        Probe.metric(ratio(prefix + "_stub_roundtrip_p50_ratio", stub50 / raw50, p50Ratios).withTarget(p50RatioTarget));
        Probe.metric(ratio(prefix + "_stub_roundtrip_p99_ratio", stub99 / raw99, p99Ratios));
    }

    private static Metric p50(String name, List<Double> ms) {
        return new Metric(name, round2(Stats.percentile(ms, 0.5)), "ms", null, round2(Stats.min(ms)), round2(Stats.max(ms)), ms.size());
    }

    private static Metric ratio(String name, double value, List<Double> perRound) {
        return new Metric(name, round3(value), Metric.TIME_RATIO, null, round3(Stats.min(perRound)), round3(Stats.max(perRound)), perRound.size());
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
