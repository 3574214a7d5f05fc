package io.sitkit.samples.outage;

import io.sitkit.contract.Breakage;
import io.sitkit.contract.ConsumerCheck;
import io.sitkit.junit.Deep;
import io.sitkit.junit.Smoke;
import io.sitkit.schema.compat.ChangeKind;
import io.sitkit.schema.compat.CompatibilityMode;
import io.sitkit.schema.compat.CompatibilityProblem;
import io.sitkit.schema.compat.CompatibilityReport;
import io.sitkit.schema.compat.JsonSchemaCompatibility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first two safety nets, which need no broker and run before auth releases: the schema
 * compatibility check a registry runs against the versions it holds, and the consumer-driven
 * contract check against what each consumer reads. Both let v1 through and stop v2, saying which
 * field breaks whom.
 */
class AuthEventReleaseGateTest {

    /** The registry's rule for auth-events: every reader of an earlier version keeps reading new events. */
    static CompatibilityReport compatibility(AuthRelease candidate) {
        return JsonSchemaCompatibility.check(CompatibilityMode.FORWARD_TRANSITIVE, AuthEvents.schema(candidate),
                List.of(AuthEvents.schema(AuthRelease.V1)));
    }

    /** The compatibility gate of auth's release pipeline. */
    static void compatibilityGate(AuthRelease candidate) {
        CompatibilityReport report = compatibility(candidate);
        assertThat(report.isCompatible()).as(report.describe()).isTrue();
    }

    /** The contract gate of auth's release pipeline: no consumer of auth-events may break. */
    static List<Breakage> consumersBrokenBy(AuthRelease candidate) {
        return ConsumerCheck.schema(AuthEvents.contract(), AuthEvents.candidate(candidate), "auth " + candidate.name().toLowerCase());
    }

    @Smoke
    @Test
    void v1_passes_the_forward_compatibility_check() {
        compatibilityGate(AuthRelease.V1);
        assertThat(compatibility(AuthRelease.V1).describe()).isEqualTo("compatible under FORWARD_TRANSITIVE: checked against v1");
    }

    @Deep
    @Test
    void v2_fails_the_forward_compatibility_check_naming_the_new_field_v1_readers_reject() {
        assertThatThrownBy(() -> compatibilityGate(AuthRelease.V2))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        [not compatible under FORWARD_TRANSITIVE: 1 problem, checked against v1
                          v1, v1 readers of new data, at $.mfaMethod: `mfaMethod` added, but v1 readers reject unknown\
                         properties (additionalProperties: false)]""");
        assertThat(compatibility(AuthRelease.V2).problems()).extracting(CompatibilityProblem::path, CompatibilityProblem::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.mfaMethod", ChangeKind.FIELD_REJECTED));
    }

    @Smoke
    @Test
    void v1_breaks_no_consumer_of_the_contract() {
        assertThat(consumersBrokenBy(AuthRelease.V1)).isEmpty();
    }

    @Deep
    @Test
    void v2_breaks_billing_which_forbids_unknown_fields() {
        assertThatThrownBy(() -> assertThat(consumersBrokenBy(AuthRelease.V2)).isEmpty())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("auth v2 adds `$.mfaMethod`; consumer `billing` forbids unknown fields at `$`"
                        + " (additionalProperties: false) — breaks billing");
        assertThat(consumersBrokenBy(AuthRelease.V2)).extracting(Breakage::consumer, Breakage::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", "$.mfaMethod"));
    }
}
