package io.sitkit.template;

import io.sitkit.core.SitkitException;

/**
 * A template that cannot be parsed or rendered. The message names the template, the line and
 * column, and the expression: {@code reply.json:3:15: unknown function 'uid' in {{ uid() }}; …}.
 *
 * <p>Thread-safety: immutable.
 */
public final class TemplateException extends SitkitException {
    private static final long serialVersionUID = 1L;
    private final String template;
    private final int line;
    private final int column;

    public TemplateException(String template, int line, int column, String message) {
        super(template + ":" + line + ":" + column + ": " + message);
        this.template = template;
        this.line = line;
        this.column = column;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
