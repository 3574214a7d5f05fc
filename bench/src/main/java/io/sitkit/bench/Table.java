package io.sitkit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The results table {@code bench/run} prints: one row per metric with its spread, target and
 * whether it is met. Stateless.
 */
final class Table {
    private static final String ROW = "%-10s %-40s %12s %-7s %-24s %-10s %s%n";

    private Table() {
    }

    static String render(Collection<SuiteResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "suite", "metric", "median", "unit", "spread (min..max, n)", "target", "result"));
        List<String> missed = new ArrayList<>();
        for (SuiteResult r : results) {
            for (Metric m : r.metrics()) {
                String spread = m.runs() == null ? "" : format(m.min(), m.unit()) + " .. " + format(m.max(), m.unit()) + ", n=" + m.runs();
                String target = m.target() == null ? "" : (m.lowerIsBetter() ? "<= " : ">= ") + format(m.target(), m.unit());
                String result = m.target() == null ? "" : m.meetsTarget() ? "PASS" : "FAIL";
                if (!m.meetsTarget()) {
                    missed.add(r.suite() + "/" + m.name());
                }
                sb.append(String.format(Locale.ROOT, ROW, r.suite(), m.name(), format(m.value(), m.unit()), m.unit(), spread, target, result));
            }
        }
        sb.append(missed.isEmpty() ? "all targets met\n" : "targets missed: " + String.join(", ", missed) + "\n");
        return sb.toString();
    }

    /** Ratios with three decimals, times under 100 ms with two, everything else whole. */
    static String format(double v, String unit) {
        if (unit.equals("x") || unit.equals(Metric.TIME_RATIO) || unit.equals("B/B")) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        if (unit.equals("ms") && Math.abs(v) < 100) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
