package io.sitkit.fault;

import io.sitkit.core.OutgoingMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One stream's application of a {@link FaultPlan}: counts messages for {@code everyNth}, draws
 * from a seeded random source for probabilities, random delays and byte positions, and holds a
 * reorder window. The faults apply in plan order; a dropped message meets no later fault.
 *
 * <p>Thread-safety: synchronized; messages are processed in call order.
 */
public final class FaultRun {
    private final FaultPlan plan;
    private final Random random;
    private final Map<Fault, Long> seen = new java.util.IdentityHashMap<>();
    private final Map<Fault, List<Emission>> windows = new java.util.IdentityHashMap<>();
    private long messages;

    FaultRun(FaultPlan plan, long seed) {
        this.plan = plan;
        this.random = new Random(seed);
    }

    /** How many messages went in so far. */
    public synchronized long messages() {
        return messages;
    }

    /** What to send for {@code message}: nothing (dropped or held), it, or several, each with its delay. */
    public synchronized List<Emission> next(OutgoingMessage message) {
        messages++;
        List<Emission> current = new ArrayList<>(List.of(new Emission(message, Duration.ZERO)));
        for (Fault f : plan.faults()) {
            if (f.kind() == Fault.Kind.SLOW_CONSUMER) {
                continue;
            }
            List<Emission> out = new ArrayList<>();
            for (Emission e : current) {
                if (!applies(f)) {
                    out.add(e);
                    continue;
                }
                out.addAll(apply(f, e));
            }
            current = out;
        }
        return current;
    }

    /**
     * How long the consumer takes before it accepts its next message: the sum of the
     * {@link Fault#slowConsumer slow-consumer} faults that apply to it (zero when none). Call once
     * per message, before {@link #next}.
     */
    public synchronized Duration intake() {
        Duration pause = Duration.ZERO;
        for (Fault f : plan.faults()) {
            if (f.kind() == Fault.Kind.SLOW_CONSUMER && applies(f)) {
                pause = pause.plus(f.min());
            }
        }
        return pause;
    }

    /** Messages a reorder window still holds, shuffled; call when the stream ends. */
    public synchronized List<Emission> flush() {
        List<Emission> out = new ArrayList<>();
        for (List<Emission> w : windows.values()) {
            Collections.shuffle(w, random);
            out.addAll(w);
            w.clear();
        }
        return out;
    }

    private boolean applies(Fault f) {
        long n = seen.merge(f, 1L, Long::sum);
        if (f.probability() >= 0) {
            return random.nextDouble() < f.probability();
        }
        return n % f.everyNth() == 0;
    }

    private List<Emission> apply(Fault f, Emission e) {
        OutgoingMessage m = e.message();
        byte[] payload = m.payload() == null ? new byte[0] : m.payload();
        return switch (f.kind()) {
            case DROP -> List.of();
            case DELAY -> List.of(new Emission(m, e.delay().plus(between(f.min(), f.max()))));
            case DUPLICATE -> {
                List<Emission> copies = new ArrayList<>();
                for (int i = 0; i <= f.amount(); i++) {
                    copies.add(e);
                }
                yield copies;
            }
            case REORDER -> {
                List<Emission> window = windows.computeIfAbsent(f, k -> new ArrayList<>());
                window.add(e);
                if (window.size() < f.amount()) {
                    yield List.of();
                }
                List<Emission> out = new ArrayList<>(window);
                window.clear();
                Collections.shuffle(out, random);
                yield out;
            }
            case TRUNCATE -> List.of(new Emission(m.withPayload(java.util.Arrays.copyOf(payload, Math.min(f.amount(), payload.length))),
                    e.delay()));
            case FLIP_BYTES -> {
                byte[] copy = payload.clone();
                for (int i = 0; i < f.amount() && copy.length > 0; i++) {
                    int at = random.nextInt(copy.length);
                    copy[at] = (byte) ~copy[at];
                }
                yield List.of(new Emission(m.withPayload(copy), e.delay()));
            }
            case INVALID_JSON -> List.of(new Emission(m.withPayload(brokenJson(payload)), e.delay()));
            case POISON -> List.of(new Emission(m.withPayload(new byte[]{(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28}), e.delay()));
            case WRONG_SCHEMA -> List.of(new Emission(wrongSchema(m, payload, f.amount()), e.delay()));
            case SLOW_CONSUMER -> List.of(e);
        };
    }

    private static OutgoingMessage wrongSchema(OutgoingMessage m, byte[] payload, int schemaId) {
        OutgoingMessage out = m;
        if (io.sitkit.schema.avro.ConfluentWireFormat.looksFramed(payload)) {
            byte[] copy = payload.clone();
            java.nio.ByteBuffer.wrap(copy, 1, 4).putInt(schemaId);
            out = out.withPayload(copy);
        }
        io.sitkit.schema.avro.SchemaIdHeader h = io.sitkit.schema.avro.SchemaIdHeader.apicurioValue();
        if (m.headers().contains(h.name())) {
            out = out.withHeaders(out.headers().without(h.name()).with(h.header(schemaId)));
        }
        return out;
    }

    private Duration between(Duration min, Duration max) {
        long span = max.toNanos() - min.toNanos();
        return span == 0 ? min : min.plusNanos((long) (random.nextDouble() * (span + 1)));
    }

    /** Drops the last closing brace or bracket and adds a stray comma: still text, no longer JSON. */
    private static byte[] brokenJson(byte[] payload) {
        String s = new String(payload, StandardCharsets.UTF_8);
        int last = Math.max(s.lastIndexOf('}'), s.lastIndexOf(']'));
        String broken = last < 0 ? s + ",{" : s.substring(0, last) + "," + s.substring(last + 1);
        return broken.getBytes(StandardCharsets.UTF_8);
    }
}
