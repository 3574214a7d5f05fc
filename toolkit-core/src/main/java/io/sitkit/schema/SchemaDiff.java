package io.sitkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.diff.FieldDifference;
import io.sitkit.diff.JsonDiff;
import io.sitkit.schema.avro.AvroJson;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The field-level diff of two values of one schema, each difference labelled with the type the
 * schema declares there, with volatile fields (ids, timestamps) ignored by path or pattern — or,
 * for Avro, by the schema itself ({@link #ignoringVolatileFields()} skips {@code uuid} and
 * timestamp fields).
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.avro(orderPlaced).ignoring("$.eventId", "$..placedAt");
 * for (TypedDifference d : diff.compare(expectedRecord, actualRecord)) {
 *     System.out.println(d.describe());  // $.total.amount (decimal(12,2)): expected 39.80 but was 39.8
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable; every {@code ignoring…}/{@code with…} method returns a new instance.
 */
public final class SchemaDiff {
    private final Schema avro;
    private final Map<String, SchemaField> fields;
    private final JsonDiff diff;

    private SchemaDiff(Schema avro, Map<String, SchemaField> fields, JsonDiff diff) {
        this.avro = avro;
        this.fields = fields;
        this.diff = Objects.requireNonNull(diff, "diff");
    }

    /** A diff of Avro values of {@code schema} (generic records or their plain JSON views). */
    public static SchemaDiff avro(Schema schema) {
        return new SchemaDiff(schema, SchemaFields.avro(schema), JsonDiff.strict());
    }

    /** A diff of JSON documents described by a JSON Schema. */
    public static SchemaDiff jsonSchema(JsonNode schema) {
        return new SchemaDiff(null, SchemaFields.jsonSchema(schema), JsonDiff.strict());
    }

    /** Skips these paths or patterns ({@code $.eventId}, {@code $.lines[*].id}, {@code $..traceId}). */
    public SchemaDiff ignoring(String... pathsOrPatterns) {
        return new SchemaDiff(avro, fields, diff.ignoring(pathsOrPatterns));
    }

    /** Compares with {@code base}'s rules (extra fields, array order, numeric tolerance, ignores). */
    public SchemaDiff with(JsonDiff base) {
        return new SchemaDiff(avro, fields, base);
    }

    /**
     * Also skips every field whose schema type marks it volatile: Avro {@code uuid} strings and
     * {@code timestamp-*}/{@code local-timestamp-*} longs; JSON Schema {@code format: uuid} and
     * {@code format: date-time}.
     */
    public SchemaDiff ignoringVolatileFields() {
        List<String> volatileFields = new ArrayList<>();
        for (SchemaField f : fields.values()) {
            if (isVolatile(f.declared())) {
                volatileFields.add(f.path());
            }
        }
        return volatileFields.isEmpty() ? this : ignoring(volatileFields.toArray(String[]::new));
    }

    private static boolean isVolatile(String declared) {
        return declared.endsWith(" uuid") || declared.contains("timestamp-") || declared.equals("string date-time")
                || declared.startsWith("string uuid") || declared.startsWith("string date-time");
    }

    /** Differences between two Avro values (records, or anything Avro's generic API gives). */
    public List<TypedDifference> compare(Object expectedDatum, Object actualDatum) {
        if (avro == null) {
            throw new IllegalStateException("compare(Object, Object) needs an Avro schema; use compare(JsonNode, JsonNode)");
        }
        return compare(AvroJson.view(avro, expectedDatum), AvroJson.view(avro, actualDatum));
    }

    /** Differences between two JSON views. */
    public List<TypedDifference> compare(JsonNode expected, JsonNode actual) {
        List<TypedDifference> out = new ArrayList<>();
        for (FieldDifference d : diff.compare(expected, actual)) {
            SchemaField f = field(SchemaFields.normalize(d.path()));
            out.add(new TypedDifference(d, f == null ? "" : f.declared()));
        }
        return out;
    }

    /** The field at {@code path}; map values ({@code $.attributes.*}) match any key. */
    private SchemaField field(String path) {
        SchemaField exact = fields.get(path);
        if (exact != null) {
            return exact;
        }
        for (SchemaField f : fields.values()) {
            if (f.path().contains(".*") && path.matches(java.util.regex.Pattern.quote(f.path())
                    .replace(".*", "\\E\\.[^.\\[]+\\Q"))) {
                return f;
            }
        }
        return null;
    }

    /**
     * A difference with the schema's type at its path ("" when the schema does not describe it).
     *
     * <p>Thread-safety: immutable.
     */
    public record TypedDifference(FieldDifference difference, String declaredType) {
        public TypedDifference {
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(declaredType, "declaredType");
        }

        /** {@code $.total.amount (decimal(12,2)): expected 39.80 but was 39.8}. */
        public String describe() {
            String line = difference.describe();
            if (declaredType.isEmpty() || !line.startsWith(difference.path() + ":")) {
                return line;
            }
            return difference.path() + " (" + declaredType + ")" + line.substring(difference.path().length());
        }
    }
}
