package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed path or path pattern. Simple paths: {@code $.a.b}, {@code $.a[0].b}, {@code $['x.y']}.
 * Patterns add {@code [*]} (any array index), {@code .*} (any field name) and {@code ..name}
 * (that step at any depth below, including directly).
 *
 * <p>Thread-safety: immutable.
 */
final class PathPattern {
    private enum Kind { FIELD, INDEX, ANY_FIELD, ANY_INDEX }

    /** One step; {@code deep} when written after {@code ..}. */
    private record Step(Kind kind, String name, int index, boolean deep) {
        boolean accepts(Object segment) {
            return switch (kind) {
                case FIELD -> name.equals(segment);
                case INDEX -> segment instanceof Integer i && i == index;
                case ANY_FIELD -> segment instanceof String;
                case ANY_INDEX -> segment instanceof Integer;
            };
        }
    }

    private final String source;
    private final List<Step> steps;

    private PathPattern(String source, List<Step> steps) {
        this.source = source;
        this.steps = List.copyOf(steps);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the text and the position when it is not a path. */
    static PathPattern parse(String text) {
        Objects.requireNonNull(text, "path");
        return new PathPattern(text, new Parser(text).steps());
    }

    String source() {
        return source;
    }

    /** True when the pattern matches {@code path} exactly (not a prefix of it). */
    boolean matches(NodePath path) {
        return matchFrom(0, path.segments(), 0);
    }

    private boolean matchFrom(int step, List<Object> segments, int at) {
        if (step == steps.size()) {
            return at == segments.size();
        }
        Step s = steps.get(step);
        if (!s.deep()) {
            return at < segments.size() && s.accepts(segments.get(at)) && matchFrom(step + 1, segments, at + 1);
        }
        for (int k = at; k < segments.size(); k++) {
            if (s.accepts(segments.get(k)) && matchFrom(step + 1, segments, k + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The node this simple path names, or empty; throws when the path uses wildcards or {@code ..}. */
    Optional<JsonNode> resolve(JsonNode root) {
        JsonNode node = root;
        for (Step s : steps) {
            if (s.deep() || s.kind() == Kind.ANY_FIELD || s.kind() == Kind.ANY_INDEX) {
                throw new IllegalArgumentException("not a simple path: " + source
                        + " (wildcards and .. are only for ignore patterns; use $.a.b, $.a[0] or $['a.b'])");
            }
            if (node == null || node.isMissingNode()) {
                return Optional.empty();
            }
            node = s.kind() == Kind.FIELD
                    ? (node.isObject() ? node.get(s.name()) : null)
                    : (node.isArray() ? node.get(s.index()) : null);
        }
        return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    @Override
    public String toString() {
        return source;
    }

    /** A hand-written reader for the small grammar above. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        List<Step> steps() {
            if (!text.startsWith("$")) {
                throw fail("must start with $");
            }
            pos = 1;
            List<Step> steps = new ArrayList<>();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (text.startsWith("..", pos)) {
                    pos += 2;
                    steps.add(pos < text.length() && text.charAt(pos) == '[' ? bracket(true) : dotted(true));
                } else if (c == '.') {
                    pos++;
                    steps.add(dotted(false));
                } else if (c == '[') {
                    steps.add(bracket(false));
                } else {
                    throw fail("expected . or [");
                }
            }
            return steps;
        }

        private Step dotted(boolean deep) {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.isEmpty()) {
                pos = start;
                throw fail("expected a field name or *");
            }
            return name.equals("*") ? new Step(Kind.ANY_FIELD, null, -1, deep) : new Step(Kind.FIELD, name, -1, deep);
        }

        private Step bracket(boolean deep) {
            pos++; // '['
            if (pos >= text.length()) {
                throw fail("expected an index, * or a quoted name");
            }
            char c = text.charAt(pos);
            Step step;
            if (c == '*') {
                pos++;
                step = new Step(Kind.ANY_INDEX, null, -1, deep);
            } else if (c == '\'' || c == '"') {
                step = new Step(Kind.FIELD, quoted(c), -1, deep);
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                try {
                    step = new Step(Kind.INDEX, null, Integer.parseInt(text.substring(start, pos)), deep);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw fail("index too large");
                }
            } else {
                throw fail("expected an index, * or a quoted name");
            }
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw fail("expected ]");
            }
            pos++;
            return step;
        }

        private String quoted(char quote) {
            pos++;
            StringBuilder name = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != quote) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                name.append(c);
            }
            if (pos >= text.length()) {
                throw fail("unterminated quoted name");
            }
            pos++;
            return name.toString();
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("invalid path " + text + ": " + what + " at position " + pos);
        }
    }
}
