package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.diff.FieldDifference;
import io.sitkit.diff.JsonDiff;
import io.sitkit.schema.SchemaDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link MessageAssert#isEquivalentTo(String)} compares: a {@link JsonDiff} (strict unless
 * configured) or a {@link SchemaDiff}, plus the paths the assertion ignores on top of either.
 *
 * <p>Thread-safety: immutable; every method returns a new instance.
 */
final class PayloadComparison {
    static final PayloadComparison STRICT = new PayloadComparison(JsonDiff.strict(), false, null, List.of());

    private final JsonDiff diff;
    /** Whether the JsonDiff rules were configured (then a schema diff, which has its own, is refused). */
    private final boolean rulesSet;
    private final SchemaDiff schema;
    private final List<String> ignored;

    private PayloadComparison(JsonDiff diff, boolean rulesSet, SchemaDiff schema, List<String> ignored) {
        this.diff = diff;
        this.rulesSet = rulesSet;
        this.schema = schema;
        this.ignored = List.copyOf(ignored);
    }

    PayloadComparison ignoring(String... paths) {
        Objects.requireNonNull(paths, "paths");
        JsonDiff.strict().ignoring(paths); // rejects a malformed pattern now, naming it
        List<String> all = new ArrayList<>(ignored);
        all.addAll(List.of(paths));
        return new PayloadComparison(diff, rulesSet, schema, all);
    }

    PayloadComparison allowingExtraFields() {
        return rules(diff.allowingExtraFields(), "allowingExtraFields()");
    }

    PayloadComparison ignoringArrayOrder() {
        return rules(diff.ignoringArrayOrder(), "ignoringArrayOrder()");
    }

    PayloadComparison using(JsonDiff base) {
        return rules(Objects.requireNonNull(base, "diff"), "usingDiff(…)");
    }

    PayloadComparison using(SchemaDiff schemaDiff) {
        Objects.requireNonNull(schemaDiff, "schemaDiff");
        if (rulesSet) {
            throw new IllegalStateException("usingSchema(…) compares by the schema diff's own rules, but the JsonDiff rules were "
                    + "already set (" + diff + "); configure them on the schema diff instead: "
                    + "schemaDiff.with(JsonDiff.strict().allowingExtraFields())");
        }
        return new PayloadComparison(diff, false, schemaDiff, ignored);
    }

    private PayloadComparison rules(JsonDiff next, String call) {
        if (schema != null) {
            throw new IllegalStateException(call + " cannot change a schema diff's rules; configure them on the schema diff "
                    + "instead: schemaDiff.with(JsonDiff.strict().allowingExtraFields())");
        }
        return new PayloadComparison(next, true, null, ignored);
    }

    /** {@code by JsonDiff[strict]}, or {@code by the schema diff, ignoring [$.eventId]}. */
    String describe() {
        if (schema == null) {
            return "by " + effectiveDiff();
        }
        return "by the schema diff" + (ignored.isEmpty() ? "" : ", ignoring " + ignored);
    }

    /** One difference: its path, the line describing it, and the untyped difference behind it. */
    record Line(String path, String text, FieldDifference difference) {
    }

    /** Every difference between expected and actual, in document order; empty when equivalent. */
    List<Line> compare(JsonNode expected, JsonNode actual) {
        List<Line> out = new ArrayList<>();
        if (schema == null) {
            for (FieldDifference d : effectiveDiff().compare(expected, actual)) {
                out.add(new Line(d.path(), d.describe(), d));
            }
        } else {
            SchemaDiff typed = ignored.isEmpty() ? schema : schema.ignoring(ignored.toArray(String[]::new));
            for (SchemaDiff.TypedDifference d : typed.compare(expected, actual)) {
                out.add(new Line(d.difference().path(), d.describe(), d.difference()));
            }
        }
        return out;
    }

    private JsonDiff effectiveDiff() {
        return ignored.isEmpty() ? diff : diff.ignoring(ignored.toArray(String[]::new));
    }
}
