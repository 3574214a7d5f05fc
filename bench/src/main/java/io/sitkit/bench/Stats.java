package io.sitkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, percentiles, min and max of samples. Stateless. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> samples) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double min(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p} of all samples at or below it (0 &lt; p &lt;= 1). */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty() || p <= 0 || p > 1) {
            throw new IllegalArgumentException("need samples and 0 < p <= 1: " + samples.size() + " samples, p=" + p);
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return s.get((int) Math.ceil(p * s.size()) - 1);
    }
}
