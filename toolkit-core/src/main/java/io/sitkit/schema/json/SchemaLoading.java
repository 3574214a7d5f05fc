package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.sitkit.schema.SchemaException;

import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One load of a schema: parse, pick the draft, check against the meta-schema, build the validator
 * with references resolved from files and the classpath only, and bundle the document.
 *
 * <p>Thread-safety: stateless; each load builds its own registry (no shared cache to go stale).
 */
final class SchemaLoading {
    private SchemaLoading() {
    }

    /**
     * @param iri    the document's {@code file:} or {@code classpath:/} IRI, or null for an inline schema
     * @param source how errors name the document
     */
    static JsonSchemaValidator load(String iri, String source, byte[] bytes, ClassLoader classLoader) {
        JsonNode document = JsonText.readSchema(source, bytes);
        JsonSchemaDraft draft;
        try {
            draft = JsonSchemaDraft.of(document);
        } catch (IllegalArgumentException e) {
            throw new SchemaException(source, 0, 0, e.getMessage(), e);
        }
        SchemaSources sources = new SchemaSources(classLoader);
        String idPrefix = idPrefix(document, iri);
        String sourcePrefix = iri == null ? null : iri.substring(0, iri.lastIndexOf('/') + 1);
        UnaryOperator<String> idMapping = ref -> idPrefix != null && ref.startsWith(idPrefix)
                ? sourcePrefix + ref.substring(idPrefix.length()) : ref;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version(draft), builder -> {
            builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH)
                    .locale(Locale.ENGLISH)
                    .formatAssertionsEnabled(true)
                    .build());
            builder.resourceLoaders(loaders -> loaders.add(sources));
            if (idPrefix != null) {
                builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(idPrefix, sourcePrefix));
            }
        });
        Schema meta = registry.getSchema(SchemaLocation.of(draft.id()));
        MetaCheck.check(meta, draft, source, document, bytes);
        // Bundling first reads every referenced file, so a missing or broken one is named plainly.
        Bundler bundler = new Bundler(sources, draft, idMapping,
                (name, doc, docBytes) -> MetaCheck.check(meta, draft, name, doc, docBytes));
        JsonNode bundled = bundler.bundle(iri, source, document);
        Schema schema;
        try {
            schema = iri == null ? registry.getSchema(document) : registry.getSchema(SchemaLocation.of(iri), document);
            schema.initializeValidators();
        } catch (RuntimeException e) {
            throw translate(source, e);
        }
        return new JsonSchemaValidator(source, draft, schema, bundled);
    }

    private static SpecificationVersion version(JsonSchemaDraft draft) {
        return draft == JsonSchemaDraft.DRAFT_7 ? SpecificationVersion.DRAFT_7 : SpecificationVersion.DRAFT_2020_12;
    }

    /** The directory part of an absolute http(s) {@code $id}, mapped to the file's own directory. */
    private static String idPrefix(JsonNode document, String iri) {
        JsonNode id = document.get("$id");
        if (iri == null || id == null || !id.isTextual()) {
            return null;
        }
        String text = id.asText();
        try {
            URI uri = URI.create(text);
            if (!uri.isAbsolute() || !(text.startsWith("http://") || text.startsWith("https://"))) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return text.substring(0, text.lastIndexOf('/') + 1);
    }

    /** Our own SchemaException from a reference reader wins; anything else is named as unresolvable. */
    private static SchemaException translate(String source, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaException mine) {
                return mine;
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SchemaException(source, 0, 0, "cannot build the validator: " + reason.replaceAll("\\s*\\R\\s*", " "), e);
    }
}
