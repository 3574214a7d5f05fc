package io.sitkit.fx.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a recording's timeline as the inspector shows it: a message (observed or injected)
 * with its decoded row, or a note, finding or recorder problem.
 *
 * <pre>{@code
 * for (TimelineEntry e : RecordingTimeline.read(file, Optional.empty(), 5_000).entries()) {
 *     System.out.println(e.offset() + " " + e.kind() + " " + e.destination() + " " + e.preview() + (e.nearMiss() ? " ← near miss" : ""));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param index       its place in the timeline, from 0
 * @param at          when it was captured or written
 * @param sinceStart  how long after the recording started
 * @param kind        what it is
 * @param destination the destination ("" for notes)
 * @param key         key preview ("" when none)
 * @param preview     payload preview, or the note's text
 * @param row         the message decoded for the table and detail pane; null for notes
 * @param nearMiss    whether the failure lists this message as a near miss
 */
public record TimelineEntry(int index, Instant at, Duration sinceStart, Kind kind, String destination, String key, String preview,
                            MessageRow row, boolean nearMiss) {
    /** What a timeline line is. */
    public enum Kind {
        OBSERVED("observed"),
        INJECTED("injected"),
        NOTE("note"),
        FINDING("finding"),
        PROBLEM("problem"),
        /** A note the recorder wrote itself ("recording kafka:orders from now …"). */
        RECORDER("recorder");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sinceStart, "sinceStart");
        Objects.requireNonNull(kind, "kind");
        if ((row == null) != (kind != Kind.OBSERVED && kind != Kind.INJECTED)) {
            throw new IllegalArgumentException("a " + kind + " line " + (row == null ? "needs" : "has no") + " message");
        }
    }

    /** "+1.204s" after the start. */
    public String offset() {
        return String.format(java.util.Locale.ROOT, "+%d.%03ds", sinceStart.toSeconds(), sinceStart.toMillisPart());
    }
}
