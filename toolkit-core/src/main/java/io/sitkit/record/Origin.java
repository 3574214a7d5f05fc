package io.sitkit.record;

/**
 * Whether a recorded message was seen on the bus or put there by the session that recorded it.
 * Replays usually send only the {@link #INJECTED} ones and watch what the system does with them.
 *
 * <pre>{@code
 * Replay.of(file).only(Replay.INJECTED).into(bus);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum Origin {
    /** Captured from a destination the recording watched. */
    OBSERVED,
    /** Published by the recording session itself ({@link Recorder#inject}). */
    INJECTED
}
