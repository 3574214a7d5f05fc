package io.sitkit.report.internal;

import java.time.Duration;

/**
 * Escaping and small formatting helpers for the HTML report.
 *
 * <pre>{@code
 * out.append("<td>").append(Html.escape(entry.preview())).append("</td>");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Html {
    private Html() {
    }

    /**
     * The text safe inside HTML and SVG elements and quoted attributes: {@code & < > " '} become
     * entities, and control characters other than tab and line breaks are dropped (they are not
     * allowed in XML). Null becomes "".
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t' || c == '\r') {
                        if (Character.isSurrogate(c) && !validSurrogate(text, i)) {
                            out.append('\uFFFD');
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** At most {@code max} characters, with "…" when cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** A duration for people: {@code 830 ms}, {@code 1.24 s}, {@code 2 min 05 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
