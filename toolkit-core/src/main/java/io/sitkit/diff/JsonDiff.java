package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares an expected JSON document with an actual one, field by field, and lists what differs.
 *
 * <pre>{@code
 * static final JsonDiff ORDERS = JsonDiff.strict()
 *         .ignoring("$.timestamp", "$.items[*].id", "$..traceId")
 *         .allowingExtraFields();
 *
 * for (FieldDifference d : ORDERS.compare(expected, actual)) {
 *     System.out.println(d.describe()); // $.total_amount: missing (the message has $.totalAmount)
 * }
 * }</pre>
 *
 * <p>Rules: numbers compare by value ({@code 42} equals {@code 42.0}); a JSON {@code null} is a
 * value, so an expected {@code null} the message lacks is {@link FieldDifference.Kind#MISSING};
 * arrays compare by index unless {@link #ignoringArrayOrder()}; when an expected field is missing
 * and the actual object has one whose name differs only in case, {@code _} or {@code -}, the
 * missing field carries the hint {@code the message has $.totalAmount} and that field is not also
 * reported as unexpected. Ignore patterns ({@link #ignoring}) skip the node and everything below it.
 *
 * <p>Thread-safety: immutable and thread-safe; every {@code with…}/{@code …ing} method returns a
 * new instance, so configured diffs can be shared constants.
 */
public final class JsonDiff {
    private static final JsonDiff STRICT = new JsonDiff(List.of(), false, false, 0);

    private final List<PathPattern> ignored;
    private final boolean allowExtraFields;
    private final boolean ignoreArrayOrder;
    private final double tolerance;

    private JsonDiff(List<PathPattern> ignored, boolean allowExtraFields, boolean ignoreArrayOrder, double tolerance) {
        this.ignored = List.copyOf(ignored);
        this.allowExtraFields = allowExtraFields;
        this.ignoreArrayOrder = ignoreArrayOrder;
        this.tolerance = tolerance;
    }

    /** Every field, element and value must match; extra fields are reported; numbers must be equal in value. */
    public static JsonDiff strict() {
        return STRICT;
    }

    /**
     * Also skips nodes matching these patterns, and everything below them. Forms: exact
     * ({@code $.timestamp}, {@code $.items[0].id}, {@code $['a.b']}), {@code [*]} for any array index
     * ({@code $.items[*].id}), {@code .*} for any field name ({@code $.meta.*}), and {@code ..name}
     * for that name at any depth ({@code $..traceId}).
     *
     * @throws IllegalArgumentException naming the pattern and the position when one is not a path
     */
    public JsonDiff ignoring(String... paths) {
        Objects.requireNonNull(paths, "paths");
        List<PathPattern> all = new ArrayList<>(ignored);
        for (String p : paths) {
            all.add(PathPattern.parse(p));
        }
        return new JsonDiff(all, allowExtraFields, ignoreArrayOrder, tolerance);
    }

    /** Does not report object fields only the actual document has (extra array elements still count). */
    public JsonDiff allowingExtraFields() {
        return new JsonDiff(ignored, true, ignoreArrayOrder, tolerance);
    }

    /**
     * Compares arrays as multisets: equal elements pair up whatever their position; each remaining
     * expected element pairs with the remaining actual element it differs least from, and their
     * differences are reported at the expected index.
     */
    public JsonDiff ignoringArrayOrder() {
        return new JsonDiff(ignored, allowExtraFields, true, tolerance);
    }

    /**
     * Numbers within {@code tolerance} of each other are equal ({@code 0} for exact value equality).
     *
     * @throws IllegalArgumentException when {@code tolerance} is negative, NaN or infinite
     */
    public JsonDiff withNumericTolerance(double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("numeric tolerance must be a finite number >= 0, was " + tolerance);
        }
        return new JsonDiff(ignored, allowExtraFields, ignoreArrayOrder, tolerance);
    }

    /**
     * The differences between {@code expected} and {@code actual}, in document order: expected's
     * fields in their order, then fields only the actual object has; array elements by index.
     * Empty when they match. A {@code MissingNode} counts as no document.
     */
    public List<FieldDifference> compare(JsonNode expected, JsonNode actual) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        return new DiffWalker(ignored, allowExtraFields, ignoreArrayOrder, tolerance).compare(expected, actual);
    }

    /**
     * A hint line for a missing field whose name the message spells differently, e.g.
     * {@code field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)};
     * styles are snake_case, camelCase, PascalCase and kebab-case, else {@code different case} or
     * {@code different separators}. Failing that, a one-letter typo:
     * {@code field `total` missing; did you mean `totl`?}. Empty when {@code actualNames} has the
     * name itself or nothing close.
     */
    public static Optional<String> namingHint(String expectedName, Collection<String> actualNames) {
        Objects.requireNonNull(expectedName, "expectedName");
        Objects.requireNonNull(actualNames, "actualNames");
        return NamingHints.sentence(expectedName, actualNames);
    }

    /**
     * The node at a simple path ({@code $.a.b}, {@code $.a[0].b}, {@code $['x.y']}), or empty when
     * there is none; a JSON {@code null} is present.
     *
     * @throws IllegalArgumentException when the path is malformed or uses wildcards or {@code ..}
     */
    public static Optional<JsonNode> at(JsonNode root, String simplePath) {
        Objects.requireNonNull(root, "root");
        return PathPattern.parse(simplePath).resolve(root);
    }

    /**
     * Compact JSON for a message line: strings quoted, cut to {@code maxChars} characters ending in
     * {@code …}; {@code missing} for a null or missing node.
     *
     * @throws IllegalArgumentException when {@code maxChars < 1}
     */
    public static String render(JsonNode value, int maxChars) {
        return JsonValues.render(value, maxChars);
    }

    /** The configuration, e.g. {@code JsonDiff[ignoring [$.timestamp], extra fields allowed]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!ignored.isEmpty()) {
            parts.add("ignoring " + ignored.stream().map(PathPattern::source).collect(Collectors.joining(", ", "[", "]")));
        }
        if (allowExtraFields) {
            parts.add("extra fields allowed");
        }
        if (ignoreArrayOrder) {
            parts.add("array order ignored");
        }
        if (tolerance > 0) {
            parts.add("numeric tolerance " + tolerance);
        }
        return "JsonDiff[" + (parts.isEmpty() ? "strict" : String.join(", ", parts)) + "]";
    }
}
