package io.sitkit.schema.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The overrides of one generation: which paths have a fixed value, which of them were used, and
 * the paths generated (to name them when an override matched nothing). A path matches exactly
 * ({@code $.items[0].qty}) or with {@code [*]} for any index ({@code $.items[*].qty}).
 *
 * <p>Thread-safety: one instance per generation, used from one thread.
 */
final class Overrides {
    /** How many generated paths a "matched nothing" message lists. */
    static final int LISTED = 30;
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final Map<String, Object> values;
    private final Set<String> used = new HashSet<>();
    private final Set<String> seen = new LinkedHashSet<>();

    Overrides(Map<String, Object> values) {
        this.values = values;
    }

    /** The override for a path, if any: an exact one first, then one with {@code [*]} indexes. */
    Optional<Holder> at(String path) {
        String wildcard = INDEX.matcher(path).replaceAll("[*]");
        if (!path.equals("$")) {
            seen.add(wildcard);
        }
        for (String key : List.of(path, wildcard)) {
            if (values.containsKey(key)) {
                used.add(key);
                return Optional.of(new Holder(values.get(key)));
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException naming each override that matched no generated path */
    void requireAllUsed(String what) {
        List<String> unused = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                unused.add(key);
            }
        }
        if (unused.isEmpty()) {
            return;
        }
        String listed = seen.stream().limit(LISTED).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("override" + (unused.size() == 1 ? " " : "s ") + String.join(", ", unused)
                + " matched no field of " + what + "; its fields are " + listed + (seen.size() > LISTED ? ", …" : ""));
    }

    /** The path of a field: {@code $.customer.email}, or {@code $['unit price']} for a name that needs quoting. */
    static String child(String path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** An override's value, which may itself be null. */
    record Holder(Object value) {
    }
}
