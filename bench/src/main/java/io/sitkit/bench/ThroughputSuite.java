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
        // Passes on only what was set: the probe holds the defaults.
        List<String> props = java.util.stream.Stream.of("bench.scale", "bench.warmups", "bench.rounds", "bench.slices")
                .filter(key -> System.getProperty(key) != null)
                .map(key -> "-D" + key + "=" + System.getProperty(key))
                .toList();
        ChildJvm.Run run = ChildJvm.run(props, ThroughputProbe.class, List.of(), ws.log(), Duration.ofMinutes(20));
        return new SuiteResult(name(), run.metrics());
    }
}
