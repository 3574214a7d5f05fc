package io.sitkit.expect;

import io.sitkit.core.Capture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The one waiting loop of every expectation: evaluate what is held, and if that is not enough
 * park on the capture until it holds more (no poll interval) or the deadline passes.
 *
 * <p>Thread-safety: one instance per waiting thread.
 */
final class Watch {
    private final Capture capture;
    private final Duration within;
    private final Instant start = Instant.now();
    private final long deadline;
    private final long droppedAtStart;
    private final io.sitkit.redact.Redactor redactor;
    /** An earlier wake-up a step asked for (System.nanoTime), e.g. a hop's own bound; reset before each step. */
    private long wakeBy = Long.MAX_VALUE;
    /** What the expectation waits for, first in a blind-capture message; {@code null} for none. */
    private String expected;

    Watch(Capture capture, Duration within, io.sitkit.redact.Redactor redactor) {
        this.redactor = redactor;
        if (within == null || within.isNegative()) {
            throw new IllegalArgumentException("an expectation needs a time bound >= 0: " + within);
        }
        this.capture = capture;
        this.within = within;
        this.deadline = System.nanoTime() + within.toNanos();
        this.droppedAtStart = capture.dropped();
    }

    /**
     * Names what is awaited, e.g. {@code "a message matching key == \"o-1\"\n  on kafka:orders\n  within 5s"};
     * a capture that stops while waiting then fails with this first.
     */
    Watch expecting(String what) {
        this.expected = what;
        return this;
    }

    Instant start() {
        return start;
    }

    /**
     * Calls {@code step} now and whenever the capture holds more, until it returns true (then
     * true) or the time is up (then false).
     *
     * @throws CaptureBlindException when the capture fails or closes while waiting
     */
    boolean until(BooleanSupplier step) {
        while (true) {
            int before = capture.size();
            wakeBy = Long.MAX_VALUE;
            if (step.getAsBoolean()) {
                return true;
            }
            long now0 = System.nanoTime();
            if (deadline - now0 <= 0) {
                return false;
            }
            long until = wakeBy != Long.MAX_VALUE && wakeBy - deadline < 0 ? wakeBy : deadline;
            long left = Math.max(1, until - now0);
            int now;
            try {
                now = capture.awaitMore(before, Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaptureBlindException("interrupted while waiting " + human(within) + " on " + capture.destinations());
            }
            if (now <= before && until - System.nanoTime() > 0) {
                // Woken without news before the deadline: the capture failed or closed.
                List<String> problems = capture.problemsSince(start);
                if (!problems.isEmpty()) {
                    if (step.getAsBoolean()) {
                        return true;
                    }
                    throw blind((expected == null ? "" : "expected " + expected + "\n  but ")
                            + "the capture stopped seeing messages while waiting:\n  " + String.join("\n  ", problems));
                }
            }
        }
    }

    /**
     * Problems that made the capture blind: since the watch started, or since the capture started
     * when the expectation looks back at earlier messages; messages dropped at the buffer bound count too.
     */
    List<String> problems(boolean lookBack) {
        List<String> out = new java.util.ArrayList<>(capture.problemsSince(lookBack ? Instant.MIN : start));
        long dropped = capture.dropped() - (lookBack ? 0 : droppedAtStart);
        if (dropped > 0) {
            out.add(dropped + " message(s) were dropped at the capture's buffer bound; raise sitkit.capture.buffer-limit "
                    + "or sitkit.capture.buffer-bytes");
        }
        return out;
    }

    /** Asks for the step to run again by {@code nanoTime} (a {@link System#nanoTime()} value) even if nothing arrives. */
    void wakeBy(long nanoTime) {
        wakeBy = nanoTime;
    }

    /** An environment error whose text passed through the redactor (capture errors may quote broker replies). */
    CaptureBlindException blind(String text) {
        return new CaptureBlindException(redactor.text(text));
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m}, {@code 1m30s}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0).replace(".0s", "s");
        }
        long s = ms / 1000;
        return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
    }
}
