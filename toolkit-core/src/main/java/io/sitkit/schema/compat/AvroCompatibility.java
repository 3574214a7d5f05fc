package io.sitkit.schema.compat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.List;

/**
 * Checks a new version of an Avro schema against earlier ones. Avro's own
 * {@link SchemaCompatibility} decides what a reader can read; this names each of its findings
 * by field and in words, e.g. "field `amount` has no default, so new readers cannot read v1 data
 * that lacks it", "type of `items[*].qty` changed from int to string", "symbol `REFUNDED` missing
 * from enum `OrderStatus`".
 *
 * <pre>{@code
 * CompatibilityReport report = AvroCompatibility.check(CompatibilityMode.BACKWARD, v3, List.of(v1, v2));
 * if (!report.isCompatible()) {
 *     throw new AssertionError(report.describe());
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless; Avro {@link Schema}s are not modified.
 */
public final class AvroCompatibility {
    private AvroCompatibility() {
    }

    /**
     * @param mode      which readers must keep working
     * @param candidate the new version
     * @param history   the earlier versions, oldest first ({@code v1} first); may be empty
     */
    public static CompatibilityReport check(CompatibilityMode mode, Schema candidate, List<Schema> history) {
        return CompatibilityRun.run(mode, candidate, history, AvroCompatibility::problems);
    }

    private static List<CompatibilityProblem> problems(Schema reader, Schema writer, String version,
                                                       ReadDirection direction) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        return result.getResult().getIncompatibilities().stream()
                .flatMap(i -> AvroFindings.translate(i, reader, writer, version, direction).stream())
                .toList();
    }
}
