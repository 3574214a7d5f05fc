package io.sitkit.stub;

import io.sitkit.core.SitkitException;

/**
 * A stub file that cannot be used. The message names the file, the line and column, the key or
 * value at fault and what was expected:
 * {@code payments.yaml:4:5: stubs[0]: unknown key 'listn'; did you mean 'listen'? Known keys: name, listen, …}.
 * Nothing of the file is started when it is thrown.
 *
 * <pre>{@code
 * try {
 *     StubFiles.read(Path.of("stubs/payments.yaml"));
 * } catch (StubFileException e) {
 *     System.err.println(e.getMessage());     // file:line:column: where: what is wrong
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class StubFileException extends SitkitException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source the file (or the name given to {@link StubFiles#parse})
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param reason where in the document and what is wrong
     */
    public StubFileException(String source, int line, int column, String reason, Throwable cause) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file, or the name the text was parsed under. */
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
