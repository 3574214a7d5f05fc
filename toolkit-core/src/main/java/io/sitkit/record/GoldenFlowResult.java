package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.FailureReport;
import io.sitkit.redact.Redactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of a golden-flow comparison: messages that matched, changed (with their field-level
 * differences), went missing or were added, and the failure message that lists them.
 *
 * <pre>{@code
 * GoldenFlowResult r = GoldenFlow.baseline(golden).compare(run);
 * if (!r.matches()) {
 *     r.changed().forEach(c -> System.out.println(c.actual().message().destination() + " " + c.differences()));
 * }
 * r.assertMatches();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class GoldenFlowResult {
    /** How many messages of each kind the failure message lists before it says how many more there are. */
    static final int SHOWN = 20;

    /**
     * A message of the baseline and its counterpart in the new recording, with what differs.
     *
     * @param expected    the baseline's line
     * @param actual      the new recording's line
     * @param shown       the new message as compared (payload decoded where it was)
     * @param differences one line per difference: {@code $.tax: expected 1.83 but was 1.84}, {@code header eventType: …}
     */
    public record Changed(CaptureFileReader.Entry expected, CaptureFileReader.Entry actual, Message shown, List<String> differences) {
        public Changed {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
            Objects.requireNonNull(shown, "shown");
            differences = List.copyOf(differences);
        }
    }

    private final String baseline;
    private final String actual;
    private final Map<Destination, Integer> baselineCounts;
    private final Map<Destination, Integer> actualCounts;
    private final int matched;
    private final List<Changed> changed;
    private final List<CaptureFileReader.Entry> missing;
    private final List<CaptureFileReader.Entry> added;
    private final String ignored;
    private final Redactor redactor;
    private final List<Destination> order;

    GoldenFlowResult(String baseline, String actual, Map<Destination, Integer> baselineCounts, Map<Destination, Integer> actualCounts,
                     int matched, List<Changed> changed, List<CaptureFileReader.Entry> missing, List<CaptureFileReader.Entry> added,
                     String ignored, Redactor redactor) {
        this.baseline = baseline;
        this.actual = actual;
        this.baselineCounts = Map.copyOf(baselineCounts);
        this.actualCounts = Map.copyOf(actualCounts);
        this.matched = matched;
        this.changed = List.copyOf(changed);
        this.missing = List.copyOf(missing);
        this.added = List.copyOf(added);
        this.ignored = ignored;
        this.redactor = redactor;
        this.order = new ArrayList<>(new LinkedHashSet<>(concat(baselineCounts, actualCounts)));
    }

    private static List<Destination> concat(Map<Destination, Integer> a, Map<Destination, Integer> b) {
        List<Destination> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    /** Whether nothing was changed, missing or added. */
    public boolean matches() {
        return changed.isEmpty() && missing.isEmpty() && added.isEmpty();
    }

    /** Messages found the same in both. */
    public int matched() {
        return matched;
    }

    /** Pairs that differ, in baseline order per destination and key. */
    public List<Changed> changed() {
        return changed;
    }

    /** Baseline messages without a counterpart in the new recording. */
    public List<CaptureFileReader.Entry> missing() {
        return missing;
    }

    /** New messages without a counterpart in the baseline. */
    public List<CaptureFileReader.Entry> added() {
        return added;
    }

    /**
     * @throws ExpectationFailedError with {@link #describe()} when anything differs
     */
    public void assertMatches() {
        if (!matches()) {
            throw new ExpectationFailedError(describe());
        }
    }

    /**
     * The comparison in sitkit's failure format: what was expected, what it was compared with, what
     * was ignored, the counts, then each changed message with its differences, the missing and the
     * added messages, and hints.
     */
    public String describe() {
        int total = baselineCounts.values().stream().mapToInt(Integer::intValue).sum();
        int seen = actualCounts.values().stream().mapToInt(Integer::intValue).sum();
        FailureReport report = new FailureReport("the flow recorded in " + baseline + ": " + total + " messages on "
                + baselineCounts.size() + " destinations", redactor)
                .line("compared with " + actual + ": " + seen + " messages")
                .line("ignoring " + ignored)
                .line((matches() ? "and all " + matched + " are the same" : "but " + changed.size() + " changed, " + missing.size()
                        + " missing, " + added.size() + " added (" + matched + " the same)"))
                .line("messages per destination, baseline -> new: " + order.stream()
                        .map(d -> d + " " + baselineCounts.getOrDefault(d, 0) + " -> " + actualCounts.getOrDefault(d, 0))
                        .collect(Collectors.joining(", ")));
        if (!changed.isEmpty()) {
            report.line("changed (" + changed.size() + "):");
            for (Changed c : changed.subList(0, Math.min(SHOWN, changed.size()))) {
                report.message(c.shown());
                c.differences().forEach(d -> report.line("    " + d));
            }
            more(report, changed.size());
        }
        list(report, "missing", missing);
        list(report, "added", added);
        hints().forEach(report::hint);
        return report.render();
    }

    private static void list(FailureReport report, String what, List<CaptureFileReader.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        report.line(what + " (" + entries.size() + "):");
        entries.subList(0, Math.min(SHOWN, entries.size())).forEach(e -> report.message(e.message()));
        more(report, entries.size());
    }

    private static void more(FailureReport report, int size) {
        if (size > SHOWN) {
            report.line("  … and " + (size - SHOWN) + " more");
        }
    }

    /** A destination only one side has, with as many messages as one only the other side has: likely renamed. */
    private List<String> hints() {
        Map<Destination, Integer> gone = new LinkedHashMap<>();
        baselineCounts.forEach((d, n) -> {
            if (!actualCounts.containsKey(d)) {
                gone.put(d, n);
            }
        });
        List<String> hints = new ArrayList<>();
        Set<Destination> used = new LinkedHashSet<>();
        gone.forEach((d, n) -> actualCounts.forEach((other, m) -> {
            if (!baselineCounts.containsKey(other) && n.equals(m) && !used.contains(other)) {
                used.add(other);
                hints.add("the baseline's " + n + " message(s) on " + d + " and the new " + m + " on " + other
                        + " may be the same: was the destination renamed, or is a service configured with the wrong name?");
            }
        }));
        return hints;
    }

    @Override
    public String toString() {
        return "GoldenFlowResult{" + (matches() ? "matches" : changed.size() + " changed, " + missing.size() + " missing, "
                + added.size() + " added") + "}";
    }
}
