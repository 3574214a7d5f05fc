package io.sitkit.record.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Java source fragments: string literals, text blocks, identifiers, number literals, and string
 * expressions in which the session's keys become the generated test's per-run variables.
 *
 * <p>Thread-safety: stateless.
 */
final class JavaText {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record", "yield",
            "expect", "bus", "RUN", "WITHIN", "CORRELATION");

    private JavaText() {
    }

    /** A Java string literal. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A text block of {@code content}, its lines indented by {@code indent}, closed right after the last character. */
    static String textBlock(String content, String indent) {
        String escaped = content.replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
        if (escaped.endsWith("\"")) {
            escaped = escaped.substring(0, escaped.length() - 1) + "\\\"";
        }
        StringBuilder out = new StringBuilder("\"\"\"");
        for (String line : escaped.split("\r?\n", -1)) {
            if (line.endsWith(" ")) {
                line = line.substring(0, line.length() - 1) + "\\s";
            }
            out.append('\n').append(indent).append(line);
        }
        return out.append("\"\"\"").toString();
    }

    /** A variable name for {@code key} ({@code o-1} → {@code o1}), not a keyword nor one of {@code taken}. */
    static String identifier(String key, Set<String> taken) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.append(upper && out.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String base = out.length() == 0 || !Character.isLetter(out.charAt(0)) ? "key" + out : out.toString();
        if (base.length() > 30) {
            base = base.substring(0, 30);
        }
        base = Character.toLowerCase(base.charAt(0)) + base.substring(1);
        String name = base;
        for (int n = 2; KEYWORDS.contains(name) || taken.contains(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** A Java expression of a JSON scalar for {@code jsonPath(…).isEqualTo(…)}; strings through {@link #string}. */
    static String value(JsonNode v, Map<String, String> keys) {
        if (v.isTextual()) {
            return string(v.textValue(), keys);
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isIntegralNumber()) {
            if (v.canConvertToInt()) {
                return Integer.toString(v.intValue());
            }
            return v.canConvertToLong() ? v.longValue() + "L" : "new java.math.BigDecimal(\"" + v.bigIntegerValue() + "\")";
        }
        BigDecimal d = v.decimalValue();
        String text = d.toPlainString();
        if (Double.isFinite(d.doubleValue()) && new BigDecimal(Double.toString(d.doubleValue())).compareTo(d) == 0 && text.length() < 18) {
            return text.contains(".") ? text : text + ".0";
        }
        return "new java.math.BigDecimal(\"" + text + "\")";
    }

    /**
     * A Java expression for {@code s} in which each key of {@code keys} (key → variable) standing
     * alone — not inside a longer word, so {@code o-1} is not found in {@code o-10} — is its variable:
     * {@code "Your order " + o1 + " is confirmed"}.
     */
    static String string(String s, Map<String, String> keys) {
        List<String> parts = new ArrayList<>();
        int literalFrom = 0;
        int i = 0;
        while (i < s.length()) {
            String hit = keyAt(s, i, keys);
            if (hit == null) {
                i++;
                continue;
            }
            if (i > literalFrom) {
                parts.add(literal(s.substring(literalFrom, i)));
            }
            parts.add(keys.get(hit));
            i += hit.length();
            literalFrom = i;
        }
        if (literalFrom < s.length() || parts.isEmpty()) {
            parts.add(literal(s.substring(literalFrom)));
        }
        if (parts.size() > 1 && !parts.get(0).startsWith("\"") && !parts.get(1).startsWith("\"")) {
            parts.add(0, "\"\"");
        }
        return String.join(" + ", parts);
    }

    /**
     * The longest key standing alone at {@code i} of {@code s}, or null. Keys shorter than three
     * characters ({@code 7}) count only as the whole of {@code s} or of a quoted string in it, not
     * inside other text ("sku 7").
     */
    static String keyAt(String s, int i, Map<String, String> keys) {
        String best = null;
        for (String k : keys.keySet()) {
            boolean whole = k.length() >= 3 || (i == 0 && k.length() == s.length())
                    || (i > 0 && i + k.length() < s.length() && s.charAt(i - 1) == '"' && s.charAt(i + k.length()) == '"');
            if (!k.isEmpty() && whole && s.startsWith(k, i) && (best == null || k.length() > best.length())
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    && (i + k.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + k.length())))) {
                best = k;
            }
        }
        return best;
    }

    /** {@code text} as {@code // } comment lines at {@code indent}. */
    static String comment(String text, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            out.append(indent).append("// ").append(line.replace("*/", "* /")).append('\n');
        }
        return out.toString();
    }
}
