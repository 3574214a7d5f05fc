package io.sitkit.schema.compat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompatibilityReportTest {
    private static final CompatibilityProblem AMOUNT = new CompatibilityProblem("v2", ReadDirection.NEW_READS_OLD,
            "$.amount", ChangeKind.REQUIRED_FIELD_ADDED,
            "field `amount` has no default, so new readers cannot read v2 data that lacks it");
    private static final CompatibilityProblem TOTAL = new CompatibilityProblem("v2", ReadDirection.OLD_READS_NEW,
            "$.total", ChangeKind.FIELD_REMOVED,
            "field `total` has no default, so v2 readers cannot read new data that lacks it");

    @Test
    void anIncompatibleReportListsTheVerdictThenOneLinePerProblem() {
        CompatibilityReport report = new CompatibilityReport(CompatibilityMode.FULL, List.of("v2"), List.of(AMOUNT, TOTAL));

        assertThat(report.isCompatible()).isFalse();
        assertThat(report.describe()).isEqualTo("""
                not compatible under FULL: 2 problems, checked against v2
                  v2, new readers of v2 data, at $.amount: field `amount` has no default, so new readers cannot read v2 data that lacks it
                  v2, v2 readers of new data, at $.total: field `total` has no default, so v2 readers cannot read new data that lacks it""");
        assertThat(report).hasToString(report.describe());
    }

    @Test
    void oneProblemIsCountedInTheSingular() {
        assertThat(new CompatibilityReport(CompatibilityMode.BACKWARD, List.of("v2"), List.of(AMOUNT)).describe())
                .startsWith("not compatible under BACKWARD: 1 problem, checked against v2\n");
    }

    @Test
    void aCompatibleReportSaysWhatWasCheckedOrThatNothingWas() {
        assertThat(new CompatibilityReport(CompatibilityMode.BACKWARD_TRANSITIVE, List.of("v1", "v2"), List.of()).describe())
                .isEqualTo("compatible under BACKWARD_TRANSITIVE: checked against v1, v2");
        assertThat(new CompatibilityReport(CompatibilityMode.FULL, List.of(), List.of()).describe())
                .isEqualTo("compatible under FULL: no earlier version to check against");
        assertThat(new CompatibilityReport(CompatibilityMode.NONE, List.of(), List.of()).describe())
                .isEqualTo("compatible under NONE: nothing checked");
    }

    @Test
    void aProblemNamesTheVersionTheBrokenReadersThePathAndTheChange() {
        assertThat(AMOUNT.readers()).isEqualTo("new readers of v2 data");
        assertThat(TOTAL.readers()).isEqualTo("v2 readers of new data");
        assertThat(AMOUNT.describe()).isEqualTo("v2, new readers of v2 data, at $.amount: field `amount` has no default,"
                + " so new readers cannot read v2 data that lacks it");
        assertThat(ReadDirection.NEW_READS_OLD.describe("v1")).isEqualTo("new readers of v1 data");
        assertThat(ReadDirection.OLD_READS_NEW.describe("v1")).isEqualTo("v1 readers of new data");
    }

    @Test
    void aReportRefusesProblemsAgainstVersionsItDidNotCheck() {
        assertThatThrownBy(() -> new CompatibilityReport(CompatibilityMode.BACKWARD, List.of("v3"), List.of(AMOUNT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("problem against v2 but only [v3] were checked: " + AMOUNT.describe());
        assertThatThrownBy(() -> new CompatibilityReport(CompatibilityMode.NONE, List.of("v1"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mode NONE checks no version, but checkedVersions is [v1]");
    }

    @Test
    void aProblemRefusesABlankVersionARelativePathAndAMessageOfSeveralLines() {
        assertThatThrownBy(() -> new CompatibilityProblem(" ", ReadDirection.NEW_READS_OLD, "$", ChangeKind.OTHER, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("version must not be blank, was ' '");
        assertThatThrownBy(() -> new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "amount", ChangeKind.OTHER, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("path must start with '$', was 'amount'");
        assertThatThrownBy(() -> new CompatibilityProblem("v1", ReadDirection.NEW_READS_OLD, "$", ChangeKind.OTHER, "a\nb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must be one non-blank line, was 'a\nb'");
    }
}
