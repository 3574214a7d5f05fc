package io.sitkit.record;

import io.sitkit.core.SitkitException;

/**
 * A replay stopped: a line of the recording that cannot be read, a destination without a mapping,
 * a schema that cannot be found or registered, or a target that does not take the messages. The
 * message names the file and line, what was being done, and how many messages had been sent.
 *
 * <pre>{@code
 * try {
 *     Replay.of(file).into(bus);
 * } catch (ReplayException e) {
 *     log.error(e.getMessage());  // replay of capture file run.jsonl stopped at line 7 after 5 messages sent: …
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class ReplayException extends SitkitException {
    private static final long serialVersionUID = 1L;
    private final long sent;

    public ReplayException(String message, long sent, Throwable cause) {
        super(message, cause);
        this.sent = sent;
    }

    /** How many messages the target had acknowledged before the replay stopped. */
    public long sent() {
        return sent;
    }
}
