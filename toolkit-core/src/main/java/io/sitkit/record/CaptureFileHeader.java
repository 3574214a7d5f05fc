package io.sitkit.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first line of a capture file: format name, version, creation time and free-form annotations
 * (the test that produced it, the environment, …).
 *
 * <pre>{@code
 * try (CaptureFileReader reader = CaptureFileReader.open(file)) {
 *     String test = reader.header().annotations().get("test");
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param version     the format version, ≥ 1; a reader accepts versions up to {@link #CURRENT_VERSION}
 * @param createdAt   when the writer was opened; null when a file does not say
 * @param annotations free-form string annotations, in order
 */
public record CaptureFileHeader(int version, Instant createdAt, Map<String, String> annotations) {
    /** The {@code format} value every capture file's header carries. */
    public static final String FORMAT = "sitkit-capture";
    /**
     * The version this sitkit writes and the highest it reads. Version 2 added lines that are not
     * messages (session notes, findings, recorded schemas); version-1 files read as before.
     */
    public static final int CURRENT_VERSION = 2;

    public CaptureFileHeader {
        if (version < 1) {
            throw new IllegalArgumentException("capture format version must be >= 1: " + version);
        }
        annotations = copy(annotations, "annotation");
    }

    /** An unmodifiable, order-keeping copy; null is empty; null keys or values are rejected, naming them. */
    static Map<String, String> copy(Map<String, String> map, String what) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(what + " '" + k + "' has a null " + (k == null ? "name" : "value"));
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }
}
