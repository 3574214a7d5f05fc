package io.sitkit.junit.assertions;

import java.time.Duration;
import java.util.Locale;

/** Durations as failure messages show them: {@code 12ms}, {@code 12.5ms}, {@code 2s}, {@code 1.5s}. Thread-safety: stateless. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        long micros = d.toNanos() / 1000;
        if (micros < 1_000_000) {
            return micros % 1000 == 0 ? micros / 1000 + "ms" : String.format(Locale.ROOT, "%.1fms", micros / 1000.0);
        }
        long ms = micros / 1000;
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", ms / 1000.0).replaceAll("0+s$", "s");
        }
        long s = ms / 1000;
        return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
    }
}
