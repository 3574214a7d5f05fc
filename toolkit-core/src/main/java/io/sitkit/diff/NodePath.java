package io.sitkit.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The location of one node while walking a document: a chain of field names and array indexes,
 * rendered as {@code $.order.items[2].sku}, with names that need it quoted: {@code $['a.b']}.
 *
 * <p>Thread-safety: immutable.
 */
final class NodePath {
    static final NodePath ROOT = new NodePath(null, null);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final NodePath parent;
    /** A {@code String} field name or an {@code Integer} index; null only for the root. */
    private final Object segment;

    private NodePath(NodePath parent, Object segment) {
        this.parent = parent;
        this.segment = segment;
    }

    NodePath child(String name) {
        return new NodePath(this, name);
    }

    NodePath index(int index) {
        return new NodePath(this, index);
    }

    /** Segments from the root down: {@code String} names and {@code Integer} indexes. */
    List<Object> segments() {
        List<Object> out = new ArrayList<>();
        for (NodePath p = this; p.parent != null; p = p.parent) {
            out.add(p.segment);
        }
        Collections.reverse(out);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (Object s : segments()) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                appendName(sb, (String) s);
            }
        }
        return sb.toString();
    }

    /** Appends {@code .name}, or {@code ['name']} with {@code '} and {@code \} escaped when the name is not plain. */
    static void appendName(StringBuilder sb, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            sb.append('.').append(name);
            return;
        }
        sb.append("['");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append("']");
    }
}
