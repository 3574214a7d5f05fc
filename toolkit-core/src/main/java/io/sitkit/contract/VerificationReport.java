package io.sitkit.contract;

import io.sitkit.core.Destination;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the contract verifier found over a set of captured messages: every violation, how many
 * messages each contract checked, and the destinations that carried messages no contract covers.
 *
 * <pre>{@code
 * VerificationReport report = verifier.verify(capture.snapshot());
 * assertThat(report.violations()).isEmpty();      // or: report.assertNoViolations();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param violations  by destination in the order the contracts name them, then by partition and offset
 *                    (Kafka) or in the order captured (JMS); see {@link ContractVerifier}
 * @param checked     messages checked per contract name (0 for contracts that saw none)
 * @param uncovered   messages per destination that no contract describes
 */
public record VerificationReport(List<Violation> violations, Map<String, Integer> checked,
                                 Map<Destination, Integer> uncovered) {
    /** How many violations are listed at most in {@link #describe()}. */
    public static final int SHOWN = 20;

    public VerificationReport {
        violations = List.copyOf(violations);
        checked = Map.copyOf(Objects.requireNonNull(checked, "checked"));
        uncovered = Map.copyOf(Objects.requireNonNull(uncovered, "uncovered"));
    }

    /** Whether no message broke a contract. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** A summary line and one line per violation (at most {@value #SHOWN}). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        int messages = checked.values().stream().mapToInt(Integer::intValue).sum();
        sb.append(violations.size()).append(violations.size() == 1 ? " contract violation" : " contract violations")
                .append(" in ").append(messages).append(messages == 1 ? " message" : " messages").append(" checked against ")
                .append(checked.size()).append(checked.size() == 1 ? " contract" : " contracts");
        violations.stream().limit(SHOWN).forEach(v -> sb.append("\n  ").append(v));
        if (violations.size() > SHOWN) {
            sb.append("\n  … and ").append(violations.size() - SHOWN).append(" more");
        }
        return sb.toString();
    }

    /**
     * @throws AssertionError with {@link #describe()} when there are violations
     */
    public void assertNoViolations() {
        if (!passed()) {
            throw new AssertionError(describe());
        }
    }
}
