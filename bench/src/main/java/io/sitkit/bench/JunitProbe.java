package io.sitkit.bench;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Child main of the {@code junit} suite: runs {@link OverheadScenario}'s empty tests through the
 * JUnit launcher on the embedded brokers and reports the per-test time (start to finish of each
 * test, extension callbacks included), the first test of each class left out (it starts the
 * environment or warms the class).
 */
public final class JunitProbe {
    private JunitProbe() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, List<Double>> byClass = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        TestExecutionListener timing = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.put(id.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    synchronized (failures) {
                        failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
                    }
                }
                Long t0 = started.remove(id.getUniqueId());
                if (id.isTest() && t0 != null) {
                    String cls = id.getUniqueId().replaceAll(".*\\[class:([^\\]]+)].*", "$1");
                    byClass.computeIfAbsent(cls, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - t0) / 1e6);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(OverheadScenario.UniqueNames.class), selectClass(OverheadScenario.SharedNames.class))
                .build();
        launcher.execute(request, timing);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("scenario tests failed: " + failures);
        }
        List<Double> unique = measured(byClass.get(OverheadScenario.UniqueNames.class.getName()));
        List<Double> shared = measured(byClass.get(OverheadScenario.SharedNames.class.getName()));
        Probe.metric(Metric.median("per_test_overhead_median_ms", unique, "ms").withTarget(50));
        Probe.metric(Metric.of("per_test_overhead_p90_ms", Stats.percentile(unique, 0.9), "ms"));
        Probe.metric(Metric.median("per_test_overhead_shared_names_median_ms", shared, "ms"));
    }

    private static List<Double> measured(List<Double> all) {
        if (all == null || all.size() < 2) {
            throw new IllegalStateException("no measured tests: " + all);
        }
        return new ArrayList<>(all.subList(1, all.size()));
    }
}
