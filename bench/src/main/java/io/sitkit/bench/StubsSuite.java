package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code stubs}: request/reply round trips answered by a sitkit stub against a hand-written raw
 * responder, on Kafka and JMS, interleaved in one fresh JVM (default JVM options) against one
 * embedded environment (see {@link StubsProbe}).
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class StubsSuite implements Suite {
    @Override
    public String name() {
        return "stubs";
    }

    @Override
    public String description() {
        return "request/reply round trip through a sitkit stub vs a raw responder (Kafka, JMS), interleaved";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        List<String> props = List.of("-Dbench.stubs.warmups=" + Integer.getInteger("bench.stubs.warmups", 20),
                "-Dbench.stubs.rounds=" + Integer.getInteger("bench.stubs.rounds", 20));
        ChildJvm.Run run = ChildJvm.run(props, StubsProbe.class, List.of(), ws.log(), Duration.ofMinutes(10));
        return new SuiteResult(name(), run.metrics());
    }
}
