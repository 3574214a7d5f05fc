package io.sitkit.schema.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sitkit.schema.json.internal.LocalRefs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Whether a reader schema accepts what a writer schema lets through, for the common breaking
 * changes: walks both documents from the root, following properties, array items and local
 * {@code $ref}s, and names each problem with old and new in time order.
 *
 * <p>Thread-safety: one instance per reader/writer pair, used from one thread.
 */
final class JsonReadCheck {
    private static final int MAX_DEPTH = 64;
    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final JsonNode readerRoot;
    private final JsonNode writerRoot;
    private final String version;
    private final ReadDirection direction;
    private final boolean newReads;
    private final List<CompatibilityProblem> problems = new ArrayList<>();
    private final Set<String> visitedRefPairs = new HashSet<>();

    JsonReadCheck(JsonNode readerRoot, JsonNode writerRoot, String version, ReadDirection direction) {
        this.readerRoot = readerRoot;
        this.writerRoot = writerRoot;
        this.version = version;
        this.direction = direction;
        this.newReads = direction == ReadDirection.NEW_READS_OLD;
    }

    List<CompatibilityProblem> run() {
        walk(readerRoot, writerRoot, FieldPath.ROOT, 0);
        return problems;
    }

    private void walk(JsonNode readerSchema, JsonNode writerSchema, FieldPath path, int depth) {
        if (depth > MAX_DEPTH || readerSchema == null || writerSchema == null) {
            return;
        }
        if (readerSchema.has("$ref") && writerSchema.has("$ref")
                && !visitedRefPairs.add(readerSchema.get("$ref") + "|" + writerSchema.get("$ref"))) {
            return;   // a recursive structure already walked
        }
        JsonNode r = LocalRefs.resolve(readerRoot, readerSchema);
        JsonNode w = LocalRefs.resolve(writerRoot, writerSchema);
        if (!r.isObject() || !w.isObject()) {
            return;   // boolean schemas are not analysed
        }
        Set<String> readerTypes = types(r);
        Set<String> writerTypes = types(w);
        if (readerTypes != null && (writerTypes == null
                || !writerTypes.stream().allMatch(t -> readerTypes.contains(t)
                || t.equals("integer") && readerTypes.contains("number")))) {
            add(path, ChangeKind.TYPE_CHANGED, "type of " + path.subject() + " changed from "
                    + words(newReads ? writerTypes : readerTypes) + " to " + words(newReads ? readerTypes : writerTypes));
            return;
        }
        enums(r, w, path);
        if (couldBe(readerTypes, "object") && couldBe(writerTypes, "object")) {
            objects(r, w, path, depth);
        }
        if (couldBe(readerTypes, "array") && couldBe(writerTypes, "array")) {
            arrays(r, w, path, depth);
        }
    }

    private void enums(JsonNode r, JsonNode w, FieldPath path) {
        Set<JsonNode> readerValues = values(r);
        if (readerValues == null) {
            return;
        }
        Set<JsonNode> writerValues = values(w);
        if (writerValues == null) {
            if (newReads) {
                add(path, ChangeKind.ENUM_NARROWED, path.subject() + " now limited to " + list(readerValues));
            } else {
                add(path, ChangeKind.ENUM_WIDENED, "enum of " + path.subject() + " removed (was " + list(readerValues) + ")");
            }
            return;
        }
        Set<JsonNode> unknown = new LinkedHashSet<>(writerValues);
        unknown.removeAll(readerValues);
        if (!unknown.isEmpty()) {
            String values = (unknown.size() == 1 ? "value " : "values ") + list(unknown);
            if (newReads) {
                add(path, ChangeKind.ENUM_NARROWED, values + " missing from enum of " + path.subject());
            } else {
                add(path, ChangeKind.ENUM_WIDENED, values + " added to enum of " + path.subject());
            }
        }
    }

    private void objects(JsonNode r, JsonNode w, FieldPath path, int depth) {
        JsonNode readerProps = r.path("properties").isObject() ? r.get("properties") : EMPTY;
        JsonNode writerProps = w.path("properties").isObject() ? w.get("properties") : EMPTY;
        Set<String> readerRequired = names(r.get("required"));
        Set<String> writerRequired = names(w.get("required"));
        JsonNode additional = r.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.asBoolean();
        Set<String> names = new LinkedHashSet<>();
        readerProps.fieldNames().forEachRemaining(names::add);
        names.addAll(readerRequired);
        writerProps.fieldNames().forEachRemaining(names::add);
        Renames renames = new Renames(newReads ? writerProps : readerProps, newReads ? readerProps : writerProps);
        for (String name : names) {
            boolean inReader = readerProps.has(name);
            boolean inWriter = writerProps.has(name);
            FieldPath field = path.field(name);
            if (readerRequired.contains(name) && !writerRequired.contains(name)) {
                required(field, name, inWriter, renames);
            }
            if (inWriter && !inReader) {
                if (closed && !matchesPattern(r, name)) {
                    add(field, ChangeKind.FIELD_REJECTED, field.subject() + (newReads
                            ? " removed, but new readers reject unknown properties (additionalProperties: false) and "
                            + direction.data(version) + " has it" + renames.forRemoved(name)
                            : " added, but " + direction.readers(version)
                            + " reject unknown properties (additionalProperties: false)" + renames.forAdded(name)));
                } else if (additional != null && additional.isObject()) {
                    walk(additional, writerProps.get(name), field, depth + 1);
                }
            } else if (inReader && inWriter) {
                walk(readerProps.get(name), writerProps.get(name), field, depth + 1);
            }
        }
    }

    private void required(FieldPath field, String name, boolean inWriter, Renames renames) {
        String consequence = ", so " + direction.readers(version) + " cannot read " + direction.data(version)
                + " that lacks it";
        if (inWriter) {
            add(field, newReads ? ChangeKind.FIELD_MADE_REQUIRED : ChangeKind.FIELD_MADE_OPTIONAL,
                    field.subject() + (newReads ? " made required" : " made optional") + consequence);
        } else if (newReads) {
            add(field, ChangeKind.REQUIRED_FIELD_ADDED, field.subject() + " added as required" + consequence
                    + renames.forAdded(name));
        } else {
            add(field, ChangeKind.FIELD_REMOVED, field.subject() + " removed" + consequence + renames.forRemoved(name));
        }
    }

    private void arrays(JsonNode r, JsonNode w, FieldPath path, int depth) {
        JsonNode readerItems = r.get("items");
        JsonNode writerItems = w.get("items");
        if (readerItems != null && readerItems.isObject() && writerItems != null && writerItems.isObject()) {
            walk(readerItems, writerItems, path.items(), depth + 1);
        }
        JsonNode readerTuple = tuple(r);
        JsonNode writerTuple = tuple(w);
        for (int i = 0; i < Math.min(readerTuple.size(), writerTuple.size()); i++) {
            walk(readerTuple.get(i), writerTuple.get(i), path.index(i), depth + 1);
        }
    }

    private static JsonNode tuple(JsonNode schema) {
        if (schema.path("prefixItems").isArray()) {
            return schema.get("prefixItems");
        }
        return schema.path("items").isArray() ? schema.get("items") : JsonNodeFactory.instance.arrayNode();
    }

    private void add(FieldPath path, ChangeKind kind, String message) {
        problems.add(new CompatibilityProblem(version, direction, path.toString(), kind, message));
    }

    /** The declared types, in order; null when any type is allowed. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    private static boolean couldBe(Set<String> types, String type) {
        return types == null || types.contains(type);
    }

    private static String words(Set<String> types) {
        return types == null ? "any" : String.join(" or ", types);
    }

    /** The values of {@code enum} and {@code const}; null when any value is allowed. */
    private static Set<JsonNode> values(JsonNode schema) {
        JsonNode enumeration = schema.get("enum");
        JsonNode constant = schema.get("const");
        if ((enumeration == null || !enumeration.isArray()) && constant == null) {
            return null;
        }
        Set<JsonNode> out = new LinkedHashSet<>();
        if (enumeration != null && enumeration.isArray()) {
            enumeration.forEach(out::add);
        }
        if (constant != null) {
            out.add(constant);
        }
        return out;
    }

    private static String list(Set<JsonNode> values) {
        return values.stream().map(v -> "`" + (v.isTextual() ? v.asText() : v.toString()) + "`")
                .collect(Collectors.joining(", "));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static boolean matchesPattern(JsonNode schema, String name) {
        JsonNode patterns = schema.get("patternProperties");
        if (patterns == null || !patterns.isObject()) {
            return false;
        }
        for (var it = patterns.fieldNames(); it.hasNext(); ) {
            try {
                if (Pattern.compile(it.next()).matcher(name).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read exempts nothing
            }
        }
        return false;
    }

    /** Rename hints: a property removed and one added with the same type at the same level. */
    private final class Renames {
        private final JsonNode oldProps;
        private final JsonNode newProps;

        Renames(JsonNode oldProps, JsonNode newProps) {
            this.oldProps = oldProps;
            this.newProps = newProps;
        }

        /** For a property removed: "; `amount` added with the same type — renamed?" or "". */
        String forRemoved(String name) {
            JsonNode type = type(oldProps.get(name), newReads ? writerRoot : readerRoot);
            for (var it = newProps.fieldNames(); it.hasNext(); ) {
                String added = it.next();
                if (!oldProps.has(added) && type != null
                        && type.equals(type(newProps.get(added), newReads ? readerRoot : writerRoot))) {
                    return "; `" + added + "` added with the same type — renamed?";
                }
            }
            return "";
        }

        /** For a property added: "; `total` removed with the same type — renamed?" or "". */
        String forAdded(String name) {
            JsonNode type = type(newProps.get(name), newReads ? readerRoot : writerRoot);
            for (var it = oldProps.fieldNames(); it.hasNext(); ) {
                String removed = it.next();
                if (!newProps.has(removed) && type != null
                        && type.equals(type(oldProps.get(removed), newReads ? writerRoot : readerRoot))) {
                    return "; `" + removed + "` removed with the same type — renamed?";
                }
            }
            return "";
        }

        private JsonNode type(JsonNode schema, JsonNode root) {
            if (schema == null) {
                return null;
            }
            JsonNode resolved = LocalRefs.resolve(root, schema);
            return resolved.get("type");
        }
    }
}
