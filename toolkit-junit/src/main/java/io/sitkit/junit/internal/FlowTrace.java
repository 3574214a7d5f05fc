package io.sitkit.junit.internal;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;
import io.sitkit.record.FlowTraceFile;
import io.sitkit.redact.Redactor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a failed test's flow trace through the core's {@link FlowTraceFile}: every message its
 * captures held, in the capture file format, annotated with the test, its failure, the names it
 * used and what its captures dropped, all through the redactor.
 */
public final class FlowTrace {
    private FlowTrace() {
    }

    /** Writes {@code messages} (what {@code captures} held) to {@code <dir>/<class>/<method>.jsonl} and returns its path. */
    public static Path write(Path dir, String className, String methodName, String testId, Throwable failure,
                             Map<String, String> names, List<Capture> captures, List<Message> messages, Redactor redactor) {
        FlowTraceFile trace = FlowTraceFile.of(testId, failure).withNames(names);
        for (Capture c : captures) {
            if (c.dropped() > 0) {
                trace = trace.withDropped(c.describe(), c.dropped());
            }
        }
        return trace.write(FlowTraceFile.pathFor(dir, className, methodName), messages, redactor);
    }
}
