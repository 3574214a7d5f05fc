package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code correlation}: flow indexing, expectation evaluation and heap per payload byte over a
 * capture of 1,000,000 messages fed straight into the capture buffer (see {@link CorrelationProbe}),
 * in one fresh JVM with {@link #FLAGS}.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class CorrelationSuite implements Suite {
    /** Room for the capture (about 0.6 GB) and one index; the parallel collector makes System.gc() a full, synchronous collection. */
    static final List<String> FLAGS = List.of("-Xmx2g", "-XX:+UseParallelGC");

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public String description() {
        return "flow index and 10k expectations over a 1M-message capture (4 destinations, 100k keys), heap per payload byte";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        List<String> flags = new java.util.ArrayList<>(FLAGS);
        flags.add("-Dbench.correlation.rounds=" + Integer.getInteger("bench.correlation.rounds", 5));
        ChildJvm.Run run = ChildJvm.run(flags, CorrelationProbe.class, List.of(), ws.log(), Duration.ofMinutes(10));
        return new SuiteResult(name(), run.metrics());
    }
}
