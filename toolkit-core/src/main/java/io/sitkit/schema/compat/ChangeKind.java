package io.sitkit.schema.compat;

/**
 * What changed between two versions of a schema to break a reader, the same words for Avro and
 * JSON Schema.
 *
 * <pre>{@code
 * report.problems().stream().filter(p -> p.change() == ChangeKind.FIELD_REMOVED)...
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum ChangeKind {
    /** A field older readers need is gone from new data (Avro: it has no default; JSON: it is required). */
    FIELD_REMOVED,
    /** A new field that new readers need and older data lacks (Avro: no default; JSON: required). */
    REQUIRED_FIELD_ADDED,
    /** An optional field became required (JSON Schema). */
    FIELD_MADE_REQUIRED,
    /** A required field became optional (JSON Schema). */
    FIELD_MADE_OPTIONAL,
    /** A reader that rejects unknown fields ({@code additionalProperties: false}) meets a field it does not know. */
    FIELD_REJECTED,
    /** A field's type changed in a way the reader cannot take. */
    TYPE_CHANGED,
    /** Enum symbols or values were removed. */
    ENUM_NARROWED,
    /** Enum symbols or values were added. */
    ENUM_WIDENED,
    /** A branch was removed from a union (Avro). */
    UNION_BRANCH_REMOVED,
    /** A branch was added to a union (Avro). */
    UNION_BRANCH_ADDED,
    /** A named type (record, enum, fixed) was renamed without an alias (Avro). */
    NAME_CHANGED,
    /** A fixed type changed size (Avro). */
    FIXED_SIZE_CHANGED,
    /** Anything else the underlying checker reports, in its own words. */
    OTHER
}
