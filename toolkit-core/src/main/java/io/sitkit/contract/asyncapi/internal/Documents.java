package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.SchemaException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one import: the main document and every file a {@code $ref} reaches, each parsed
 * once, as YAML or JSON by its content.
 *
 * <pre>{@code
 * Documents documents = new Documents(Path.of("src/test/resources/asyncapi"));
 * Document main = documents.main(text, "shop.yaml", file);
 * Optional<Document> order = documents.load(main.directory().resolve("schemas/order.avsc"));
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one instance serves one import on one thread.
 */
public final class Documents {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path baseDirectory;
    private final Map<Path, Document> byPath = new HashMap<>();

    /** @param baseDirectory the main document's directory; other files are named relative to it */
    public Documents(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    /**
     * Parses the main document.
     *
     * @param file the file it was read from, or null for inline text
     */
    public Document main(String text, String name, Path file) {
        Document document = new Document(name, baseDirectory, parse(text, name));
        if (file != null) {
            byPath.put(file.toAbsolutePath().normalize(), document);
        }
        return document;
    }

    /**
     * Loads a referenced file, once.
     *
     * @return empty when the file does not exist
     * @throws SchemaException when it cannot be read or parsed
     */
    public Optional<Document> load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Document known = byPath.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        String name = displayName(key);
        String text;
        try {
            text = Files.readString(key);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new SchemaException(name, 0, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new SchemaException(name, 0, 0, "cannot be read: " + e, e);
        }
        Document document = new Document(name, key.getParent(), parse(text, name));
        byPath.put(key, document);
        return Optional.of(document);
    }

    /** The name of a file in messages: relative to the main document's directory, with '/'. */
    public String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /**
     * Parses JSON (text starting with '{' or '[') or else YAML.
     *
     * @throws SchemaException with the line and column of the first error
     */
    public static JsonNode parse(String text, String source) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonNode node;
        if (looksLikeJson(content)) {
            try {
                node = JSON.readTree(content);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String problem = e.getOriginalMessage();
                if (problem.startsWith("Duplicate field '")) {
                    problem = "the key " + problem.substring("Duplicate field ".length()) + " appears twice in one object";
                }
                throw new SchemaException(source, at == null ? 0 : Math.max(at.getLineNr(), 0),
                        at == null ? 0 : Math.max(at.getColumnNr(), 0), "not valid JSON: " + problem, e);
            }
        } else {
            try {
                node = YamlTrees.read(content, source);
            } catch (MarkedYAMLException e) {
                throw yamlError(source, e);
            } catch (YAMLException e) {
                throw new SchemaException(source, 0, 0, "not valid YAML: " + e.getMessage(), e);
            }
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new SchemaException(source, "the document is empty");
        }
        return node;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** SnakeYAML knows where the problem is and what it is, and where the construct it was in started. */
    private static SchemaException yamlError(String source, MarkedYAMLException e) {
        Mark problem = e.getProblemMark();
        Mark context = e.getContextMark();
        String reason = "not valid YAML: " + (e.getProblem() == null ? e.getMessage() : e.getProblem().strip());
        if (e.getContext() != null && context != null) {
            reason += " (" + e.getContext().strip() + " at line " + (context.getLine() + 1) + ", column "
                    + (context.getColumn() + 1) + ")";
        }
        return new SchemaException(source, problem == null ? 0 : problem.getLine() + 1,
                problem == null ? 0 : problem.getColumn() + 1, reason, e);
    }
}
