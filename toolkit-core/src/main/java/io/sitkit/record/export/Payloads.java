package io.sitkit.record.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitkit.core.Message;
import io.sitkit.record.VolatileValues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the generated test publishes and compares: payload templates in which the session's keys
 * are the run's keys and uuids and times are fresh, key and header expressions alike, and the
 * leaves of a JSON payload as paths.
 *
 * <p>Thread-safety: for one generator's thread.
 */
final class Payloads {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final char MARK = '\u0001';

    private final Map<String, String> keys;
    private final SessionExport spec;

    Payloads(Map<String, String> keys, SessionExport spec) {
        this.keys = keys;
        this.spec = spec;
    }

    /** The payload as a text block, {@code .formatted(…)} with the run's keys and fresh uuids and times where it had them. */
    String template(String payload, String indent) {
        List<String> args = new ArrayList<>();
        Map<String, Integer> argOf = new LinkedHashMap<>();
        String marked = VolatileValues.replace(payload, (kind, value) -> switch (kind) {
            case "uuid" -> mark(argOf, args, value, "UUID.randomUUID()");
            case "time" -> mark(argOf, args, value, "java.time.Instant.now()");
            default -> value;
        });
        // In JSON, keys are replaced inside strings only: a key in a number would make the suffixed one invalid JSON.
        boolean json = !payload.isBlank() && (payload.strip().charAt(0) == '{' || payload.strip().charAt(0) == '[');
        boolean inString = false;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < marked.length(); ) {
            char c = marked.charAt(i);
            String key = json && !inString ? null : JavaText.keyAt(marked, i, keys);
            if (json && c == '"' && (i == 0 || marked.charAt(i - 1) != '\\' || escapedBackslash(marked, i))) {
                inString = !inString;
            }
            if (key != null) {
                out.append(MARK).append(arg(argOf, args, "key:" + key, keys.get(key))).append(MARK);
                i += key.length();
            } else {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
            }
        }
        String block = JavaText.textBlock(out.toString(), indent);
        if (args.isEmpty()) {
            return block.replace("%%", "%");
        }
        StringBuilder formatted = new StringBuilder();
        String[] parts = block.split(String.valueOf(MARK), -1);
        for (int i = 0; i < parts.length; i++) {
            formatted.append(i % 2 == 0 ? parts[i] : "%" + parts[i] + "$s");
        }
        return formatted + ".formatted(" + String.join(", ", args) + ")";
    }

    /** Whether the backslashes before the quote at {@code i} are an even number (so the quote itself is not escaped). */
    private static boolean escapedBackslash(String s, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 0;
    }

    private static String mark(Map<String, Integer> argOf, List<String> args, String value, String fresh) {
        return MARK + arg(argOf, args, value, fresh) + MARK;
    }

    private static String arg(Map<String, Integer> argOf, List<String> args, String value, String expression) {
        Integer n = argOf.get(value);
        if (n == null) {
            args.add(expression);
            n = args.size();
            argOf.put(value, n);
        }
        return Integer.toString(n);
    }

    /** A key or header value to publish: the run's key where it had a session key, a fresh uuid or time where it was one. */
    String fresh(String value) {
        if (keys.containsKey(value)) {
            return keys.get(value);
        }
        if (VolatileValues.contains(value)) {
            String[] kind = {null};
            String rest = VolatileValues.replace(value, (k, v) -> {
                kind[0] = kind[0] == null ? k : "mixed";
                return "";
            });
            if (rest.isEmpty() && "uuid".equals(kind[0])) {
                return "UUID.randomUUID().toString()";
            }
            if (rest.isEmpty() && "time".equals(kind[0])) {
                return "java.time.Instant.now().toString()";
            }
        }
        return JavaText.string(value, keys);
    }

    /** The payload as a JSON object or array, or null when it is not JSON text. */
    static JsonNode json(Message m) {
        String text = m.payload() == null ? null : m.payloadText().orElse(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        char first = text.strip().charAt(0);
        if (first != '{' && first != '[') {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Each leaf (scalar, null, empty object or array) of {@code node} with its JSON path, in document order. */
    void leaves(JsonNode node, String path, BiConsumer<String, JsonNode> each) {
        if (spec.ignores(path) && !path.equals("$")) {
            each.accept(path, node);
        } else if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = f.getKey();
                leaves(f.getValue(), PLAIN_NAME.matcher(name).matches() ? path + "." + name
                        : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']", each);
            }
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", each);
            }
        } else {
            each.accept(path, node);
        }
    }
}
