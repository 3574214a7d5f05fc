package io.sitkit.schema.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a check that does not depend on the schema language: which earlier versions a mode
 * checks, in which directions, and how versions are named ({@code v1} is the oldest).
 *
 * <p>Thread-safety: stateless.
 */
final class CompatibilityRun {
    /** Checks one reader/writer pair and names the problems. */
    interface PairCheck<T> {
        List<CompatibilityProblem> check(T reader, T writer, String version, ReadDirection direction);
    }

    private CompatibilityRun() {
    }

    static <T> CompatibilityReport run(CompatibilityMode mode, T candidate, List<T> history, PairCheck<T> check) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(history, "history");
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) == null) {
                throw new NullPointerException("history[" + i + "] (v" + (i + 1) + ") is null");
            }
        }
        List<String> checked = new ArrayList<>();
        List<CompatibilityProblem> problems = new ArrayList<>();
        if (mode != CompatibilityMode.NONE && !history.isEmpty()) {
            int first = mode.isTransitive() ? 0 : history.size() - 1;
            for (int i = first; i < history.size(); i++) {
                String version = "v" + (i + 1);
                T earlier = history.get(i);
                checked.add(version);
                if (mode.checksBackward()) {
                    problems.addAll(check.check(candidate, earlier, version, ReadDirection.NEW_READS_OLD));
                }
                if (mode.checksForward()) {
                    problems.addAll(check.check(earlier, candidate, version, ReadDirection.OLD_READS_NEW));
                }
            }
        }
        return new CompatibilityReport(mode, checked, problems);
    }
}
