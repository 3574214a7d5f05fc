package io.sitkit.junit.assertions;

import io.sitkit.contract.VerificationReport;
import org.assertj.core.api.AbstractAssert;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Assertions on what the contract verifier found over a capture: no violations, every destination
 * covered, and — so a pass means something — each contract of interest checked at least one message.
 *
 * <pre>{@code
 * VerificationReport report = ContractVerifier.of(contracts).verify(capture.messages());
 * assertThat(report).hasChecked("orders-placed").hasNoViolations().hasNoUncoveredDestinations();
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe, like every AssertJ assertion: use one chain on one thread.
 */
public class VerificationReportAssert extends AbstractAssert<VerificationReportAssert, VerificationReport> {

    /** Prefer {@link SitAssertions#assertThat(VerificationReport)}. */
    public VerificationReportAssert(VerificationReport actual) {
        super(actual, VerificationReportAssert.class);
    }

    /** No message broke a contract; a failure lists each violation (at most {@value VerificationReport#SHOWN}). */
    public VerificationReportAssert hasNoViolations() {
        isNotNull();
        if (!actual.passed()) {
            throwAssertionError(ShouldHaveNoViolations.shouldHaveNoViolations(actual.describe()));
        }
        return myself;
    }

    /** Every message went to a destination some contract describes. */
    public VerificationReportAssert hasNoUncoveredDestinations() {
        isNotNull();
        if (!actual.uncovered().isEmpty()) {
            int total = actual.uncovered().values().stream().mapToInt(Integer::intValue).sum();
            String list = new TreeMap<>(actual.uncovered().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            throwAssertionError(ShouldCoverEveryDestination.shouldCoverEveryDestination(
                    total + (total == 1 ? " message" : " messages"), list));
        }
        return myself;
    }

    /** The named contract checked at least one message (else its having no violations proves nothing). */
    public VerificationReportAssert hasChecked(String contract) {
        Objects.requireNonNull(contract, "contract");
        isNotNull();
        Integer n = actual.checked().get(contract);
        if (n == null || n == 0) {
            String checked = actual.checked().isEmpty() ? "(no contracts)" : new TreeMap<>(actual.checked()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            throwAssertionError(ShouldHaveChecked.shouldHaveChecked(contract,
                    n == null ? "the report has no contract of that name" : "it checked none", checked));
        }
        return myself;
    }
}
