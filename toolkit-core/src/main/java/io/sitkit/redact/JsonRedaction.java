package io.sitkit.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sitkit.config.Secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Redacts a JSON document: values named by a path or by a sensitive field name become the mask
 * (the whole subtree), and secret values inside string values, numbers and member names are masked.
 * Numbers keep their exact text; a changed document is written back compactly.
 *
 * <p>Thread-safety: immutable.
 */
final class JsonRedaction {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final TextNode MASK = TextNode.valueOf(Secrets.MASK);

    private final Set<String> fields;
    private final List<FieldPath> paths;
    private final SecretMask secrets;

    /** @param fields lower-case field names */
    JsonRedaction(Set<String> fields, List<FieldPath> paths, SecretMask secrets) {
        this.fields = fields;
        this.paths = paths;
        this.secrets = secrets;
    }

    /** Whether the bytes start (after white space) like a JSON object or array. */
    static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    /**
     * The redacted document: {@code json} itself when nothing changed, new bytes when something did,
     * or null when the bytes are not JSON after all.
     */
    byte[] apply(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException | NumberFormatException e) {
            // Not JSON, or a number no exact decimal holds (Jackson's NumberFormatException): not JSON to us either.
            return null;
        }
        boolean changed = false;
        for (FieldPath path : paths) {
            changed |= path.mask(root, MASK);
        }
        changed |= walk(root);
        if (!changed) {
            return json;
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a redacted JSON tree back", e);
        }
    }

    /**
     * The values {@code original} had where {@code redacted} (its redaction) shows the mask: the
     * texts of masked scalars, and of every scalar inside a masked object or array. Empty when
     * either is not JSON.
     */
    static Set<String> maskedValues(byte[] original, byte[] redacted) {
        try {
            Set<String> out = new java.util.LinkedHashSet<>();
            collect(MAPPER.readTree(original), MAPPER.readTree(redacted), out);
            return out;
        } catch (IOException | NumberFormatException e) {
            return Set.of();
        }
    }

    private static void collect(JsonNode a, JsonNode b, Set<String> out) {
        if (a == null || b == null) {
            return;
        }
        if (b.equals(MASK) && !a.equals(MASK)) {
            leaves(a, out);
        } else if (a.isObject() && b.isObject()) {
            a.fields().forEachRemaining(e -> collect(e.getValue(), b.get(e.getKey()), out));
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), b.get(i), out);
            }
        }
    }

    private static void leaves(JsonNode node, Set<String> out) {
        if (node.isContainerNode()) {
            node.forEach(child -> leaves(child, out));
        } else if (!node.isNull() && !node.asText().isEmpty()) {
            out.add(node.asText());
        }
    }

    private boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.size());
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (fields.contains(name.toLowerCase(Locale.ROOT))) {
                    if (!child.equals(MASK)) {
                        object.set(name, MASK);
                        changed = true;
                    }
                } else {
                    JsonNode replaced = child.isContainerNode() ? child : scalar(child);
                    if (replaced != child) {
                        object.set(name, replaced);
                        changed = true;
                    } else {
                        changed |= walk(child);
                    }
                }
            }
            changed |= maskNames(object, names);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode replaced = child.isContainerNode() ? child : scalar(child);
                if (replaced != child) {
                    array.set(i, replaced);
                    changed = true;
                } else {
                    changed |= walk(child);
                }
            }
        }
        return changed;
    }

    /** A string or number with a secret in it becomes a string with the secret masked. */
    private JsonNode scalar(JsonNode node) {
        if (secrets.isEmpty() || !(node.isTextual() || node.isNumber())) {
            return node;
        }
        String text = node.asText();
        String masked = secrets.apply(text);
        return masked == text ? node : TextNode.valueOf(masked);
    }

    /** Member names are data too: one holding a secret is renamed, keeping the members' order. */
    private boolean maskNames(ObjectNode object, List<String> names) {
        if (secrets.isEmpty() || names.stream().allMatch(n -> secrets.apply(n) == n)) {
            return false;
        }
        Map<String, JsonNode> renamed = new LinkedHashMap<>();
        for (String name : names) {
            renamed.put(secrets.apply(name), object.get(name));
        }
        object.removeAll();
        object.setAll(renamed);
        return true;
    }
}
