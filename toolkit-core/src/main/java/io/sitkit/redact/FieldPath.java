package io.sitkit.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple JSON path naming values to mask: {@code $} followed by {@code .name}, {@code ['name']},
 * {@code [n]}, {@code [*]} or {@code .*} steps. Names match exactly (case-sensitive); wildcards
 * match every member of an object or element of an array.
 *
 * <p>Thread-safety: immutable.
 *
 * @param text  the path as written
 * @param steps the parsed steps, at least one
 */
record FieldPath(String text, List<Step> steps) {

    static final String FORMS = "$.patient.id, $.cards[*].number, $.items[0].sku or $['odd name']";

    /** One step of a path. */
    sealed interface Step permits Member, Element, Any {
    }

    /** An object member by name. */
    record Member(String name) implements Step {
    }

    /** An array element by index. */
    record Element(int index) implements Step {
    }

    /** Every member or element. */
    record Any() implements Step {
    }

    FieldPath {
        steps = List.copyOf(steps);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the path, what is wrong and the accepted forms
     */
    static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("redact path is blank; use forms like " + FORMS);
        }
        String p = text.strip();
        if (!p.startsWith("$")) {
            throw invalid(p, "it must start with '$'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                String name = p.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw invalid(p, "empty name at index " + i);
                }
                steps.add(name.equals("*") ? new Any() : new Member(name));
                i = end;
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw invalid(p, "'[' at index " + i + " is not closed");
                }
                steps.add(bracket(p, p.substring(i + 1, close).strip(), i));
                i = close + 1;
            } else {
                throw invalid(p, "unexpected '" + c + "' at index " + i);
            }
        }
        if (steps.isEmpty()) {
            throw invalid(p, "it names no field");
        }
        return new FieldPath(p, steps);
    }

    private static Step bracket(String path, String inside, int at) {
        if (inside.equals("*")) {
            return new Any();
        }
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return new Member(inside.substring(1, inside.length() - 1));
        }
        try {
            int index = Integer.parseInt(inside);
            if (index >= 0) {
                return new Element(index);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(path, "'[" + inside + "]' at index " + at + " is neither [*], a quoted name nor an index >= 0");
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("'" + path + "' is not a supported redact path: " + why
                + "; use forms like " + FORMS);
    }

    /** Replaces every value the path names in {@code root} with {@code mask}; true when something changed. */
    boolean mask(JsonNode root, JsonNode mask) {
        return mask(root, 0, mask);
    }

    private boolean mask(JsonNode node, int index, JsonNode mask) {
        Step step = steps.get(index);
        boolean last = index == steps.size() - 1;
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            if (step instanceof Member m) {
                names.add(m.name());
            } else if (step instanceof Any) {
                object.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child != null && last && !child.equals(mask)) {
                    object.set(name, mask);
                    changed = true;
                } else if (child != null && !last) {
                    changed |= mask(child, index + 1, mask);
                }
            }
        } else if (node instanceof ArrayNode array) {
            int from = step instanceof Element e ? e.index() : 0;
            int to = step instanceof Element e ? Math.min(e.index() + 1, array.size()) : step instanceof Any ? array.size() : 0;
            for (int i = from; i < to; i++) {
                if (last && !array.get(i).equals(mask)) {
                    array.set(i, mask);
                    changed = true;
                } else if (!last) {
                    changed |= mask(array.get(i), index + 1, mask);
                }
            }
        }
        return changed;
    }

    @Override
    public String toString() {
        return text;
    }
}
