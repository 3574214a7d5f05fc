package io.sitkit.samples.registration;

import io.sitkit.fx.service.RecordingTimeline;
import io.sitkit.fx.service.TimelineEntry;
import io.sitkit.fx.viewmodel.Background;
import io.sitkit.fx.viewmodel.RecordingViewModel;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.FlowTraceFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.sitkit.samples.registration.Registration.EMAIL_REQUESTS;
import static io.sitkit.samples.registration.Registration.FAILED;
import static io.sitkit.samples.registration.Registration.OUTBOX;
import static io.sitkit.samples.registration.Registration.REGISTERED;
import static io.sitkit.samples.registration.Registration.REPLIES;
import static io.sitkit.samples.registration.Registration.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Across the modules, as a tester meets them: a {@code @SitTest} fails (toolkit-junit, run through
 * the JUnit engine on this run's brokers), leaves its flow trace, and the inspector's recording
 * viewer (toolkit-fx, its view-model without a Stage) opens that very file — showing the test, the
 * failed expectation, its near miss linked to the mail in the timeline, and the whole sign-up.
 */
@SitTest
class FlowTraceInTheInspectorIT {
    static final String SCENARIO = "sitkit.samples.scenario";
    /** Where the scenario's flow trace is left, to open in the inspector by hand too. */
    static final Path OUT = Path.of("target", "sitkit-cross-module");
    static final String TEST_ID = "[engine:junit-jupiter]/[class:io.sitkit.samples.registration.MangledGreetingScenario]"
            + "/[method:the_activation_mail_greets_juergen_by_name(io.sitkit.junit.SitBus, io.sitkit.junit.SitEnvironment)]";

    /** Stands in for the FX thread: the view-model's properties are read and changed only here. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final Background background = new Background(ui);

    @AfterEach
    void stopTheUiThread() throws InterruptedException {
        background.close();
        ui.shutdownNow();
        assertThat(ui.awaitTermination(5, TimeUnit.SECONDS)).as("the stand-in UI thread stopped").isTrue();
    }

    @Deep
    @Test
    void a_failed_sit_tests_flow_trace_opens_in_the_inspector_with_its_test_failed_expectation_near_miss_and_timeline(SitEnvironment env)
            throws Exception {
        // given a @SitTest that fails, run through the JUnit engine on this run's brokers
        var kit = EngineTestKit.engine("junit-jupiter");
        env.connectionProperties().forEach(kit::configurationParameter);
        EngineExecutionResults results = kit.configurationParameter("sitkit.environment", "external")
                .configurationParameter("sitkit.jms.queue-observation", "mirror")
                .configurationParameter("sitkit.junit.output-dir", OUT.toString())
                .configurationParameter(SCENARIO, "true")
                .selectors(selectClass(MangledGreetingScenario.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertThat(failed.getTestDescriptor().getUniqueId().toString()).isEqualTo(TEST_ID);
        String failure = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
        List<Path> traces = results.allEvents().reportingEntryPublished().stream()
                .map(e -> Path.of(e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("sitkit.flow-trace"))).toList();
        assertThat(traces).containsExactly(OUT.resolve("io.sitkit.samples.registration.MangledGreetingScenario")
                .resolve("the_activation_mail_greets_juergen_by_name.jsonl"));
        Path trace = traces.get(0);
        Map<String, String> names;
        try (CaptureFileReader reader = CaptureFileReader.open(trace)) {
            names = FlowTraceFile.namesIn(reader.header());
        }
        // the names the test used: what it observed, and the parking queue the system was wired to
        assertThat(names).containsOnlyKeys(REQUESTS, REPLIES, REGISTERED, EMAIL_REQUESTS, OUTBOX, FAILED);
        String outbox = names.get(OUTBOX);
        assertThat(failure).startsWith("expected a message matching $.subject == \"Activate your account, jürgen\"\n  on " + outbox + "\n");

        // when the inspector's recording viewer opens the file the failure left
        RecordingViewModel viewer = onUi(() -> new RecordingViewModel(background, Optional.empty()));
        onUi(() -> {
            viewer.fileProperty().set(trace.toString());
            return null;
        });
        onUi(viewer::open).done().get(30, TimeUnit.SECONDS);

        // then it shows the test, the failed expectation and the whole failure
        assertThat(onUi(() -> viewer.messageProperty().get())).isEmpty();
        assertThat(onUi(() -> viewer.titleProperty().get())).isEqualTo("Flow trace · MangledGreetingScenario › the_activation_mail_greets_juergen_by_name()");
        assertThat(onUi(() -> viewer.testIdProperty().get())).isEqualTo(TEST_ID);
        assertThat(onUi(() -> viewer.expectationProperty().get()))
                .isEqualTo("expected a message matching $.subject == \"Activate your account, jürgen\"");
        assertThat(onUi(() -> viewer.failureProperty().get())).isEqualTo(failure);

        // and the whole sign-up as the test's captures saw it, the mail marked as the near miss
        List<TimelineEntry> timeline = onUi(() -> List.copyOf(viewer.timeline()));
        assertThat(timeline).extracting(e -> e.kind() + " " + e.destination() + (e.nearMiss() ? " (near miss)" : ""))
                .containsExactlyInAnyOrder(
                        "observed " + names.get(REQUESTS),
                        "observed " + names.get(REPLIES),
                        "observed " + names.get(REGISTERED),
                        "observed " + names.get(EMAIL_REQUESTS),
                        "observed " + outbox + " (near miss)");
        assertThat(onUi(() -> viewer.summaryProperty().get())).startsWith("5 messages on 5 destinations · 1 near miss · names: ")
                .contains(OUTBOX + " = " + outbox);

        // and its near miss names the failed check and leads to the mail in the detail pane
        List<RecordingTimeline.Linked> misses = onUi(() -> List.copyOf(viewer.nearMisses()));
        assertThat(misses).hasSize(1);
        RecordingTimeline.Linked miss = misses.get(0);
        assertThat(miss.miss().where()).isEqualTo(outbox);
        assertThat(miss.miss().failedChecks())
                .containsExactly("FAIL $.subject == \"Activate your account, jürgen\": was \"Activate your account, jÃ¼rgen\"");
        TimelineEntry mail = onUi(() -> viewer.selectNearMiss(miss));
        assertThat(mail.index()).isEqualTo(miss.index());
        assertThat(mail.destination()).isEqualTo(outbox);
        assertThat(mail.row().message().position()).isEqualTo(miss.miss().position());
        await().atMost(Duration.ofSeconds(10)).until(() -> onUi(() -> viewer.detail().textProperty().get()).contains("jÃ¼rgen"));
        assertThat(onUi(() -> viewer.detail().titleProperty().get())).startsWith(outbox + " · message #" + miss.index());
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get(10, TimeUnit.SECONDS);
    }

    static boolean launchedAsScenario(ExtensionContext context) {
        return context.getConfigurationParameter(SCENARIO).isPresent();
    }
}
