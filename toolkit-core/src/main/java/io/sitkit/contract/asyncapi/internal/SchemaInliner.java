package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.schema.SchemaException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Copies a schema with every {@code $ref} replaced by what it points to, so the result stands
 * alone. A reference back to a schema that is being expanded (a tree, a category with
 * sub-categories) becomes {@code {"$ref": "#/$defs/Name"}} and the schema is added once under the
 * result's {@code $defs}; recursion is refused where {@code $defs} means nothing (Avro). A schema
 * inlined from elsewhere loses its {@code $id} and {@code $schema}: it is no longer a document of
 * its own.
 *
 * <pre>{@code
 * JsonNode standalone = SchemaInliner.inline(refs, message.child("payload"), true);
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; each call to {@link #inline} uses its own instance.
 */
public final class SchemaInliner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Refs refs;
    private final boolean recursionAllowed;
    private final Deque<Location> expanding = new ArrayDeque<>();
    private final Set<Location> recursive = new HashSet<>();
    private final Map<Location, String> defNames = new HashMap<>();
    private final Set<String> takenNames = new HashSet<>();
    private final Map<String, JsonNode> defs = new LinkedHashMap<>();

    private SchemaInliner(Refs refs, boolean recursionAllowed) {
        this.refs = refs;
        this.recursionAllowed = recursionAllowed;
    }

    /**
     * The schema at {@code at}, fully resolved.
     *
     * @param recursionAllowed true for JSON Schema ({@code $defs}); false fails on recursion
     * @throws SchemaException for a missing target, or recursion where it is not allowed
     */
    public static JsonNode inline(Refs refs, Location at, boolean recursionAllowed) {
        return new SchemaInliner(refs, recursionAllowed).run(at);
    }

    private JsonNode run(Location at) {
        Location start = refs.follow(at);
        JsonNode existingDefs = start.node().get("$defs");
        if (existingDefs != null) {
            existingDefs.fieldNames().forEachRemaining(takenNames::add);
        }
        JsonNode result = expandTarget(start);
        if (!defs.isEmpty()) {
            if (!(result instanceof ObjectNode root)) {
                throw new SchemaException(start.document().name(), "the recursive schema at " + start.fragment()
                        + " is not an object, so it cannot hold $defs");
            }
            JsonNode present = root.get("$defs");
            ObjectNode target = present instanceof ObjectNode o ? o : root.putObject("$defs");
            defs.forEach(target::set);
        }
        return result;
    }

    private JsonNode expand(Location at) {
        String ref = Refs.refOf(at.node());
        if (ref == null) {
            return copy(at);
        }
        Location target = refs.follow(at);
        if (expanding.contains(target)) {
            if (!recursionAllowed) {
                throw new SchemaException(at.document().name(), "recursive $ref '" + ref + "' at "
                        + at.fragment() + ": an Avro schema refers to itself by its type name, not by $ref");
            }
            recursive.add(target);
            return NODES.objectNode().put("$ref", "#/$defs/" + defName(target));
        }
        return expandTarget(target);
    }

    private JsonNode expandTarget(Location target) {
        boolean root = expanding.isEmpty();
        expanding.push(target);
        JsonNode out = copy(target);
        expanding.pop();
        if (!root && out instanceof ObjectNode inlined) {
            // an $id inside would make the generated "#/$defs/..." references resolve against it
            inlined.remove("$id");
            inlined.remove("$schema");
        }
        if (recursive.contains(target)) {
            defs.putIfAbsent(defName(target), out.deepCopy());
        }
        return out;
    }

    private JsonNode copy(Location at) {
        JsonNode node = at.node();
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (String name : at.fieldNames()) {
                out.set(name, expand(at.child(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(expand(at.child(i)));
            }
            return out;
        }
        return node;
    }

    private String defName(Location target) {
        return defNames.computeIfAbsent(target, t -> {
            String base = t.lastName();
            if (base.isEmpty()) {
                base = t.document().name().replaceFirst("^.*/", "").replaceFirst("\\.[^.]*$", "");
            }
            base = base.replaceAll("[^A-Za-z0-9_.-]", "_");
            if (base.isEmpty()) {
                base = "schema";
            }
            String name = base;
            for (int n = 2; !takenNames.add(name); n++) {
                name = base + "-" + n;
            }
            return name;
        });
    }
}
