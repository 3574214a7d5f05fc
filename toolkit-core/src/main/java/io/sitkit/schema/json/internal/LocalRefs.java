package io.sitkit.schema.json.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Follows {@code $ref}s that point inside one document ({@code #}, {@code #/$defs/money}), as
 * bundled documents have only those. Keywords beside a {@code $ref} are laid over its target, as
 * draft 2020-12 applies both.
 *
 * <pre>{@code
 * JsonNode document = validator.document();                       // bundled: local refs only
 * JsonNode item = LocalRefs.resolve(document, document.at("/properties/items/items"));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class LocalRefs {
    /** How many references in a chain are followed before giving up on a loop. */
    static final int MAX_CHAIN = 64;

    private LocalRefs() {
    }

    /**
     * The schema a node stands for: the node itself, or the target of its {@code $ref} (followed
     * through chains) with the node's other keywords laid over it.
     *
     * @throws IllegalArgumentException naming a reference that points outside the document or nowhere
     */
    public static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < MAX_CHAIN; i++) {
            JsonNode ref = current == null ? null : current.get("$ref");
            if (ref == null || !ref.isTextual()) {
                return current;
            }
            JsonNode target = target(root, ref.asText());
            current = overlay(target, (ObjectNode) current);
        }
        throw new IllegalArgumentException("$ref chain longer than " + MAX_CHAIN + " at " + schema.get("$ref")
                + "; is it a loop?");
    }

    private static JsonNode target(JsonNode root, String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("$ref '" + ref + "' points outside the document; load the schema with"
                    + " JsonSchemas so referenced files are bundled in");
        }
        String fragment = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
        JsonNode target;
        try {
            target = fragment.isEmpty() ? root : root.at(JsonPointer.compile(fragment));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$ref '" + ref + "' is not a JSON pointer", e);
        }
        if (target == null || target.isMissingNode()) {
            throw new IllegalArgumentException("$ref '" + ref + "' points to nothing in the document");
        }
        return target;
    }

    private static JsonNode overlay(JsonNode target, ObjectNode referrer) {
        if (referrer.size() == 1 || !target.isObject()) {
            return target;
        }
        ObjectNode merged = ((ObjectNode) target).deepCopy();
        merged.remove("$ref");
        for (Iterator<Map.Entry<String, JsonNode>> it = referrer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
            }
        }
        if (target.has("$ref")) {
            merged.set("$ref", target.get("$ref"));
        }
        return merged;
    }
}
