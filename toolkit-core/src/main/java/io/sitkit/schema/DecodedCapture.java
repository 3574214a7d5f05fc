package io.sitkit.schema;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A capture whose messages on chosen destinations show their payload decoded to JSON — Avro
 * through a registry, say — so expectations, JSON-path matchers, correlation by JSON path, flows
 * and failure messages all read Avro topics like JSON ones.
 *
 * <pre>{@code
 * try (Capture raw = bus.capture("kafka:orders", "jms:queue:payments")) {
 *     Capture capture = DecodedCapture.of(raw).decoding("kafka:orders", RegistryAvro.using(registry).payloads());
 *     Expectations.of(capture).expect("kafka:orders").message(jsonPath("$.total.amount").isEqualTo(39.8)).within(ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Each message is decoded once. A payload that cannot be decoded stays as it was (raw bytes) and
 * its error is listed in {@link #decodeErrors()}; it never fails the capture. Closing this closes
 * the underlying capture.
 *
 * <p>Thread-safety: like the underlying capture, all methods may be called from any thread.
 */
public final class DecodedCapture implements Capture {
    private final Capture raw;
    private final Map<Destination, PayloadDecoder> decoders;
    private final Map<Message, Message> views = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<DecodeException> errors = Collections.synchronizedList(new ArrayList<>());

    private DecodedCapture(Capture raw, Map<Destination, PayloadDecoder> decoders) {
        this.raw = Objects.requireNonNull(raw, "capture");
        this.decoders = Map.copyOf(decoders);
    }

    /** A view of {@code capture} that decodes nothing yet. */
    public static DecodedCapture of(Capture capture) {
        return new DecodedCapture(capture, Map.of());
    }

    /** Decodes payloads on {@code destination} with {@code decoder} (a new view; the cache is not shared). */
    public DecodedCapture decoding(Destination destination, PayloadDecoder decoder) {
        if (!raw.destinations().contains(destination)) {
            throw new IllegalArgumentException(destination + " is not captured; the capture records "
                    + raw.destinations());
        }
        Map<Destination, PayloadDecoder> all = new java.util.HashMap<>(decoders);
        all.put(destination, Objects.requireNonNull(decoder, "decoder"));
        return new DecodedCapture(raw, all);
    }

    /** {@link #decoding(Destination, PayloadDecoder)} with an address like {@code kafka:orders}. */
    public DecodedCapture decoding(String address, PayloadDecoder decoder) {
        return decoding(Destination.parse(address), decoder);
    }

    /** Payloads that could not be decoded (left raw), in the order they were met. */
    public List<DecodeException> decodeErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private Message view(Message m) {
        PayloadDecoder decoder = decoders.get(m.destination());
        if (decoder == null) {
            return m;
        }
        Message known = views.get(m);
        if (known != null) {
            return known;
        }
        Message view;
        try {
            view = decoder.view(m);
        } catch (DecodeException e) {
            errors.add(e);
            view = m;
        }
        Message raced = views.putIfAbsent(m, view);
        return raced == null ? view : raced;
    }

    private List<Message> views(List<Message> messages) {
        if (decoders.isEmpty()) {
            return messages;
        }
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            out.add(view(m));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String describe() {
        return raw.describe() + (decoders.isEmpty() ? "" : "; decoding " + String.join(", ",
                decoders.entrySet().stream().map(e -> e.getKey() + " as " + e.getValue().describe()).sorted().toList()));
    }

    @Override
    public Set<Destination> destinations() {
        return raw.destinations();
    }

    @Override
    public List<Message> messages() {
        return views(raw.messages());
    }

    @Override
    public List<Message> messages(Destination destination) {
        return views(raw.messages(destination));
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public long dropped() {
        return raw.dropped();
    }

    @Override
    public Map<Destination, Throwable> errors() {
        return raw.errors();
    }

    @Override
    public List<String> problemsSince(Instant since) {
        return raw.problemsSince(since);
    }

    @Override
    public int awaitMore(int seen, Duration within) throws InterruptedException {
        return raw.awaitMore(seen, within);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Message> listener) {
        return raw.subscribe(m -> listener.accept(view(m)));
    }

    @Override
    public List<Message> await(Destination destination, Predicate<Message> filter, int count, Duration within) {
        Predicate<Message> onView = filter == ANY ? ANY : m -> filter.test(view(m));
        return views(raw.await(destination, onView, count, within));
    }

    @Override
    public void close() {
        raw.close();
    }
}
