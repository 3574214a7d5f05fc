package io.sitkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * {@code recording}: a million messages recorded to a capture file and replayed, in a JVM limited
 * to {@code -Xmx256m} (see {@link RecordingProbe}); the brokers run in a JVM of their own
 * ({@link BrokerJvm}), so the heap figures are the recorder's and the replay's alone.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class RecordingSuite implements Suite {
    static final List<String> FLAGS = List.of("-Xmx256m");

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "record 1M messages to a capture file and replay them, in -Xmx256m: msgs/s and peak heap";
    }

    @Override
    public SuiteResult run(Workspace ws) {
        try (BrokerJvm brokers = BrokerJvm.start(ws.log())) {
            List<String> flags = new java.util.ArrayList<>(FLAGS);
            flags.add("-Dbench.recording.messages=" + Integer.getInteger("bench.recording.messages", 1_000_000));
            flags.add("-Dbench.recording.rounds=" + Integer.getInteger("bench.recording.rounds", 3));
            ChildJvm.Run run = ChildJvm.run(flags, RecordingProbe.class,
                    List.of(brokers.bootstrap(), ws.scratch().resolve("recording").toString()), ws.log(), Duration.ofMinutes(30));
            return new SuiteResult(name(), run.metrics());
        }
    }
}
