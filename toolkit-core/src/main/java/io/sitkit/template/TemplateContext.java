package io.sitkit.template;

import io.sitkit.core.Message;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a template renders against: the request (if any), a clock for {@code now()}, a seeded
 * random source for {@code uuid()} and {@code random(a, b)}, and named sequences. Give the same
 * seed and clock to get the same output.
 *
 * <pre>{@code
 * TemplateContext ctx = TemplateContext.seeded(42).withRequest(request).withClock(Clock.fixed(...));
 * String reply = template.render(ctx);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent renders; sequences are shared and atomic, the random
 * source is synchronized (renders from several threads draw in arrival order).
 */
public final class TemplateContext {
    private final Optional<Message> request;
    private final Clock clock;
    private final Random random;
    private final Map<String, AtomicLong> sequences;

    private TemplateContext(Optional<Message> request, Clock clock, Random random, Map<String, AtomicLong> sequences) {
        this.request = request;
        this.clock = clock;
        this.random = random;
        this.sequences = sequences;
    }

    /** A context with a seeded random source, the system clock and no request. */
    public static TemplateContext seeded(long seed) {
        return new TemplateContext(Optional.empty(), Clock.systemUTC(), new Random(seed), new ConcurrentHashMap<>());
    }

    /** The same context for another request (sequences and random source shared). */
    public TemplateContext withRequest(Message request) {
        return new TemplateContext(Optional.of(Objects.requireNonNull(request, "request")), clock, random, sequences);
    }

    /** The same context reading time from {@code clock}. */
    public TemplateContext withClock(Clock clock) {
        return new TemplateContext(request, Objects.requireNonNull(clock, "clock"), random, sequences);
    }

    Optional<Message> request() {
        return request;
    }

    Clock clock() {
        return clock;
    }

    long nextSequence(String name) {
        return sequences.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    long randomBetween(long min, long max) {
        long span = max - min + 1;
        synchronized (random) {
            if (span <= 0) {
                // More values than a long counts: at least every second long is inside, so this ends quickly.
                long v;
                do {
                    v = random.nextLong();
                } while (v < min || v > max);
                return v;
            }
            // A span beyond a double's 53 bits can round the product up to the span itself.
            return Math.min(max, min + (long) Math.floor(random.nextDouble() * span));
        }
    }

    java.util.UUID randomUuid() {
        byte[] b = new byte[16];
        synchronized (random) {
            random.nextBytes(b);
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        return new java.util.UUID(bb.getLong(), bb.getLong());
    }
}
