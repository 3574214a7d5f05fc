package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code throughput}: publish and capture rates through sitkit and through the raw Kafka and JMS
 * clients, interleaved in one fresh JVM against one embedded environment (see
 * {@link ThroughputProbe}); {@code *_ratio} = sitkit/raw.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class ThroughputSuite implements Suite {
    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public String description() {
        return "publish/capture msgs/s, sitkit vs raw kafka-clients and JMS, rounds of interleaved slices";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        List<String> props = List.of("-Dbench.scale=" + System.getProperty("bench.scale", "1"),
                "-Dbench.warmups=" + Integer.getInteger("bench.warmups", 3), "-Dbench.rounds=" + Integer.getInteger("bench.rounds", 20),
                "-Dbench.slices=" + Integer.getInteger("bench.slices", 10));
        ChildJvm.Run run = ChildJvm.run(props, ThroughputProbe.class, List.of(), ws.log(), Duration.ofMinutes(20));
        return new SuiteResult(name(), run.metrics());
    }
}
