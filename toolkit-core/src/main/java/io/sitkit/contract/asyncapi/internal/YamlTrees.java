package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.schema.SchemaException;
import io.sitkit.core.internal.YamlMergeCycles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a Jackson tree from YAML with anchors, aliases ({@code *name}) and merge keys
 * ({@code <<: *name}) resolved; Jackson's own YAML tree reader turns an alias into the anchor's
 * name as a string. Plain scalars become numbers, {@code true}/{@code false} and {@code null} as
 * in JSON; everything else (including YAML 1.1's {@code yes}/{@code no} and dates) stays text. A
 * duplicate key is an error rather than a silent overwrite.
 *
 * <pre>{@code
 * JsonNode root = YamlTrees.read(text, "shop.yaml");
 * }</pre>
 *
 * <p>Thread-safety: stateless; each call has its own state.
 */
public final class YamlTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTrees(String source) {
        this.source = source;
    }

    /**
     * @return the tree, or null for a document without content
     * @throws org.yaml.snakeyaml.error.YAMLException for YAML that cannot be parsed
     * @throws SchemaException for a duplicate key, a non-scalar key or an alias that contains itself
     */
    public static JsonNode read(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMergeOnCompose(true);
        Optional<Mark> cycle = YamlMergeCycles.find(text);
        if (cycle.isPresent()) {
            throw new YamlTrees(source).error(cycle.get(), YamlMergeCycles.REASON);
        }
        Node root = new Yaml(options).compose(new StringReader(text));
        return root == null ? null : new YamlTrees(source).convert(root);
    }

    private JsonNode convert(Node node) {
        if (!path.add(node)) {
            throw error(node.getStartMark(), "an alias refers to a node that contains it");
        }
        try {
            if (node instanceof MappingNode mapping) {
                return object(mapping);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                for (Node element : sequence.getValue()) {
                    if (path.contains(element)) {
                        throw error(sequence.getStartMark(),
                                "an element of this list is an alias of a node that contains it");
                    }
                    array.add(convert(element));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        } finally {
            path.remove(node);
        }
    }

    private ObjectNode object(MappingNode mapping) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw error(entry.getKeyNode().getStartMark(), "a key must be a plain value, not a mapping or a list");
            }
            if (object.has(key.getValue())) {
                throw error(key.getStartMark(), "the key '" + key.getValue() + "' appears twice in one mapping");
            }
            if (path.contains(entry.getValueNode())) {
                throw error(key.getStartMark(),
                        "the value of '" + key.getValue() + "' is an alias of a node that contains it");
            }
            object.set(key.getValue(), convert(entry.getValueNode()));
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = scalar.getValue();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(value.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag)) {
            JsonNode number = integer(value);
            return number != null ? number : NODES.textNode(value);
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                double number = Double.parseDouble(value.replace("_", ""));
                return Double.isFinite(number) ? NODES.numberNode(number) : NODES.textNode(value);
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }

    /** Decimal, 0x hexadecimal, 0b binary and YAML 1.1's 0-prefixed octal; null for sexagesimal and the like. */
    private static JsonNode integer(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        BigInteger number;
        try {
            number = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
        number = negative ? number.negate() : number;
        if (number.bitLength() < 32) {
            return NODES.numberNode(number.intValue());
        }
        return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
    }

    private SchemaException error(Mark mark, String reason) {
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        return new SchemaException(source, line, column, "not valid YAML: " + reason, null);
    }
}
