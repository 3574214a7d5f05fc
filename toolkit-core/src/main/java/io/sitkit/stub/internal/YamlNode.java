package io.sitkit.stub.internal;

import io.sitkit.core.internal.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.stub.StubFileException;
import io.sitkit.core.internal.YamlMergeCycles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a YAML document with its place: the document's name, the line and column, and the
 * path of keys and indexes that leads to it ({@code stubs[0].rules[1].reply}). Typed accessors fail
 * with a {@link StubFileException} naming all three and what was expected. Anchors, aliases and
 * merge keys ({@code <<: *defaults}) are resolved; a key written twice in one mapping is an error.
 *
 * <pre>{@code
 * YamlNode root = YamlNode.parse(text, "payments.yaml");
 * Duration d = root.required("stubs").list().get(0).get("faults").list().get(0).get("delay").duration();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class YamlNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final int MAX_JSON_DEPTH = 100;
    private final String source;
    private final Node node;
    private final String path;

    private YamlNode(String source, Node node, String path) {
        this.source = source;
        this.node = node;
        this.path = path;
    }

    /**
     * The root of {@code text}, or null for a document without content.
     *
     * @throws StubFileException for text that is not YAML
     */
    public static YamlNode parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMergeOnCompose(true);
        Optional<Mark> cycle = YamlMergeCycles.find(text);
        if (cycle.isPresent()) {
            throw new StubFileException(source, line(cycle.get()), column(cycle.get()), "not valid YAML: " + YamlMergeCycles.REASON, null);
        }
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            return root == null ? null : new YamlNode(source, root, "");
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new StubFileException(source, line(at), column(at), "not valid YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new StubFileException(source, 0, 0, "not valid YAML: " + e.getMessage(), e);
        }
    }

    /** {@code stubs[0].rules[1]}; empty at the root. */
    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line(node.getStartMark());
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag());
    }

    /** The members of a mapping in document order; fails on anything else or a key written twice. */
    public Map<String, YamlNode> members(String expected) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected " + expected + ", was " + kind());
        }
        Map<String, YamlNode> members = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlNode(source, t.getKeyNode(), path).error("a key must be a plain value, not " + kindOf(t.getKeyNode()));
            }
            YamlNode child = new YamlNode(source, t.getValueNode(), child(key.getValue()));
            if (members.put(key.getValue(), child) != null) {
                throw new YamlNode(source, key, path).error("the key '" + key.getValue() + "' appears twice");
            }
        }
        return members;
    }

    /**
     * The members of a mapping whose keys are all in {@code known}.
     *
     * @throws StubFileException at the first unknown key, with the nearest known one suggested
     */
    public Map<String, YamlNode> members(String expected, List<String> known) {
        return members(expected, known, "key");
    }

    /** As {@link #members(String, List)}, calling the keys {@code noun}s in the message ("unknown matcher 'jsonpath'"). */
    public Map<String, YamlNode> members(String expected, List<String> known, String noun) {
        return members(expected, known, noun, false);
    }

    /**
     * As {@link #members(String, List, String)}; with {@code extensions}, keys starting with {@code x-}
     * are allowed too and left out of the result (a place for anchors, as in Compose files).
     */
    public Map<String, YamlNode> members(String expected, List<String> known, String noun, boolean extensions) {
        Map<String, YamlNode> members = members(expected);
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (extensions && key.startsWith("x-")) {
                members.remove(key);
            } else if (!known.contains(key)) {
                throw new YamlNode(source, t.getKeyNode(), path).error("unknown " + noun + " '" + key + "'"
                        + Suggestions.didYouMean(key, known) + "; known " + noun + "s: " + String.join(", ", known));
            }
        }
        return members;
    }

    /** The elements of a list; a single value counts as a list of one when {@code singleAllowed}. */
    public List<YamlNode> list(String expected, boolean singleAllowed) {
        if (node instanceof SequenceNode seq) {
            List<YamlNode> out = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                out.add(new YamlNode(source, seq.getValue().get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (singleAllowed && !isNull()) {
            return List.of(this);
        }
        throw error("expected " + expected + ", was " + kind());
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** The text of a scalar (numbers and booleans as written). */
    public String text(String expected) {
        if (!isScalar()) {
            throw error("expected " + expected + ", was " + kind());
        }
        return ((ScalarNode) node).getValue();
    }

    /** A non-empty text. */
    public String nonEmptyText(String expected) {
        String text = text(expected);
        if (text.isBlank()) {
            throw error("expected " + expected + ", was empty");
        }
        return text;
    }

    public long integer(String expected) {
        String text = text(expected);
        if (!Tag.INT.equals(((ScalarNode) node).getTag())) {
            throw error("expected " + expected + ", was '" + text + "'");
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected " + expected + ", was '" + text + "'");
        }
    }

    public BigDecimal number(String expected) {
        String text = text(expected);
        Tag tag = ((ScalarNode) node).getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                return new BigDecimal(text.replace("_", ""));
            } catch (NumberFormatException e) {
                // a YAML number Java does not read (.inf, 0x1f): reported below
            }
        }
        throw error("expected " + expected + ", was '" + text + "'");
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String expected) {
        String text = text(expected);
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw error("expected " + expected + " (true or false), was '" + text + "'");
    }

    /** {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h} or ISO-8601 ({@code PT0.25S}). */
    public Duration duration() {
        String text = text("a duration such as 250ms or 2s").strip();
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
                Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw error("'" + text + "' is not a duration; write e.g. 250ms, 2s, 1m, 1h or PT0.25S");
    }

    /** A destination address such as {@code jms:queue:payments} or {@code kafka:orders}. */
    public Destination destination() {
        String text = text("a destination address such as jms:queue:payment.requests or kafka:orders");
        try {
            return Destination.parse(text);
        } catch (InvalidDestinationException | IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** The value as JSON: mappings as objects, lists as arrays, plain numbers, true/false and null as in JSON. */
    public JsonNode json() {
        return toJson(node, path, 0);
    }

    private JsonNode toJson(Node n, String at, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (depth > MAX_JSON_DEPTH) {
            throw error("nests deeper than " + MAX_JSON_DEPTH + " levels (an alias that contains itself?)");
        }
        if (n instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new YamlNode(source, t.getKeyNode(), at).error("a JSON member name must be a plain value, not "
                            + kindOf(t.getKeyNode()));
                }
                if (o.has(key.getValue())) {
                    throw new YamlNode(source, key, at).error("the key '" + key.getValue() + "' appears twice");
                }
                o.set(key.getValue(), toJson(t.getValueNode(), at + "." + key.getValue(), depth + 1));
            }
            return o;
        }
        if (n instanceof SequenceNode s) {
            var a = f.arrayNode();
            for (int i = 0; i < s.getValue().size(); i++) {
                a.add(toJson(s.getValue().get(i), at + "[" + i + "]", depth + 1));
            }
            return a;
        }
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue();
        if (Tag.NULL.equals(s.getTag())) {
            return f.nullNode();
        }
        if (Tag.BOOL.equals(s.getTag()) && (v.equals("true") || v.equals("false"))) {
            return f.booleanNode(v.equals("true"));
        }
        if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag())) {
            try {
                BigDecimal d = new BigDecimal(v.replace("_", ""));
                return Tag.INT.equals(s.getTag()) ? f.numberNode(d.toBigIntegerExact()) : f.numberNode(d);
            } catch (NumberFormatException | ArithmeticException e) {
                return f.textNode(v);
            }
        }
        return f.textNode(v);
    }

    /** An error at this node: {@code file:line:column: path: message}. */
    public StubFileException error(String message) {
        return error(message, null);
    }

    public StubFileException error(String message, Throwable cause) {
        Mark at = node.getStartMark();
        return new StubFileException(source, line(at), column(at), (path.isEmpty() ? "" : path + ": ") + message, cause);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** {@code a mapping}, {@code a list}, {@code nothing}, {@code 'text'}. */
    String kind() {
        return kindOf(node);
    }

    private static String kindOf(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        return Tag.NULL.equals(s.getTag()) ? "nothing" : "'" + s.getValue() + "'";
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }
}
