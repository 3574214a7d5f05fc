package io.sitkit.schema;

import java.util.Objects;

/**
 * One field of a schema as its JSON view shows it: the path ({@code $.lines[*].sku}), the JSON
 * type, whether it may be absent or null, what the schema declared, and for objects whether the
 * schema forbids fields it does not list.
 *
 * <p>Thread-safety: immutable.
 *
 * @param path     normalised JSON path: dotted names, {@code [*]} for array items, {@code .*} for map values
 * @param type     the JSON type of the field's values
 * @param optional whether the field may be absent or null
 * @param declared the schema's own words for the type, e.g. {@code decimal(12,2)}, {@code long timestamp-millis}
 * @param closed   for objects: whether unknown fields are rejected ({@code additionalProperties: false})
 */
public record SchemaField(String path, FieldType type, boolean optional, String declared, boolean closed) {
    public SchemaField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(declared, "declared");
    }

    /** The path of the enclosing object or array ({@code $} for top-level fields). */
    public String parent() {
        return SchemaFields.parent(path);
    }

    /** The last name in the path ({@code sku} for {@code $.lines[*].sku}). */
    public String name() {
        return SchemaFields.lastName(path);
    }
}
