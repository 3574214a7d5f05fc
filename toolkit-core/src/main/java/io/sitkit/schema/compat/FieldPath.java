package io.sitkit.schema.compat;

import java.util.regex.Pattern;

/**
 * A field's location in a payload while walking two schemas: {@code $.customer.email},
 * {@code $.items[*].qty}, {@code $.attributes.*}; odd names quoted: {@code $['unit price']}.
 *
 * <p>Thread-safety: immutable.
 */
final class FieldPath {
    static final FieldPath ROOT = new FieldPath("$");

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final String path;

    private FieldPath(String path) {
        this.path = path;
    }

    FieldPath field(String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return new FieldPath(path + "." + name);
        }
        return new FieldPath(path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']");
    }

    FieldPath items() {
        return new FieldPath(path + "[*]");
    }

    FieldPath index(int i) {
        return new FieldPath(path + "[" + i + "]");
    }

    FieldPath mapValues() {
        return new FieldPath(path + ".*");
    }

    boolean isRoot() {
        return path.equals("$");
    }

    /** How messages name the field: {@code `items[*].qty`}, or "the root" for the whole payload. */
    String subject() {
        if (isRoot()) {
            return "the root";
        }
        return "`" + (path.startsWith("$.") ? path.substring(2) : path.substring(1)) + "`";
    }

    @Override
    public String toString() {
        return path;
    }
}
