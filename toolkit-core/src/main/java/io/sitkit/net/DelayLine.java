package io.sitkit.net;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: chunks go in as they are read and come out at their
 * release time — {@code max(arrival + latency, previous release) + size / bandwidth} — in order.
 *
 * <p>Thread-safety: one reader thread offers, one writer thread takes.
 */
final class DelayLine {
    private static final byte[] END = new byte[0];

    private record Chunk(byte[] bytes, long releaseNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(releaseNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(releaseNanos, ((Chunk) o).releaseNanos);
        }
    }

    private final DelayQueue<Chunk> queue = new DelayQueue<>();
    private long lastRelease;

    void offer(byte[] bytes, long latencyNanos, long bytesPerSecond) {
        long now = System.nanoTime();
        long release = Math.max(now + latencyNanos, lastRelease);
        if (bytesPerSecond > 0) {
            release += bytes.length * 1_000_000_000L / bytesPerSecond;
        }
        // Equal release times keep their order: ties are broken by a nanosecond.
        if (release <= lastRelease) {
            release = lastRelease + 1;
        }
        lastRelease = release;
        queue.put(new Chunk(bytes, release));
    }

    /** Marks the end of the stream: {@link #take()} returns null once what came before is out. */
    void end() {
        long release = Math.max(System.nanoTime(), lastRelease + 1);
        lastRelease = release;
        queue.put(new Chunk(END, release));
    }

    /** The next chunk once it is due, or null at the end. */
    byte[] take() throws InterruptedException {
        byte[] b = queue.take().bytes();
        return b == END ? null : b;
    }
}
