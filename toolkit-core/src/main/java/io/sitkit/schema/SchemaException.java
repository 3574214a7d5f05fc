package io.sitkit.schema;

import io.sitkit.core.SitkitException;

/**
 * A schema that cannot be read: a parse error (with the file, line and column when known), a
 * named type that no loaded file defines, a duplicate definition, an unreadable file.
 *
 * <p>Thread-safety: immutable.
 */
public final class SchemaException extends SitkitException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source where the schema came from (a path, a classpath resource, "inline")
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param reason what is wrong, in words
     */
    public SchemaException(String source, int line, int column, String reason, Throwable cause) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason,
                cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public SchemaException(String source, String reason) {
        this(source, 0, 0, reason, null);
    }

    /** Where the schema came from. */
    public String source() {
        return source;
    }

    /** 1-based line of the error, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, or 0 when unknown. */
    public int column() {
        return column;
    }
}
