package io.sitkit.expect;

import io.sitkit.core.Destination;
import io.sitkit.match.JsonPathExpression;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One business field as it appears, under its own name, on several destinations of a flow — so a
 * flow expectation can check it keeps its value across hops.
 *
 * <pre>{@code
 * FieldMapping total = FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class FieldMapping {
    private final Map<Destination, JsonPathExpression> paths;

    private FieldMapping(Map<Destination, JsonPathExpression> paths) {
        this.paths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    }

    /** The field at {@code path} on the destination at {@code address}. */
    public static FieldMapping of(String address, String path) {
        return new FieldMapping(Map.of(Destination.parse(address), JsonPathExpression.compile(path)));
    }

    /** A copy where the same field sits at {@code path} on the destination at {@code address}. */
    public FieldMapping and(String address, String path) {
        Map<Destination, JsonPathExpression> copy = new LinkedHashMap<>(paths);
        if (copy.put(Destination.parse(address), JsonPathExpression.compile(path)) != null) {
            throw new IllegalArgumentException(address + " is mapped twice in " + this);
        }
        return new FieldMapping(copy);
    }

    /** The same mapping on the destinations {@code names} gives for these (the identity keeps it). */
    FieldMapping renamed(java.util.function.UnaryOperator<Destination> names) {
        Map<Destination, JsonPathExpression> copy = new LinkedHashMap<>();
        paths.forEach((d, p) -> copy.put(names.apply(d), p));
        return new FieldMapping(copy);
    }

    Map<Destination, JsonPathExpression> paths() {
        return paths;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        paths.forEach((d, p) -> sb.append(sb.length() == 0 ? "" : " = ").append(p.path()).append(" on ").append(d));
        return sb.toString();
    }
}
