package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code latency}: how long after a publish a waiting expectation returns, against the raw
 * client's own end-to-end latency, interleaved in one fresh JVM (default JVM options) against one
 * embedded environment (see {@link LatencyProbe}).
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class LatencySuite implements Suite {
    @Override
    public String name() {
        return "latency";
    }

    @Override
    public String description() {
        return "publish -> waiting expectation returns, vs the raw consumer's e2e latency (Kafka, JMS), interleaved";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        List<String> props = List.of("-Dbench.latency.rounds=" + Integer.getInteger("bench.latency.rounds", 20));
        ChildJvm.Run run = ChildJvm.run(props, LatencyProbe.class, List.of(), ws.log(), Duration.ofMinutes(10));
        return new SuiteResult(name(), run.metrics());
    }
}
