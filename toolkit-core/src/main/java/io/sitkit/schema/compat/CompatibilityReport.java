package io.sitkit.schema.compat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The verdict of a compatibility check: the mode, the earlier versions checked and every problem
 * found; compatible when there are none.
 *
 * <pre>{@code
 * CompatibilityReport report = JsonSchemaCompatibility.check(CompatibilityMode.FULL, v2, List.of(v1));
 * assertThat(report.isCompatible()).as(report.describe()).isTrue();
 * }</pre>
 *
 * <p>{@link #describe()} renders it in lines:
 * <pre>
 * not compatible under BACKWARD: 1 problem, checked against v2
 *   v2, new readers of v2 data, at $.amount: field `amount` has no default, so new readers cannot read v2 data that lacks it
 * </pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param mode            the mode checked
 * @param checkedVersions the earlier versions checked, oldest first: all of them in transitive modes,
 *                        the latest otherwise, none in {@link CompatibilityMode#NONE}
 * @param problems        every problem found, by version (oldest first), then backward before forward
 */
public record CompatibilityReport(CompatibilityMode mode, List<String> checkedVersions,
                                  List<CompatibilityProblem> problems) {
    public CompatibilityReport {
        Objects.requireNonNull(mode, "mode");
        checkedVersions = List.copyOf(checkedVersions);
        problems = List.copyOf(problems);
        if (mode == CompatibilityMode.NONE && !checkedVersions.isEmpty()) {
            throw new IllegalArgumentException("mode NONE checks no version, but checkedVersions is " + checkedVersions);
        }
        Set<String> checked = new HashSet<>(checkedVersions);
        for (CompatibilityProblem p : problems) {
            if (!checked.contains(p.version())) {
                throw new IllegalArgumentException("problem against " + p.version() + " but only " + checkedVersions
                        + " were checked: " + p.describe());
            }
        }
    }

    /** Whether no problem was found. */
    public boolean isCompatible() {
        return problems.isEmpty();
    }

    /** The report in lines: the verdict first, then one indented line per problem. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(isCompatible() ? "compatible" : "not compatible").append(" under ").append(mode).append(": ");
        if (!isCompatible()) {
            sb.append(problems.size()).append(problems.size() == 1 ? " problem, " : " problems, ");
        }
        if (mode == CompatibilityMode.NONE) {
            sb.append("nothing checked");
        } else if (checkedVersions.isEmpty()) {
            sb.append("no earlier version to check against");
        } else {
            sb.append("checked against ").append(String.join(", ", checkedVersions));
        }
        for (CompatibilityProblem p : problems) {
            sb.append("\n  ").append(p.describe());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
