package io.sitkit.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour: what happens to a message, and to which messages (every one, every n-th, or
 * each with a probability). Immutable specs; {@link FaultPlan#start(long)} makes a seeded run.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.of(Fault.delay(Duration.ofMillis(200)).withProbability(0.1),
 *                               Fault.duplicate().everyNth(5),
 *                               Fault.corruptTruncate(10).everyNth(50));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind        what happens
 * @param min         fixed delay, or the lower bound of a random one
 * @param max         the upper bound of a random delay (equal to {@code min} when fixed)
 * @param amount      bytes kept by truncation, bytes flipped, copies for duplicates, window for reordering,
 *                    the schema id written by {@link #wrongSchemaVersion(int)}
 * @param everyNth    apply to every n-th message (1 = all); ignored when {@code probability} is set
 * @param probability apply to each message with this probability, or a negative number for "use everyNth"
 */
public record Fault(Kind kind, Duration min, Duration max, int amount, int everyNth, double probability) {
    /** What a fault does. */
    public enum Kind { DELAY, DROP, DUPLICATE, REORDER, TRUNCATE, FLIP_BYTES, INVALID_JSON, POISON, WRONG_SCHEMA, SLOW_CONSUMER }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("delay bounds must be 0 <= min <= max, were " + min + " and " + max);
        }
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be >= 1, was " + everyNth);
        }
        if (probability > 1) {
            throw new IllegalArgumentException("probability must be <= 1, was " + probability);
        }
        if (amount < 0 || kind == Kind.REORDER && amount < 2 || kind == Kind.DUPLICATE && amount < 1) {
            throw new IllegalArgumentException(kind + " needs a larger amount, was " + amount);
        }
    }

    private static Fault of(Kind kind, Duration min, Duration max, int amount) {
        return new Fault(kind, min, max, amount, 1, -1);
    }

    /** Holds each message {@code delay} before it goes on. */
    public static Fault delay(Duration delay) {
        return of(Kind.DELAY, delay, delay, 0);
    }

    /** Holds each message a random time between {@code min} and {@code max}. */
    public static Fault randomDelay(Duration min, Duration max) {
        return of(Kind.DELAY, min, max, 0);
    }

    /** A latency spike: a long delay, usually for few messages ({@code spike(ofSeconds(2)).everyNth(100)}). */
    public static Fault spike(Duration delay) {
        return delay(delay);
    }

    /** The message is not sent. */
    public static Fault drop() {
        return of(Kind.DROP, Duration.ZERO, Duration.ZERO, 0);
    }

    /** The message is sent twice. */
    public static Fault duplicate() {
        return of(Kind.DUPLICATE, Duration.ZERO, Duration.ZERO, 1);
    }

    /** Messages are held until {@code window} have gathered, then sent in a shuffled order. */
    public static Fault reorder(int window) {
        return of(Kind.REORDER, Duration.ZERO, Duration.ZERO, window);
    }

    /** The payload is cut to its first {@code keep} bytes. */
    public static Fault corruptTruncate(int keep) {
        return of(Kind.TRUNCATE, Duration.ZERO, Duration.ZERO, keep);
    }

    /** {@code count} payload bytes at random places get all their bits flipped. */
    public static Fault corruptFlipBytes(int count) {
        return of(Kind.FLIP_BYTES, Duration.ZERO, Duration.ZERO, count);
    }

    /** The payload is broken JSON: its last closing brace or bracket removed and a stray comma added. */
    public static Fault corruptInvalidJson() {
        return of(Kind.INVALID_JSON, Duration.ZERO, Duration.ZERO, 0);
    }

    /** A poison message: a payload no consumer can read (bytes that are neither JSON, text nor Avro). */
    public static Fault poison() {
        return of(Kind.POISON, Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * The message claims another schema version: the schema id of a Confluent-framed payload
     * (and of an Apicurio schema-id header, when present) is replaced by {@code schemaId} while the
     * bytes stay those of the original schema — what a producer on the wrong version sends.
     * Payloads with neither framing nor header pass unchanged.
     */
    public static Fault wrongSchemaVersion(int schemaId) {
        return of(Kind.WRONG_SCHEMA, Duration.ZERO, Duration.ZERO, schemaId);
    }

    /**
     * A slow consumer: the stub or relay takes {@code perMessage} to accept each message before it
     * takes the next, so a queue backs up and a topic's lag grows (a {@link #delay} instead holds
     * the output while intake goes on).
     */
    public static Fault slowConsumer(Duration perMessage) {
        return of(Kind.SLOW_CONSUMER, perMessage, perMessage, 0);
    }

    /** Only every n-th message (the n-th, 2n-th, …). */
    public Fault everyNth(int n) {
        return new Fault(kind, min, max, amount, n, -1);
    }

    /** Each message with probability {@code p}, drawn from the run's seeded random source. */
    public Fault withProbability(double p) {
        if (p < 0) {
            throw new IllegalArgumentException("probability must be >= 0, was " + p);
        }
        return new Fault(kind, min, max, amount, 1, p);
    }

    /** A short description for logs and reports: {@code delay 200ms (every 5th)}. */
    public String describe() {
        String what = switch (kind) {
            case DELAY -> min.equals(max) ? "delay " + min.toMillis() + "ms" : "delay " + min.toMillis() + "-" + max.toMillis() + "ms";
            case DUPLICATE -> "duplicate";
            case REORDER -> "reorder within " + amount;
            case TRUNCATE -> "truncate to " + amount + " bytes";
            case FLIP_BYTES -> "flip " + amount + " bytes";
            case INVALID_JSON -> "invalid JSON";
            case POISON -> "poison";
            case DROP -> "drop";
            case WRONG_SCHEMA -> "wrong schema id " + amount;
            case SLOW_CONSUMER -> "slow consumer " + min.toMillis() + "ms per message";
        };
        String which = probability >= 0 ? " (p=" + probability + ")" : everyNth == 1 ? "" : " (every " + everyNth + ")";
        return what + which;
    }
}
