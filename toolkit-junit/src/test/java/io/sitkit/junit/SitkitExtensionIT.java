package io.sitkit.junit;

import io.sitkit.junit.scenarios.MisuseScenario;
import io.sitkit.junit.scenarios.OrderFlowScenario;
import io.sitkit.junit.scenarios.SharedNamesParallel;
import io.sitkit.junit.scenarios.UniqueNamesParallel;
import io.sitkit.record.CaptureFileReader;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The extension driven through the JUnit engine, against the real embedded brokers. */
class SitkitExtensionIT {
    private static final Path OUT = Path.of("target", "sitkit-it");

    private static EngineExecutionResults run(Map<String, String> config, Class<?>... classes) {
        var kit = EngineTestKit.engine("junit-jupiter").configurationParameter("sitkit.junit.output-dir", OUT.toString());
        config.forEach(kit::configurationParameter);
        EngineExecutionResults r = kit.selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new)).execute();
        // what failed, in the test's output file, for whoever reads a failure of this test
        r.allEvents().failed().stream().forEach(e -> System.out.println(e + " -> "
                + e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(x -> x.getThrowable()).map(Throwable::toString).orElse("")));
        return r;
    }


    @Test
    void tests_get_their_bus_and_environment_a_failure_leaves_a_flow_trace_and_misuse_is_explained() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        EngineExecutionResults results = run(Map.of("sitkit.redact.fields", "card"), OrderFlowScenario.class, MisuseScenario.BusInBeforeAll.class,
                MisuseScenario.BadAddress.class, MisuseScenario.NothingObserved.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
        assertThat(OrderFlowScenario.SEEN_BOOTSTRAP.get()).startsWith("127.0.0.1:");
        results.testEvents().assertThatEvents().haveExactly(1, event(test("a_missing_payment_fails_with_the_cores_message"),
                finishedWithFailure(instanceOf(io.sitkit.expect.ExpectationFailedError.class),
                        message(m -> m.startsWith("expected a message matching $.total == 8\n  on kafka:orders.t")))));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("typo"), finishedWithFailure(message(
                "@Observe on void io.sitkit.junit.scenarios.MisuseScenario$BadAddress.typo(): 'kafak:orders' is not a destination"
                        + " address; accepted forms: kafka:<topic>, jms:queue:<name>, jms:topic:<name>"))));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("capture"), finishedWithFailure(message(m ->
                m.startsWith("test [engine:junit-jupiter]/[class:io.sitkit.junit.scenarios.MisuseScenario$NothingObserved]")
                        && m.endsWith("observes no destination; add @Observe(\"kafka:orders\") to the test or observe = {...} to @SitTest")))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(
                "SitBus belongs to one test, but static void io.sitkit.junit.scenarios.MisuseScenario$BusInBeforeAll.tooEarly(io.sitkit.junit.SitBus)"
                        + " runs outside a test; inject SitEnvironment into @BeforeAll/@AfterAll methods instead"))));

        List<String> traces = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("sitkit.flow-trace")).toList();
        assertThat(traces).hasSize(1);
        Path trace = Path.of(traces.get(0));
        assertThat(trace).isEqualTo(OUT.resolve("io.sitkit.junit.scenarios.OrderFlowScenario")
                .resolve("a_missing_payment_fails_with_the_cores_message.jsonl"));
        try (CaptureFileReader reader = CaptureFileReader.open(trace)) {
            assertThat(reader.header().annotations()).containsKey("failure").containsEntry("failure.type",
                    "io.sitkit.expect.ExpectationFailedError");
            assertThat(reader.header().annotations().get("name.kafka:orders")).startsWith("kafka:orders.t");
            assertThat(reader.entries()).hasSize(1);
        }
        assertThat(Files.readString(trace)).contains("o-2").as("redacted by sitkit.redact.fields=card").doesNotContain("4111-1111");

        org.awaitility.Awaitility.await("threads started by the run to end").atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(leaked(before)).isEmpty());
    }

    /**
     * Threads the run left behind, except Kafka's JVM-wide Yammer metrics tick threads (daemons
     * made once per JVM by the broker's metrics library, never per environment) and the waiting
     * thread of the check itself.
     */
    private static Set<String> leaked(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !(t.isDaemon() && t.getName().startsWith("metrics-meter-tick-thread")))
                .filter(t -> !t.getName().startsWith("awaitility"))
                .map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    void parallel_tests_with_unique_names_never_see_each_other_and_with_shared_names_they_do() {
        Map<String, String> parallel = Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(UniqueNamesParallel.TESTS));

        run(parallel, UniqueNamesParallel.class).testEvents().assertStatistics(s -> s.started(8).succeeded(8));
        EngineExecutionResults shared = run(parallel, SharedNamesParallel.class);

        shared.testEvents().assertStatistics(s -> s.started(8).failed(8));
        shared.testEvents().failed().stream().map(Event::toString).forEach(e -> {
            java.util.regex.Matcher saw = java.util.regex.Pattern.compile("but saw (\\d+) matching").matcher(e);
            assertThat(e).contains("expected exactly 5 messages matching $.n exists");
            assertThat(saw.find()).as(e).isTrue();
            assertThat(Integer.parseInt(saw.group(1))).as("messages of other tests seen").isGreaterThan(5);
        });
    }

    @Test
    void an_environment_that_cannot_start_fails_every_test_with_one_message() {
        EngineExecutionResults results = run(Map.of("sitkit.environment", "external", "sitkit.kafka.bootstrap-servers", "127.0.0.1:1",
                "sitkit.jms.enabled", "false", "sitkit.kafka.timeout", "1s"), io.sitkit.junit.scenarios.NeedsBrokersScenario.class);

        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        results.testEvents().assertThatEvents().haveExactly(2, event(finishedWithFailure(instanceOf(EnvironmentUnavailableException.class),
                message(m -> m.startsWith("sitkit could not prepare the test environment (external); no test that needs it will run: ")))));
    }

    @Test
    void testcontainers_without_docker_fails_or_skips_with_how_to_switch() {
        org.junit.jupiter.api.Assumptions.assumeFalse(io.sitkit.env.DockerProbe.local().probe().present(),
                "a Docker engine is present here; this test is about its absence");
        // the middle names what this machine's Docker check looked at (DOCKER_HOST, context, sockets): see DockerProbe's tests
        String start = "sitkit.environment=testcontainers needs a Docker engine, and none answered here (DOCKER_HOST unset, ";
        String end = "); set sitkit.environment=embedded (env SITKIT_ENVIRONMENT=embedded) to run on the embedded brokers (no Docker"
                + " needed), or sitkit.junit.docker-missing=skip to skip these tests instead of failing them";
        java.util.function.Predicate<String> message = m -> m.startsWith(start) && m.endsWith(end);

        run(Map.of("sitkit.environment", "testcontainers"), io.sitkit.junit.scenarios.NeedsBrokersScenario.class)
                .testEvents().assertStatistics(s -> s.started(2).failed(2))
                .assertThatEvents().haveExactly(2, event(finishedWithFailure(instanceOf(EnvironmentUnavailableException.class), message(message))));
        run(Map.of("sitkit.environment", "testcontainers", "sitkit.junit.docker-missing", "skip"),
                io.sitkit.junit.scenarios.NeedsBrokersScenario.class)
                .testEvents().assertStatistics(s -> s.started(2).aborted(2))
                .assertThatEvents().haveExactly(2, event(abortedWithReason(message(message))));
    }
}
