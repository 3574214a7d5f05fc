package io.sitkit.junit.internal;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;
import io.sitkit.record.CaptureFileWriter;
import io.sitkit.redact.Redactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a failed test's flow trace: every message its captures held, in the core's capture file
 * format, annotated with the test and its failure, all through the redactor.
 */
public final class FlowTrace {
    private FlowTrace() {
    }

    /** Writes {@code messages} (what {@code captures} held) to {@code <dir>/<class>/<method>.jsonl} and returns its path. */
    public static Path write(Path dir, String className, String methodName, String testId, Throwable failure,
                             Map<String, String> names, List<Capture> captures, List<Message> messages, Redactor redactor) {
        Path file = dir.resolve(safe(className)).resolve(safe(methodName) + ".jsonl");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("test", testId);
        annotations.put("failure", redactor.text(firstLines(String.valueOf(failure.getMessage()), 40)));
        annotations.put("failure.type", failure.getClass().getName());
        names.forEach((logical, real) -> annotations.put("name." + logical, real));
        List<Message> all = new ArrayList<>(messages);
        for (Capture c : captures) {
            if (c.dropped() > 0) {
                annotations.put("dropped." + c.describe(), Long.toString(c.dropped()));
            }
        }
        all.sort(Comparator.comparingLong(Message::capturedAtNanos));
        try (CaptureFileWriter w = CaptureFileWriter.open(file, annotations, redactor)) {
            for (Message m : all) {
                w.write(m);
            }
        }
        return file;
    }

    private static String firstLines(String text, int max) {
        String[] lines = text.split("\n", max + 1);
        return lines.length <= max ? text : String.join("\n", java.util.Arrays.copyOf(lines, max)) + "\n…";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
