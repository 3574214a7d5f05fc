package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * One loaded file (or the inline text) of an AsyncAPI import: its display name, the directory its
 * relative references start from, and its parsed tree. Compared by identity: {@link Documents}
 * loads each file once.
 *
 * <pre>{@code
 * Document order = documents.load(Path.of("specs/schemas/order.json")).orElseThrow();
 * JsonNode properties = order.root().path("properties");
 * }</pre>
 *
 * <p>Thread-safety: immutable once loaded; the tree must not be modified.
 */
public final class Document {
    private final String name;
    private final Path directory;
    private final JsonNode root;

    Document(String name, Path directory, JsonNode root) {
        this.name = name;
        this.directory = directory;
        this.root = root;
    }

    /** The name used in messages: the path relative to the main document's directory. */
    public String name() {
        return name;
    }

    /** The directory relative file references in this document start from. */
    public Path directory() {
        return directory;
    }

    /** The parsed tree. */
    public JsonNode root() {
        return root;
    }

    @Override
    public String toString() {
        return name;
    }
}
