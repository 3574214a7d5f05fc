package io.sitkit.jms;

/**
 * Maps header names to JMS property names and back. JMS property names must be Java identifiers
 * and must not start with {@code JMS} (reserved) nor be a selector keyword; Kafka header names may
 * be any string. The mapping is reversible:
 * <ul>
 *   <li>{@code .} → {@code _DOT_}, {@code -} → {@code _HYPHEN_} (the common convention, so
 *       {@code content-type} becomes {@code content_HYPHEN_type});</li>
 *   <li>any other character not allowed in an identifier (and a leading digit) → {@code _xHHHH_}
 *       with its UTF-16 code in hex;</li>
 *   <li>a literal {@code _} that would be read as the start of an escape is written {@code _x005F_};</li>
 *   <li>a name that is a selector keyword ({@code AND}, {@code NULL}, …) or starts with {@code JMS}
 *       but is not a JMS-defined property gets the prefix {@code _x0000_}.</li>
 * </ul>
 * Names that are already valid property names pass through unchanged.
 *
 * <p>Thread-safety: stateless.
 */
public final class JmsNames {
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("NULL", "TRUE", "FALSE", "NOT", "AND",
            "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");
    private static final String GUARD = "_x0000_";

    private JmsNames() {
    }

    /** The JMS property name for a header name. */
    public static String toProperty(String header) {
        StringBuilder sb = new StringBuilder(header.length() + 8);
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '.') {
                sb.append("_DOT_");
            } else if (c == '-') {
                sb.append("_HYPHEN_");
            } else if (c == '_' && escapeAhead(header, i)) {
                sb.append("_x005F_");
            } else if (i == 0 ? Character.isJavaIdentifierStart(c) && c != '$' : Character.isJavaIdentifierPart(c) && c != '$'
                    && !Character.isIdentifierIgnorable(c)) {
                sb.append(c);
            } else {
                sb.append(String.format("_x%04X_", (int) c));
            }
        }
        String name = sb.toString();
        if (KEYWORDS.contains(name.toUpperCase(java.util.Locale.ROOT))
                || name.startsWith("JMS") && !name.startsWith("JMSX") || name.startsWith(GUARD)) {
            return GUARD + name;
        }
        return name;
    }

    /** The header name for a JMS property name; inverse of {@link #toProperty}. */
    public static String toHeader(String property) {
        if (property.indexOf('_') < 0) {
            // Every escape starts with '_': most names (JMSXDeliveryCount on every received message) map to themselves.
            return property;
        }
        String p = property.startsWith(GUARD) ? property.substring(GUARD.length()) : property;
        StringBuilder sb = new StringBuilder(p.length());
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith("_DOT_", i)) {
                sb.append('.');
                i += 5;
            } else if (p.startsWith("_HYPHEN_", i)) {
                sb.append('-');
                i += 8;
            } else if (isHexEscape(p, i)) {
                sb.append((char) Integer.parseInt(p.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                sb.append(p.charAt(i));
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean escapeAhead(String s, int i) {
        return s.startsWith("_DOT_", i) || s.startsWith("_HYPHEN_", i) || isHexEscape(s, i);
    }

    private static boolean isHexEscape(String s, int i) {
        if (i + 7 > s.length() || s.charAt(i) != '_' || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
