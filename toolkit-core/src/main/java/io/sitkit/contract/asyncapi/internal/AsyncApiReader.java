package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.contract.asyncapi.AsyncApiImport;
import io.sitkit.schema.SchemaException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one AsyncAPI document with the files it refers to: checks the version, then hands over to
 * {@link V2Reader} or {@link V3Reader}.
 *
 * <pre>{@code
 * AsyncApiImport result = AsyncApiReader.read(text, "shop.yaml", Path.of("specs"), Path.of("specs/shop.yaml"));
 * }</pre>
 *
 * <p>Thread-safety: stateless; each call has its own state.
 */
public final class AsyncApiReader {
    private AsyncApiReader() {
    }

    /**
     * @param name          the document's name in messages
     * @param baseDirectory where relative references start
     * @param file          the file the text came from, or null
     * @throws SchemaException when the document cannot be parsed, is not AsyncAPI 2 or 3, or a
     *                         {@code $ref} cannot be followed
     */
    public static AsyncApiImport read(String text, String name, Path baseDirectory, Path file) {
        Documents documents = new Documents(baseDirectory);
        Document document = documents.main(text, name, file);
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw new SchemaException(name, "not an AsyncAPI document: the top level is "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a mapping");
        }
        JsonNode version = root.get("asyncapi");
        if (version == null || !version.isValueNode() || version.asText().isBlank()) {
            throw new SchemaException(name, "not an AsyncAPI document: it has no 'asyncapi' version field"
                    + (root.has("openapi") ? "; it looks like an OpenAPI document" : ""));
        }
        String v = version.asText().strip();
        String major = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
        Refs refs = new Refs(documents);
        ImportBuilder out = new ImportBuilder();
        switch (major) {
            case "2" -> V2Reader.read(refs, out, document);
            case "3" -> V3Reader.read(refs, out, document);
            default -> throw new SchemaException(name, "AsyncAPI version " + v
                    + " is not supported; sitkit reads AsyncAPI 2.x (up to 2.6) and 3.x (3.0) documents");
        }
        JsonNode title = root.path("info").path("title");
        return out.build(v, title.isValueNode() ? title.asText() : "");
    }
}
