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
 * <p>Also public for what is built on recordings elsewhere (the session export): {@link #replace}
 * hands each volatile part to a function, {@link #contains} says whether there is one.
 *
 * <pre>{@code
 * VolatileValues.contains("pay-7");                                     // false
 * VolatileValues.replace("at 2026-03-02T09:15:00Z", (kind, v) -> "<" + kind + ">");  // "at <time>"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class VolatileValues {
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
        return replace(text, (kind, value) -> "<" + kind + ">");
    }

    /**
     * {@code text} with every volatile part replaced by what {@code with} returns for it, given its
     * kind ({@code trace}, {@code uuid}, {@code time} or {@code message-id}) and the part itself;
     * trace ids first, then uuids, times and JMS message ids. Null stays null.
     */
    public static String replace(String text, java.util.function.BiFunction<String, String, String> with) {
        if (text == null || text.length() < 10) {
            return text;
        }
        String out = replace(TRACE, "trace", text, with);
        out = replace(UUID, "uuid", out, with);
        out = replace(TIME, "time", out, with);
        return replace(JMS_ID, "message-id", out, with);
    }

    /** Whether {@code text} holds a part that differs from run to run by nature (see {@link #replace}). */
    public static boolean contains(String text) {
        boolean[] found = {false};
        replace(text, (kind, value) -> {
            found[0] = true;
            return value;
        });
        return found[0];
    }

    private static String replace(Pattern pattern, String kind, String text,
                                  java.util.function.BiFunction<String, String, String> with) {
        return pattern.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(with.apply(kind, m.group())));
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
