package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A contract verification that found violations. Thread-safety: immutable. */
final class ShouldHaveNoViolations extends BasicErrorMessageFactory {
    private ShouldHaveNoViolations(String report) {
        super("expected no contract violations\n  but found %s", unquotedString(report));
    }

    /** @param report {@code VerificationReport.describe()}: a summary line, then one indented line per violation */
    static ShouldHaveNoViolations shouldHaveNoViolations(String report) {
        return new ShouldHaveNoViolations(report);
    }
}
