package io.sitkit.junit.jupiter6;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The extension under Jupiter 6: injection, captures before the body, failure messages and flow traces. */
class Jupiter6IT {
    @Test
    void the_extension_works_the_same_on_jupiter_6() {
        assertThat(Test.class.getPackage().getImplementationVersion()).as("Jupiter on this class path").startsWith("6.");

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("sitkit.junit.output-dir", "target/sitkit-jupiter6")
                .selectors(selectClass(PaymentFlowScenario.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("a_missing_message"),
                finishedWithFailure(message(m -> m.startsWith("expected a message matching $.orderId == \"never\"\n  on kafka:orders.t")))));
        String trace = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("sitkit.flow-trace"))
                .findFirst().orElseThrow();
        assertThat(Path.of(trace)).exists();
        assertThat(PaymentFlowScenario.bootstrap).startsWith("127.0.0.1:");
        assertThat(Files.exists(Path.of(trace))).isTrue();
    }
}
