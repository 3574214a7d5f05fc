package io.sitkit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a probe (a child JVM's main) reports to the suite that started it: one line per fact on
 * stdout, {@code @bench <key> <value>}, {@code @metric <json>} or {@code @progress <text>}. Everything else a child prints
 * (logs go to stderr) is ignored.
 *
 * <p>Thread-safety: {@code System.out} is synchronized; lines are never interleaved.
 */
final class Probe {
    static final String FACT = "@bench ";
    static final String METRIC = "@metric ";
    static final String PROGRESS = "@progress ";

    /** Loaded on first use only, so that reporting the first fact does not load Jackson. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }
    }

    private Probe() {
    }

    static void fact(String key, Object value) {
        System.out.println(FACT + key + " " + value);
        System.out.flush();
    }

    static void metric(Metric m) {
        try {
            System.out.println(METRIC + Json.MAPPER.writeValueAsString(m));
            System.out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metric " + m.name(), e);
        }
    }

    /** A line the suite echoes to the console while the child works. */
    static void progress(String format, Object... args) {
        System.out.println(PROGRESS + String.format(java.util.Locale.ROOT, format, args));
        System.out.flush();
    }

    static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
