package io.sitkit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A fair comparison of a raw client and sitkit on one case: warm-up rounds, then measured rounds,
 * in the same JVM against the same broker. Each round is made of {@code slices} pairs of short
 * trials, raw and sitkit one after the other, alternating who goes first from pair to pair; a
 * side's rate in a round is its messages over its summed time (every slice of a case moves the same
 * number of messages). Reports each side's median rate and median GC pause milliseconds with
 * their spread ({@code <name>_<side>_msgs_per_s}, {@code <name>_<side>_gc_ms}), the median of the
 * per-round ratios with their spread ({@code <name>_ratio}, sitkit/raw) and the ratio of the two
 * median rates ({@code <name>_medians_ratio}).
 *
 * <p>Why slices: on this kind of VM, the speed the process gets drifts over seconds (identical code
 * ran from about 200,000 to 500,000 msgs/s from one one-second trial to the next, with the same
 * batches and more CPU per message in the slow ones). Two long trials side by side then sample
 * different speeds; many short ones interleaved sample the same. The number of measured rounds is
 * even and the number of slices 1 or even, so each side goes first equally often.
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class Rounds {
    /** One timed run of a side; returns messages per second. */
    @FunctionalInterface
    interface Trial {
        /** @param index distinct for every trial of a side in a case (a fresh JMS queue name, say) */
        double run(int index) throws Exception;
    }

    private final int warmups;
    private final int rounds;
    private final int slices;

    Rounds(int warmups, int rounds, int slices) {
        if (rounds < 2 || rounds % 2 != 0 || warmups < 0 || slices < 1 || (slices > 1 && slices % 2 != 0)) {
            throw new IllegalArgumentException("need an even number of rounds (>= 2) and 1 or an even number of"
                    + " slices, so each side goes first equally often, and >= 0 warm-ups: " + rounds + " rounds, "
                    + slices + " slices, " + warmups + " warm-ups");
        }
        this.warmups = warmups;
        this.rounds = rounds;
        this.slices = slices;
    }

    /** Trials per side in a round: a case's message count per round is divided by this. */
    int slices() {
        return slices;
    }

    /**
     * A slice's share of {@code perRound} messages at {@code scale}; refuses a share under one message,
     * which would time nothing (a rate of 0 and a ratio of 0/0).
     */
    int perSlice(String what, int perRound, double scale) {
        int n = (int) (perRound * scale / slices);
        if (n < 1) {
            throw new IllegalArgumentException(what + ": " + perRound + " messages a round at scale " + scale + " in "
                    + slices + " slices leave none to a slice; raise bench.scale or lower bench.slices");
        }
        return n;
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
        String only = System.getProperty("bench.only");
        if (only != null && !name.contains(only)) {
            return;
        }
        List<Double> baseRates = new ArrayList<>();
        List<Double> otherRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> baseGcs = new ArrayList<>();
        List<Double> otherGcs = new ArrayList<>();
        for (int i = 0; i < warmups + rounds; i++) {
            Side b = new Side(base);
            Side o = new Side(other);
            // A collection before each round, so a round does not pay for the previous one's garbage.
            // Within a sliced round, each side runs first in every other pair, so each pays for the
            // other's garbage as often as the other pays for its own. Whole trials get a collection
            // each: one that holds a million captured messages leaves them to the trial after it
            // (in a run without this, the second trial's pauses were the longer in 16 of 20 rounds).
            System.gc();
            for (int s = 0; s < slices; s++) {
                int index = i * slices + s;
                boolean baseFirst = (i + s) % 2 == 0;
                (baseFirst ? b : o).run(index);
                if (slices == 1) {
                    System.gc();
                }
                (baseFirst ? o : b).run(index);
            }
            double r = b.rate();
            double x = o.rate();
            boolean measured = i >= warmups;
            Probe.progress("throughput: %-20s %s %d: %s %,9.0f msgs/s  %s %,9.0f msgs/s  (%.3f)  JIT ms %s %d %s %d"
                            + "  GC pause ms %s %d %s %d", name,
                    measured ? "round" : "warm-up", measured ? i - warmups + 1 : i + 1, baseName, r, otherName, x, x / r,
                    baseName, b.jitMs, otherName, o.jitMs, baseName, b.gcMs, otherName, o.gcMs);
            if (measured) {
                baseGcs.add((double) b.gcMs);
                otherGcs.add((double) o.gcMs);
                baseRates.add(r);
                otherRates.add(x);
                ratios.add(x / r);
            }
        }
        Probe.metric(Metric.median(name + "_" + baseName + "_msgs_per_s", baseRates, "msgs/s"));
        Probe.metric(Metric.median(name + "_" + otherName + "_msgs_per_s", otherRates, "msgs/s"));
        Probe.metric(Metric.median(name + "_" + baseName + "_gc_ms", baseGcs, "ms"));
        Probe.metric(Metric.median(name + "_" + otherName + "_gc_ms", otherGcs, "ms"));
        // The ratio is the median of the rounds' own ratios: both sides of a round ran side by side, so
        // a drift of the machine's speed from round to round cancels within each. The ratio of the two
        // medians pairs a side's median round with another round's, and is kept beside it for comparison
        // with earlier runs.
        Probe.metric(new Metric(name + "_ratio", Stats.median(ratios), "x", ratioTarget, Stats.min(ratios), Stats.max(ratios),
                ratios.size()));
        Probe.metric(Metric.of(name + "_medians_ratio", Stats.median(otherRates) / Stats.median(baseRates), "x"));
    }

    /** One side's trials in a round: summed time per message, JIT and GC milliseconds. */
    private static final class Side {
        private final Trial trial;
        private double secondsPerMessage;
        private int trials;
        private long jitMs;
        private long gcMs;

        Side(Trial trial) {
            this.trial = trial;
        }

        void run(int index) throws Exception {
            long j0 = compileMillis();
            long g0 = gcMillis();
            double rate = trial.run(index);
            jitMs += compileMillis() - j0;
            gcMs += gcMillis() - g0;
            secondsPerMessage += 1 / rate;
            trials++;
        }

        /** Messages over time: every trial moved the same number of messages. */
        double rate() {
            return trials / secondsPerMessage;
        }
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
