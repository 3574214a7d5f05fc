package io.sitkit.correlate;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per destination, where the correlation key lives — different destinations may carry the same key
 * differently — with a default for destinations not named.
 *
 * <pre>{@code
 * CorrelationRules rules = CorrelationRules.byDefault(KeySource.kafkaKey())
 *         .on("kafka:orders", KeySource.jsonPath("$.orderId"))
 *         .on("jms:queue:payments", KeySource.header("orderId"));
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@code on} returns a new instance.
 */
public final class CorrelationRules {
    private final KeySource fallback;
    private final Map<Destination, KeySource> rules;

    private CorrelationRules(KeySource fallback, Map<Destination, KeySource> rules) {
        this.fallback = fallback;
        // in the order given, so toString reads as the rules were written (Map.copyOf's order changes from run to run)
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Rules where every destination not named uses {@code source}. */
    public static CorrelationRules byDefault(KeySource source) {
        return new CorrelationRules(Objects.requireNonNull(source, "source"), Map.of());
    }

    /** Rules that correlate only the destinations named with {@link #on}. */
    public static CorrelationRules none() {
        return new CorrelationRules(null, Map.of());
    }

    /** A copy where {@code destination} carries its key at {@code source}. */
    public CorrelationRules on(Destination destination, KeySource source) {
        Map<Destination, KeySource> copy = new LinkedHashMap<>(rules);
        copy.put(Objects.requireNonNull(destination, "destination"), Objects.requireNonNull(source, "source"));
        return new CorrelationRules(fallback, copy);
    }

    /** A copy where the destination at {@code address} carries its key at {@code source}. */
    public CorrelationRules on(String address, KeySource source) {
        return on(Destination.parse(address), source);
    }

    /**
     * A copy whose rules name the destinations {@code names} gives for the ones named here — the
     * real names a test's logical addresses stand for. {@code names} must keep a real name as it is.
     */
    public CorrelationRules renamed(java.util.function.UnaryOperator<Destination> names) {
        Map<Destination, KeySource> copy = new LinkedHashMap<>();
        rules.forEach((d, s) -> copy.put(names.apply(d), s));
        return new CorrelationRules(fallback, copy);
    }

    /** The rule for a destination, if any. */
    public Optional<KeySource> sourceFor(Destination destination) {
        KeySource s = rules.get(destination);
        return Optional.ofNullable(s != null ? s : fallback);
    }

    /** The correlation key of a message under these rules, or empty. */
    public Optional<String> keyOf(Message message) {
        return sourceFor(message.destination()).flatMap(s -> s.keyOf(message));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CorrelationRules{");
        rules.forEach((d, s) -> sb.append(d).append(" by ").append(s.describe()).append(", "));
        sb.append("others by ").append(fallback == null ? "nothing" : fallback.describe()).append('}');
        return sb.toString();
    }
}
