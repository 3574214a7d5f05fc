package io.sitkit.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * One figure of a suite: its median {@code value} and, where it was measured several times, the
 * spread beside it ({@code min}, {@code max}, {@code runs}).
 *
 * <p>A {@code target} is a bound: an upper bound for costs — times (unit {@code ms}), ratios of
 * times ({@code ms/ms}), memory ({@code MB}) and heap bytes per payload byte ({@code B/B}) — and a
 * lower bound for everything else (sitkit/raw ratios of rates, rates).
 *
 * <p>Thread-safety: immutable.
 *
 * @param name   snake_case, unique in its suite
 * @param value  the median (or the single value)
 * @param unit   {@code ms}, {@code msgs/s}, {@code x} (sitkit/raw of rates), {@code ms/ms} (sitkit/raw of times),
 *               {@code B/B} (heap per payload byte), {@code MB}, {@code count}…
 * @param target the bound to meet, or null
 * @param min    smallest of the runs, or null for a single value
 * @param max    largest of the runs, or null for a single value
 * @param runs   how many runs the median is over, or null for a single value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(String name, double value, String unit, Double target, Double min, Double max, Integer runs) {
    /** The unit of a ratio of times, sitkit/raw: a cost, so its target is an upper bound. */
    public static final String TIME_RATIO = "ms/ms";

    public Metric {
        if (name == null || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("metric name must be snake_case: " + name);
        }
        Objects.requireNonNull(unit, "unit");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("metric " + name + " has no value (NaN)");
        }
    }

    /** A single value. */
    public static Metric of(String name, double value, String unit) {
        return new Metric(name, value, unit, null, null, null, null);
    }

    /** The median of {@code samples}, with their min and max. */
    public static Metric median(String name, List<Double> samples, String unit) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("metric " + name + " has no samples");
        }
        return new Metric(name, Stats.median(samples), unit, null, Stats.min(samples), Stats.max(samples), samples.size());
    }

    public Metric withTarget(double t) {
        return new Metric(name, value, unit, t, min, max, runs);
    }

    /** Whether the target is met; true when there is none. */
    public boolean meetsTarget() {
        if (target == null) {
            return true;
        }
        return lowerIsBetter() ? value <= target : value >= target;
    }

    boolean lowerIsBetter() {
        return unit.equals("ms") || unit.equals(TIME_RATIO) || unit.equals("MB") || unit.equals("B/B");
    }
}
