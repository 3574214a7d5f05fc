package io.sitkit.match;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.sitkit.core.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath over message payloads (Jayway json-path on Jackson). Simple dotted paths
 * such as {@code $.order.id} take a fast route — a tree walk, or a streaming scan when only one
 * value is wanted — which is what keeps correlation over millions of messages quick.
 *
 * <pre>{@code
 * JsonPathExpression orderId = JsonPathExpression.compile("$.orderId");
 * Optional<String> id = orderId.readText(message);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class JsonPathExpression {
    private static final String UNPARSEABLE = "it ends before a bracket, quote or filter is closed, or cannot be read";
    private static final Pattern SIMPLE = Pattern.compile("\\$(\\.[A-Za-z_$][A-Za-z0-9_$\\-]*)+");
    private static final ObjectMapper MAPPER = ParsedPayload.MAPPER;
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final Configuration CONF = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER)).build();

    private final String path;
    private final String[] names;
    private final JsonPath compiled;

    private JsonPathExpression(String path, String[] names, JsonPath compiled) {
        this.path = path;
        this.names = names;
        this.compiled = compiled;
    }

    /**
     * @throws IllegalArgumentException naming the path when it is not valid JSONPath
     */
    public static JsonPathExpression compile(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("JSON path is empty");
        }
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("invalid JSON path '" + path + "': a path starts at the root, e.g. $." + path);
        }
        if (SIMPLE.matcher(path).matches()) {
            return new JsonPathExpression(path, path.substring(2).split("\\."), null);
        }
        try {
            return new JsonPathExpression(path, null, JsonPath.compile(path));
        } catch (InvalidPathException e) {
            // Jayway wraps its parser's own failures (an index past the end of the text) with their toString as message.
            String reason = e.getCause() != null ? UNPARSEABLE : e.getMessage();
            throw new IllegalArgumentException("invalid JSON path '" + path + "': " + reason, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JSON path '" + path + "': " + UNPARSEABLE, e);
        }
    }

    /** The path as written. */
    public String path() {
        return path;
    }

    /** Whether the path names at most one value (no wildcards, deep scans or filters). */
    public boolean isDefinite() {
        return names != null || compiled.isDefinite();
    }

    /** For a simple dotted path, the last field name and the path of its parent; else empty. */
    Optional<String[]> lastNameAndParent() {
        if (names == null) {
            return Optional.empty();
        }
        String parent = path.substring(0, path.length() - names[names.length - 1].length() - 1);
        return Optional.of(new String[]{names[names.length - 1], parent});
    }

    /**
     * Every value the path selects in {@code root}: none when absent, one for a definite path,
     * any number for wildcards and filters. A JSON {@code null} is a value.
     */
    public List<JsonNode> readAll(JsonNode root) {
        if (root == null) {
            return List.of();
        }
        if (names != null) {
            JsonNode node = root;
            for (String name : names) {
                node = node.isObject() ? node.get(name) : null;
                if (node == null) {
                    return List.of();
                }
            }
            return List.of(node);
        }
        Object result;
        try {
            result = compiled.read(root, CONF);
        } catch (PathNotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
        JsonNode node = result instanceof JsonNode n ? n : MAPPER.valueToTree(result);
        if (compiled.isDefinite()) {
            return List.of(node == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node);
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /** The first value the path selects in the message's JSON payload; empty when absent or not JSON. */
    public Optional<JsonNode> read(Message message) {
        JsonNode root = ParsedPayload.json(message);
        List<JsonNode> all = readAll(root);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * The first selected value as text (strings unquoted, numbers and booleans as written, objects
     * as JSON); empty when absent, JSON {@code null} or not JSON. Simple paths are read by streaming
     * without building a tree.
     */
    public Optional<String> readText(Message message) {
        if (names == null) {
            return read(message).filter(n -> !n.isNull()).map(n -> n.isValueNode() ? n.asText() : n.toString());
        }
        if (message.payloadSize() <= 0) {
            return Optional.empty();
        }
        try (JsonParser p = FACTORY.createParser(message.payloadStream())) {
            return Optional.ofNullable(scan(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Walks the token stream down the dotted names, skipping every other subtree. */
    private String scan(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int depth = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.END_OBJECT) {
                return null;
            }
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!names[depth].equals(field)) {
                p.skipChildren();
                continue;
            }
            if (depth == names.length - 1) {
                if (value == JsonToken.VALUE_NULL) {
                    return null;
                }
                if (value.isScalarValue()) {
                    return p.getText();
                }
                return MAPPER.readTree(p).toString();
            }
            if (value != JsonToken.START_OBJECT) {
                return null;
            }
            depth++;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPathExpression e && e.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
