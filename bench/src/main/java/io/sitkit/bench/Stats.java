package io.sitkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of samples. Stateless. */
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
}
