package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code junit}: what the JUnit extension costs per test by default (unique names, a Kafka topic
 * created per test, captures started on three destinations, teardown), measured on empty tests
 * run through the JUnit launcher on the embedded brokers, in one fresh JVM.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class JunitSuite implements Suite {
    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String description() {
        return "per-test overhead of the JUnit extension (60 empty tests observing 3 destinations; unique and shared names)";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        ChildJvm.Run run = ChildJvm.run(List.of("-Xmx1g"), JunitProbe.class, List.of(), ws.log(), Duration.ofMinutes(5));
        return new SuiteResult(name(), run.metrics());
    }
}
