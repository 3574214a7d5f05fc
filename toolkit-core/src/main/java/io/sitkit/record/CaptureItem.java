package io.sitkit.record;

/**
 * One line of a capture file after the header: a message ({@link CaptureFileReader.Entry}), a
 * session note or finding ({@link SessionNote}), or a schema the recording's messages use
 * ({@link RecordedSchema}).
 *
 * <pre>{@code
 * try (CaptureFileReader reader = CaptureFileReader.open(file)) {
 *     for (CaptureItem item : reader.items()) {
 *         if (item instanceof CaptureFileReader.Entry e) {
 *             send(e.message());
 *         } else if (item instanceof SessionNote n) {
 *             log(n.at() + " " + n.kind() + " " + n.text());
 *         } else if (item instanceof RecordedSchema s) {
 *             schemas.put(s.id(), s);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: every item is immutable.
 */
public sealed interface CaptureItem permits CaptureFileReader.Entry, SessionNote, RecordedSchema {
}
