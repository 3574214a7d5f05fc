package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.sitkit.diff.FieldDifference.Kind;

/**
 * The depth-first walk behind {@link JsonDiff#compare}: expected fields in their order, then the
 * fields only the actual object has, in its order; array elements by index.
 *
 * <p>Thread-safety: immutable; each walk writes only to the list it is given.
 */
final class DiffWalker {
    private final List<PathPattern> ignored;
    private final boolean allowExtraFields;
    private final boolean ignoreArrayOrder;
    private final double tolerance;

    DiffWalker(List<PathPattern> ignored, boolean allowExtraFields, boolean ignoreArrayOrder, double tolerance) {
        this.ignored = ignored;
        this.allowExtraFields = allowExtraFields;
        this.ignoreArrayOrder = ignoreArrayOrder;
        this.tolerance = tolerance;
    }

    List<FieldDifference> compare(JsonNode expected, JsonNode actual) {
        List<FieldDifference> out = new ArrayList<>();
        node(NodePath.ROOT, expected, actual, out);
        return List.copyOf(out);
    }

    private void node(NodePath path, JsonNode expected, JsonNode actual, List<FieldDifference> out) {
        if (isIgnored(path) || (absent(expected) && absent(actual))) {
            return;
        }
        if (absent(actual)) {
            out.add(new FieldDifference(path.toString(), Kind.MISSING, expected, null, null));
        } else if (absent(expected)) {
            out.add(new FieldDifference(path.toString(), Kind.UNEXPECTED, null, actual, null));
        } else if (expected.isObject() && actual.isObject()) {
            objects(path, expected, actual, out);
        } else if (expected.isArray() && actual.isArray()) {
            if (ignoreArrayOrder) {
                unorderedArrays(path, expected, actual, out);
            } else {
                orderedArrays(path, expected, actual, out);
            }
        } else if (expected.getNodeType() != actual.getNodeType()) {
            out.add(new FieldDifference(path.toString(), Kind.TYPE_CHANGED, expected, actual, null));
        } else if (!JsonValues.scalarsEqual(expected, actual, tolerance)) {
            out.add(new FieldDifference(path.toString(), Kind.CHANGED, expected, actual, null));
        }
    }

    private void objects(NodePath path, JsonNode expected, JsonNode actual, List<FieldDifference> out) {
        Set<String> expectedNames = new HashSet<>();
        expected.properties().forEach(f -> expectedNames.add(f.getKey()));
        List<String> actualNames = new ArrayList<>();
        actual.properties().forEach(f -> actualNames.add(f.getKey()));
        Set<String> paired = new HashSet<>();
        Predicate<String> spare = name -> !expectedNames.contains(name) && !paired.contains(name)
                && !isIgnored(path.child(name));

        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            String name = field.getKey();
            NodePath child = path.child(name);
            if (isIgnored(child)) {
                continue;
            }
            if (actual.has(name)) {
                node(child, field.getValue(), actual.get(name), out);
                continue;
            }
            Optional<String> renamed = NamingHints.sameNormalized(name, actualNames, spare);
            renamed.ifPresent(paired::add);
            String hint = renamed.map(r -> "the message has " + path.child(r))
                    .or(() -> NamingHints.nearTypo(name, actualNames, spare).map(t -> "did you mean " + path.child(t) + "?"))
                    .orElse(null);
            out.add(new FieldDifference(child.toString(), Kind.MISSING, field.getValue(), null, hint));
        }
        if (allowExtraFields) {
            return;
        }
        for (String name : actualNames) {
            if (!expectedNames.contains(name) && !paired.contains(name)) {
                node(path.child(name), null, actual.get(name), out);
            }
        }
    }

    private void orderedArrays(NodePath path, JsonNode expected, JsonNode actual, List<FieldDifference> out) {
        int size = Math.max(expected.size(), actual.size());
        for (int i = 0; i < size; i++) {
            node(path.index(i), expected.get(i), actual.get(i), out);
        }
    }

    /**
     * Pairs equal elements first, then each remaining expected element (in order) with the remaining
     * actual element it differs least from; differences of a pair are reported at the expected index.
     */
    private void unorderedArrays(NodePath path, JsonNode expected, JsonNode actual, List<FieldDifference> out) {
        boolean[] used = new boolean[actual.size()];
        for (int j = 0; j < used.length; j++) {
            used[j] = isIgnored(path.index(j));
        }
        List<Integer> unpaired = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (isIgnored(path.index(i))) {
                continue;
            }
            int equal = -1;
            for (int j = 0; j < used.length && equal < 0; j++) {
                if (!used[j] && differences(path.index(i), expected.get(i), actual.get(j)).isEmpty()) {
                    equal = j;
                }
            }
            if (equal >= 0) {
                used[equal] = true;
            } else {
                unpaired.add(i);
            }
        }
        for (int i : unpaired) {
            List<FieldDifference> nearest = null;
            int nearestIndex = -1;
            for (int j = 0; j < used.length; j++) {
                if (!used[j]) {
                    List<FieldDifference> d = differences(path.index(i), expected.get(i), actual.get(j));
                    if (nearest == null || d.size() < nearest.size()) {
                        nearest = d;
                        nearestIndex = j;
                    }
                }
            }
            if (nearest == null) {
                out.add(new FieldDifference(path.index(i).toString(), Kind.MISSING, expected.get(i), null, null));
            } else {
                used[nearestIndex] = true;
                out.addAll(nearest);
            }
        }
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                out.add(new FieldDifference(path.index(j).toString(), Kind.UNEXPECTED, null, actual.get(j), null));
            }
        }
    }

    private List<FieldDifference> differences(NodePath path, JsonNode expected, JsonNode actual) {
        List<FieldDifference> out = new ArrayList<>();
        node(path, expected, actual, out);
        return out;
    }

    private boolean isIgnored(NodePath path) {
        for (PathPattern p : ignored) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode();
    }
}
