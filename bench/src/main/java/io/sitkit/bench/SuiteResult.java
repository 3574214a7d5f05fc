package io.sitkit.bench;

import java.util.List;

/**
 * What one suite measured; written as {@code bench/results/<suite>.json}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param suite   the suite's name, as given to {@code bench/run}
 * @param metrics in the order they were measured
 */
public record SuiteResult(String suite, List<Metric> metrics) {
    public SuiteResult {
        metrics = List.copyOf(metrics);
        long distinct = metrics.stream().map(Metric::name).distinct().count();
        if (distinct != metrics.size()) {
            throw new IllegalArgumentException("suite " + suite + " reports a metric name twice: " + metrics);
        }
    }
}
