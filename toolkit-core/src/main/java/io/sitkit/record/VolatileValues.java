package io.sitkit.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces the parts of text that differ from run to run by nature — uuids, ISO-8601 times and
 * dates, W3C trace context ids, JMS message ids — with placeholders ({@code <uuid>},
 * {@code <time>}, {@code <trace>}, {@code <message-id>}), so two runs compare equal where only
 * those differ, and still differ where one has a uuid and the other has none.
 *
 * <p>Thread-safety: stateless.
 */
final class VolatileValues {
    private static final Pattern TRACE = Pattern.compile("\\b[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}\\b");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern JMS_ID = Pattern.compile("\\bID:[A-Za-z0-9._:-]+");

    /** What {@code describe()} of a golden comparison says about this rule. */
    static final String DESCRIPTION = "values shaped like uuids, ISO times, trace ids and JMS message ids";

    private VolatileValues() {
    }

    /** {@code text} with every volatile part replaced by its placeholder; null stays null. */
    static String normalize(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        String out = TRACE.matcher(text).replaceAll("<trace>");
        out = UUID.matcher(out).replaceAll("<uuid>");
        out = TIME.matcher(out).replaceAll("<time>");
        return JMS_ID.matcher(out).replaceAll("<message-id>");
    }

    /** A copy of {@code node} with every string value normalized; field names are kept. */
    static JsonNode normalize(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String n = normalize(node.textValue());
            return n.equals(node.textValue()) ? node : TextNode.valueOf(n);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), normalize(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> copy.add(normalize(child)));
            return copy;
        }
        return node;
    }
}
