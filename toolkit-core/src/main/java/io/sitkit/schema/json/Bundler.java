package io.sitkit.schema.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.schema.SchemaException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes one self-contained document of a schema and the files its {@code $ref}s name: each
 * referenced file is copied under the root's {@code $defs} (draft 7: {@code definitions}) under a
 * key made from its file name, and every reference is rewritten to point there. Readers of the
 * result (the compatibility check, the sample generator) only ever follow local references.
 *
 * <p>Thread-safety: one instance per load, used from one thread.
 */
final class Bundler {
    /** Checks a referenced document before it is copied: (source, document, bytes). */
    interface DocumentCheck {
        void check(String source, JsonNode document, byte[] bytes);
    }

    private final SchemaSources sources;
    private final String defs;
    private final UnaryOperator<String> idMapping;
    private final DocumentCheck check;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Set<String> usedKeys = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private String rootIri;
    private String rootSource;
    private JsonNode rootDocument;

    Bundler(SchemaSources sources, JsonSchemaDraft draft, UnaryOperator<String> idMapping, DocumentCheck check) {
        this.sources = sources;
        this.defs = draft.definitionsKeyword();
        this.idMapping = idMapping;
        this.check = check;
    }

    /**
     * @param rootIri    the root document's IRI, or null for an inline schema (no relative references possible)
     * @param rootSource how errors name the root document
     */
    JsonNode bundle(String rootIri, String rootSource, JsonNode root) {
        this.rootIri = rootIri == null ? null : SchemaSources.canonical(rootIri);
        this.rootSource = rootSource;
        this.rootDocument = root;
        JsonNode result = root.deepCopy();
        if (!(result instanceof ObjectNode rootObject)) {
            return result;
        }
        JsonNode existing = rootObject.get(defs);
        if (existing != null) {
            existing.fieldNames().forEachRemaining(usedKeys::add);
        }
        rewrite(rootObject, this.rootIri, true);
        while (!pending.isEmpty()) {
            String iri = pending.removeFirst();
            JsonNode original = sources.document(iri);
            check.check(SchemaSources.sourceName(iri), original, sources.bytes(iri));
            JsonNode copy = original.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.remove("$id");
                object.remove("$schema");
            }
            rewrite(copy, iri, false);
            rootObject.withObject("/" + escape(defs)).set(keys.get(iri), copy);
        }
        return result;
    }

    private void rewrite(JsonNode schema, String documentIri, boolean isRoot) {
        SchemaWalk.visit(schema, node -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                node.put("$ref", rewriteRef(ref.asText(), documentIri, isRoot));
            }
        });
    }

    private String rewriteRef(String ref, String documentIri, boolean isRoot) {
        int hash = ref.indexOf('#');
        String base = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            return ref;   // a named anchor: left as it is
        }
        String referrer = isRoot ? rootSource : SchemaSources.sourceName(documentIri);
        if (base.isEmpty()) {
            requireTarget(ref, fragment, isRoot ? rootDocument : sources.document(documentIri), referrer, referrer);
            return isRoot ? ref : "#/" + escape(defs) + "/" + escape(keys.get(documentIri)) + fragment;
        }
        String target = resolve(ref, documentIri, base);
        if (target.equals(rootIri)) {
            requireTarget(ref, fragment, rootDocument, referrer, rootSource);
            return "#" + fragment;
        }
        requireTarget(ref, fragment, sources.document(target), referrer, SchemaSources.sourceName(target));
        return "#/" + escape(defs) + "/" + escape(keyFor(target)) + fragment;
    }

    /** @throws SchemaException in the referring document when the pointer finds nothing in the target document */
    private static void requireTarget(String ref, String fragment, JsonNode target, String referrer, String targetName) {
        if (fragment.isEmpty()) {
            return;
        }
        String pointer = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
        JsonNode found;
        try {
            found = target.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw new SchemaException(referrer, 0, 0, "$ref '" + ref + "' is not a JSON pointer", e);
        }
        if (found.isMissingNode()) {
            throw new SchemaException(referrer, 0, 0, "$ref '" + ref + "' points to nothing: no " + pointer + " in "
                    + targetName, null);
        }
    }

    private String resolve(String ref, String documentIri, String base) {
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new SchemaException(rootSource, 0, 0, "$ref '" + ref + "' is not a valid URI reference", e);
        }
        String mapped = idMapping.apply(uri.isAbsolute() ? base : documentIri == null ? base
                : URI.create(documentIri).resolve(uri).toString());
        if (!URI.create(mapped).isAbsolute()) {
            throw new SchemaException(rootSource, 0, 0, "$ref '" + ref + "' is relative, but an inline schema has no"
                    + " location; load the schema from a file or classpath resource", null);
        }
        if (!SchemaSources.serves(mapped)) {
            throw new SchemaException(rootSource, 0, 0, "$ref '" + ref + "' points to " + mapped
                    + "; only files and classpath resources are read, never the network", null);
        }
        return SchemaSources.canonical(mapped);
    }

    private String keyFor(String iri) {
        String known = keys.get(iri);
        if (known != null) {
            return known;
        }
        String path = URI.create(iri).getPath();
        String name = path == null ? "schema" : path.substring(path.lastIndexOf('/') + 1);
        name = name.replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        if (name.isEmpty()) {
            name = "schema";
        }
        String key = name;
        for (int n = 2; usedKeys.contains(key); n++) {
            key = name + "-" + n;
        }
        usedKeys.add(key);
        keys.put(iri, key);
        pending.addLast(iri);
        return key;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
