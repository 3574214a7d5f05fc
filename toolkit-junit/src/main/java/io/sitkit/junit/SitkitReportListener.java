package io.sitkit.junit;

import io.sitkit.config.SitkitConfig;
import io.sitkit.contract.Contracts;
import io.sitkit.contract.asyncapi.AsyncApi;
import io.sitkit.junit.internal.RunReports;
import io.sitkit.redact.Redactor;
import io.sitkit.report.Inventory;
import io.sitkit.report.RunReportBuilder;
import io.sitkit.report.TestStatus;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the run report, {@code target/sitkit/report.html} and {@code report.json}, for every test
 * plan that ran at least one sitkit test: per test the status, duration, destinations, a timeline
 * of the messages it captured, its contract violations, and the integration coverage of the run.
 * Registered through the service loader; nothing to configure. Optional settings (JUnit
 * configuration parameters or system properties): {@code sitkit.junit.output-dir},
 * {@code sitkit.junit.asyncapi} (an AsyncAPI document) or {@code sitkit.junit.contracts} (a contract
 * file or directory) as the inventory coverage is measured against; else the destinations the
 * tests declared.
 *
 * <p>Thread-safety: the launcher calls it from several threads in parallel runs; state is concurrent.
 */
public final class SitkitReportListener implements TestExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(SitkitReportListener.class);
    /** An AsyncAPI document whose integration points are the coverage inventory. */
    public static final String ASYNCAPI = io.sitkit.config.ConfigKeys.JUNIT_ASYNCAPI;
    /** A contract file or directory whose channels are the coverage inventory (and are verified per test). */
    public static final String CONTRACTS = io.sitkit.config.ConfigKeys.JUNIT_CONTRACTS;

    private volatile RunReportBuilder builder;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        SitkitConfig config = io.sitkit.junit.internal.JUnitConfig.load(testPlan.getConfigurationParameters()::get);
        builder = RunReportBuilder.start(config.string("sitkit.environment", "embedded"), Redactor.from(config));
        RunReports.push(builder);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        RunReportBuilder b = builder;
        if (b == null || !id.isTest()) {
            return;
        }
        started.put(id.getUniqueId(), Instant.now());
        String className = id.getUniqueId().replaceAll(".*\\[class:([^\\]]+)].*", "$1");
        b.testStarted(id.getUniqueId(), className, id.getDisplayName(), id.getTags().stream().map(TestTag::getName).toList());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        RunReportBuilder b = builder;
        Instant t0 = started.remove(id.getUniqueId());
        if (b == null || !id.isTest() || t0 == null) {
            return;
        }
        TestStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case ABORTED -> TestStatus.ABORTED;
            case FAILED -> TestStatus.FAILED;
        };
        Duration took = Duration.between(t0, Instant.now());
        Optional<Throwable> failure = result.getThrowable();
        if (failure.isPresent()) {
            b.finished(id.getUniqueId(), status, took, String.valueOf(failure.get().getMessage()));
        } else {
            b.finished(id.getUniqueId(), status, took);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunReportBuilder b = builder;
        builder = null;
        if (b == null) {
            return;
        }
        RunReports.remove(b);
        if (!b.usedSitkit()) {
            return;
        }
        Path dir = Path.of(setting(testPlan, io.sitkit.junit.internal.JUnitConfig.OUTPUT_DIR).orElse(io.sitkit.junit.internal.JUnitConfig.DEFAULT_OUTPUT_DIR));
        try {
            b.build(Instant.now(), inventory(testPlan)).writeTo(dir); // creates the directory: a run without failures has no trace there
        } catch (IOException | RuntimeException e) {
            LOG.warn("sitkit could not write the run report to {}: {}", dir, e.toString());
        }
    }

    private static Inventory inventory(TestPlan testPlan) {
        Optional<String> asyncApi = setting(testPlan, ASYNCAPI);
        if (asyncApi.isPresent()) {
            return Inventory.of(AsyncApi.read(Path.of(asyncApi.get())).inventory());
        }
        Optional<String> contracts = setting(testPlan, CONTRACTS);
        if (contracts.isPresent()) {
            return Inventory.ofContracts(Contracts.load(Path.of(contracts.get())));
        }
        return Inventory.declared();
    }

    private static Optional<String> setting(TestPlan testPlan, String key) {
        return io.sitkit.junit.internal.JUnitConfig.extensionSetting(testPlan.getConfigurationParameters()::get, key);
    }
}
