package io.sitkit.junit;

import io.sitkit.junit.internal.CurrentTest;
import io.sitkit.junit.scenarios.RedactedAssertionScenario;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** SitAssertions in a sitkit test mask what the test's configuration masks, without withRedactor(..). */
class AssertionRedactionIT {

    @Test
    void an_assertion_failure_in_a_sitkit_test_masks_the_configured_fields() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "assert-redaction");
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("sitkit.redact.fields", "cardNumber")
                .configurationParameter("sitkit.junit.output-dir", out.toString())
                .selectors(selectClass(RedactedAssertionScenario.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
        assertThat(failure).contains("$.amount").contains("******").doesNotContain("4111111111111111");
    }

    @Test
    void outside_a_sitkit_test_nothing_is_masked_unless_asked() {
        assertThat(CurrentTest.redactor()).isSameAs(Redactor.none());
    }
}
