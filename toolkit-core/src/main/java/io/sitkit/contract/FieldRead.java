package io.sitkit.contract;

import io.sitkit.schema.FieldType;

import java.util.Objects;

/**
 * A field a consumer reads: its JSON path ({@code $.total}, {@code $.items[*].sku}) and the type
 * it expects there.
 *
 * <p>Thread-safety: immutable.
 */
public record FieldRead(String path, FieldType type) {
    public FieldRead {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("field path must start with '$', was '" + path + "'");
        }
    }
}
