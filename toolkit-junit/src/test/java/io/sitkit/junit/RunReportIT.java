package io.sitkit.junit;

import io.sitkit.junit.scenarios.OrderFlowScenario;
import io.sitkit.report.ReportJson;
import io.sitkit.report.RunReport;
import io.sitkit.report.TestRecord;
import io.sitkit.report.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The service-loaded listener writes the run report for a launcher run of sitkit tests on real brokers. */
class RunReportIT {
    @Test
    void a_run_of_sitkit_tests_leaves_a_json_and_an_html_report_with_timelines_and_the_flow_trace() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "report-it");
        Launcher launcher = LauncherFactory.create();

        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OrderFlowScenario.class))
                .configurationParameter("sitkit.junit.output-dir", out.toString())
                .configurationParameter("sitkit.redact.fields", "card")
                .configurationParameter("sitkit.junit.contracts", "src/test/resources/contracts").build());

        RunReport report = ReportJson.read(out.resolve("report.json"));
        assertThat(report.tests()).extracting(TestRecord::status).containsExactlyInAnyOrder(TestStatus.PASSED, TestStatus.FAILED);
        TestRecord failed = report.tests().stream().filter(t -> t.status() == TestStatus.FAILED).findFirst().orElseThrow();
        assertThat(failed.failure()).get().asString().startsWith("expected a message matching $.total == 8");
        assertThat(failed.timeline()).hasSize(1);
        assertThat(failed.flowTrace()).isPresent();
        TestRecord passed = report.tests().stream().filter(t -> t.status() == TestStatus.PASSED).findFirst().orElseThrow();
        assertThat(passed.timeline()).hasSize(2);
        assertThat(passed.destinations()).hasSize(2);
        assertThat(passed.violations()).extracting(io.sitkit.contract.Violation::detail)
                .containsExactly("header `eventType` is missing (the message has no headers)");
        assertThat(report.coverage().percent()).as("one contract, exercised").isEqualTo(100.0);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("a_missing_payment_fails_with_the_cores_message").doesNotContain("4111-1111");
        assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("4111-1111");
    }

    @Test
    void a_run_without_failures_leaves_its_report_in_an_output_directory_made_for_it() throws Exception {
        Path out = Files.createTempDirectory(Path.of("target"), "report-it").resolve("not-yet-there");

        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(OrderFlowScenario.class, "an_order_and_its_payment_are_seen", "io.sitkit.junit.SitBus"))
                .configurationParameter("sitkit.junit.output-dir", out.toString()).build());

        assertThat(ReportJson.read(out.resolve("report.json")).tests()).extracting(TestRecord::status).containsExactly(TestStatus.PASSED);
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }
}
