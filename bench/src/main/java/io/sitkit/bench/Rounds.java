package io.sitkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A fair comparison of a raw client and sitkit on one case: warm-up rounds, then measured rounds,
 * interleaved and alternating who goes first, in the same JVM against the same broker. Reports the
 * median rate of each side with its spread, and the ratio of the medians (sitkit/raw) with the
 * spread of the per-round ratios.
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class Rounds {
    /** One timed run of a side; returns messages per second. */
    @FunctionalInterface
    interface Trial {
        double run(int round) throws Exception;
    }

    private final int warmups;
    private final int rounds;

    Rounds(int warmups, int rounds) {
        if (rounds < 1 || warmups < 0) {
            throw new IllegalArgumentException("need >= 1 round and >= 0 warm-ups: " + rounds + ", " + warmups);
        }
        this.warmups = warmups;
        this.rounds = rounds;
    }

    /**
     * Runs both sides and reports {@code <name>_raw_msgs_per_s}, {@code <name>_sitkit_msgs_per_s}, {@code <name>_ratio}.
     * With {@code -Dbench.only=<text>}, cases whose name does not contain it are skipped (for profiling).
     */
    void compare(String name, Double ratioTarget, Trial raw, Trial sitkit) throws Exception {
        String only = System.getProperty("bench.only");
        if (only != null && !name.contains(only)) {
            return;
        }
        List<Double> rawRates = new ArrayList<>();
        List<Double> sitkitRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < warmups + rounds; i++) {
            // A collection before each trial, so neither side pays for the other's garbage.
            boolean rawFirst = i % 2 == 0;
            Trial first = rawFirst ? raw : sitkit;
            Trial second = rawFirst ? sitkit : raw;
            System.gc();
            long j0 = compileMillis();
            double a = first.run(i);
            long j1 = compileMillis();
            System.gc();
            long j2 = compileMillis();
            double b = second.run(i);
            long j3 = compileMillis();
            double r = rawFirst ? a : b;
            double s = rawFirst ? b : a;
            long rawJit = rawFirst ? j1 - j0 : j3 - j2;
            long sitkitJit = rawFirst ? j3 - j2 : j1 - j0;
            boolean measured = i >= warmups;
            Probe.progress("throughput: %-20s %s %d: raw %,9.0f msgs/s  sitkit %,9.0f msgs/s  (%.3f)  JIT ms raw %d sitkit %d", name,
                    measured ? "round" : "warm-up", measured ? i - warmups + 1 : i + 1, r, s, s / r, rawJit, sitkitJit);
            if (measured) {
                rawRates.add(r);
                sitkitRates.add(s);
                ratios.add(s / r);
            }
        }
        Probe.metric(Metric.median(name + "_raw_msgs_per_s", rawRates, "msgs/s"));
        Probe.metric(Metric.median(name + "_sitkit_msgs_per_s", sitkitRates, "msgs/s"));
        double ratio = Stats.median(sitkitRates) / Stats.median(rawRates);
        Probe.metric(new Metric(name + "_ratio", ratio, "x", ratioTarget, Stats.min(ratios), Stats.max(ratios), ratios.size()));
    }

    /**
     * Milliseconds the JIT compilers have spent so far: shown per trial, because compilation that
     * still runs in a measured round takes CPU from whichever side happens to be running.
     */
    private static long compileMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    static double rate(int messages, long startNanos) {
        return messages / ((System.nanoTime() - startNanos) / 1e9);
    }
}
