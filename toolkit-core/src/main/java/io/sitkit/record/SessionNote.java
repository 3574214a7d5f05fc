package io.sitkit.record;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A timestamped line of a recording that is not a message: a tester's note, a finding (something
 * found wrong), or a problem the recorder itself hit (a capture that failed or lost its broker).
 *
 * <pre>{@code
 * recorder.finding("tax on the invoice is 1.84, the charge was 1.83");
 * // in the file: {"kind":"finding","at":"2026-03-02T09:15:07.120Z","text":"tax on the invoice is 1.84, …"}
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param at          when it was written
 * @param kind        note, finding or problem
 * @param text        the text, never blank
 * @param annotations free-form string annotations, in order; empty when none
 */
public record SessionNote(Instant at, Kind kind, String text, Map<String, String> annotations) implements CaptureItem {

    /** What sort of note. */
    public enum Kind {
        /** Something the tester wrote down. */
        NOTE,
        /** Something found wrong: a defect to follow up. */
        FINDING,
        /** The recorder's own: a capture error or a period without a broker, so the recording may have gaps. */
        PROBLEM
    }

    /**
     * The annotations of the notes a {@link Recorder} writes itself ("recording kafka:orders from
     * now…", "… sees its broker again"), so exports can tell them from the tester's.
     */
    public static final Map<String, String> BY_RECORDER = Map.of("by", "recorder");

    public SessionNote {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs some text, was " + (text == null ? "null" : "\"" + text + "\""));
        }
        annotations = CaptureFileHeader.copy(annotations, "annotation");
    }

    /** Whether the recorder wrote this note itself ({@link #BY_RECORDER}) rather than the tester. */
    public boolean byRecorder() {
        return "recorder".equals(annotations.get("by"));
    }

    /** A note with no annotations. */
    public static SessionNote of(Instant at, Kind kind, String text) {
        return new SessionNote(at, kind, text, Map.of());
    }
}
