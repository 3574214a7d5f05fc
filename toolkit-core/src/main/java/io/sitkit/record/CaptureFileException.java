package io.sitkit.record;

import io.sitkit.core.SitkitException;

/**
 * A capture file cannot be written or read: an I/O failure, a line that is not a capture line, a
 * truncated last line or a format version newer than this sitkit reads. The message names the file
 * and, when reading, the line number and the start of the line.
 *
 * <pre>{@code
 * try (CaptureFileReader reader = CaptureFileReader.open(file)) { ... }
 * catch (CaptureFileException e) { log.error(e.getMessage()); }  // "capture file run.jsonl, line 7: ..."
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class CaptureFileException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public CaptureFileException(String message) {
        super(message);
    }

    public CaptureFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
