package io.sitkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A fair comparison of a raw client and sitkit on one case: warm-up rounds, then measured rounds,
 * interleaved and alternating who goes first, in the same JVM against the same broker. Reports the
 * median rate of each side with its spread, and the ratio of the medians (sitkit/raw) with the
 * spread of the per-round ratios. The number of measured rounds is even, so each side goes first in
 * exactly half of them: with an odd number, one side would go first once more, and on two cores
 * whichever side runs first in a round is often the slower one.
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
        if (rounds < 2 || rounds % 2 != 0 || warmups < 0) {
            throw new IllegalArgumentException("need an even number of rounds (>= 2), so each side goes first"
                    + " equally often, and >= 0 warm-ups: " + rounds + " rounds, " + warmups + " warm-ups");
        }
        this.warmups = warmups;
        this.rounds = rounds;
    }

    /**
     * Runs both sides and reports {@code <name>_raw_msgs_per_s}, {@code <name>_sitkit_msgs_per_s}, {@code <name>_ratio}.
     * With {@code -Dbench.only=<text>}, cases whose name does not contain it are skipped (for profiling).
     */
    void compare(String name, Double ratioTarget, Trial raw, Trial sitkit) throws Exception {
        compare(name, ratioTarget, "raw", raw, "sitkit", sitkit);
    }

    /**
     * The same with other names for the two sides: {@code <name>_<base>_msgs_per_s},
     * {@code <name>_<other>_msgs_per_s} and {@code <name>_ratio} = other/base.
     */
    void compare(String name, Double ratioTarget, String baseName, Trial base, String otherName, Trial other) throws Exception {
        Trial raw = base;
        Trial sitkit = other;
        String only = System.getProperty("bench.only");
        if (only != null && !name.contains(only)) {
            return;
        }
        List<Double> rawRates = new ArrayList<>();
        List<Double> sitkitRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> rawGcs = new ArrayList<>();
        List<Double> sitkitGcs = new ArrayList<>();
        for (int i = 0; i < warmups + rounds; i++) {
            // A collection before each trial, so neither side pays for the other's garbage.
            boolean rawFirst = i % 2 == 0;
            Trial first = rawFirst ? raw : sitkit;
            Trial second = rawFirst ? sitkit : raw;
            System.gc();
            long j0 = compileMillis();
            long g0 = gcMillis();
            double a = first.run(i);
            long j1 = compileMillis();
            long g1 = gcMillis();
            System.gc();
            long j2 = compileMillis();
            long g2 = gcMillis();
            double b = second.run(i);
            long j3 = compileMillis();
            long g3 = gcMillis();
            double r = rawFirst ? a : b;
            double s = rawFirst ? b : a;
            long rawJit = rawFirst ? j1 - j0 : j3 - j2;
            long sitkitJit = rawFirst ? j3 - j2 : j1 - j0;
            long rawGc = rawFirst ? g1 - g0 : g3 - g2;
            long sitkitGc = rawFirst ? g3 - g2 : g1 - g0;
            boolean measured = i >= warmups;
            Probe.progress("throughput: %-20s %s %d: %s %,9.0f msgs/s  %s %,9.0f msgs/s  (%.3f)  JIT ms %s %d %s %d"
                            + "  GC pause ms %s %d %s %d", name,
                    measured ? "round" : "warm-up", measured ? i - warmups + 1 : i + 1, baseName, r, otherName, s, s / r,
                    baseName, rawJit, otherName, sitkitJit, baseName, rawGc, otherName, sitkitGc);
            if (measured) {
                rawGcs.add((double) rawGc);
                sitkitGcs.add((double) sitkitGc);
                rawRates.add(r);
                sitkitRates.add(s);
                ratios.add(s / r);
            }
        }
        Probe.metric(Metric.median(name + "_" + baseName + "_msgs_per_s", rawRates, "msgs/s"));
        Probe.metric(Metric.median(name + "_" + otherName + "_msgs_per_s", sitkitRates, "msgs/s"));
        Probe.metric(Metric.median(name + "_" + baseName + "_gc_ms", rawGcs, "ms"));
        Probe.metric(Metric.median(name + "_" + otherName + "_gc_ms", sitkitGcs, "ms"));
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

    /**
     * Milliseconds the JVM's collectors have spent so far. The broker lives in the same JVM, so a
     * young collection during a trial also copies the broker's live data: a side that allocates more
     * pays for it here, as it would in a user's test JVM.
     */
    private static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    static double rate(int messages, long startNanos) {
        return messages / ((System.nanoTime() - startNanos) / 1e9);
    }
}
