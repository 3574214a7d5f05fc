package io.sitkit.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a template into literals and {@code {{ expression }}} parts and checks each expression. */
final class TemplateParser {
    private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\s*\\((.*)\\)");
    private static final Pattern ARG = Pattern.compile("\\s*('([^']*)'|\"([^\"]*)\"|(-?\\d+))\\s*(,|$)");
    /** Function → {min args, max args}. */
    private static final Map<String, int[]> FUNCTIONS = Map.of(
            "header", new int[]{1, 1}, "uuid", new int[]{0, 0}, "now", new int[]{0, 1},
            "sequence", new int[]{0, 1}, "random", new int[]{2, 2});
    private static final List<String> WORDS = List.of("key", "correlationId", "messageId", "destination");

    private TemplateParser() {
    }

    static List<Template.Part> parse(String name, String text) {
        List<Template.Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                parts.add(new Template.Literal(text.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Template.Literal(text.substring(i, open)));
            }
            int close = text.indexOf("}}", open + 2);
            int[] at = position(text, open);
            if (close < 0) {
                throw new TemplateException(name, at[0], at[1], "'{{' is never closed with '}}'");
            }
            String source = text.substring(open + 2, close).trim();
            parts.add(expression(name, source, at[0], at[1]));
            i = close + 2;
        }
        return parts;
    }

    private static Template.Expression expression(String name, String source, int line, int column) {
        if (source.isEmpty()) {
            throw new TemplateException(name, line, column, "empty expression {{ }}");
        }
        if (source.startsWith("$")) {
            try {
                io.sitkit.match.JsonPathExpression.compile(source);
            } catch (RuntimeException e) {
                throw new TemplateException(name, line, column, "not a JSON path: " + e.getMessage() + " in {{ " + source + " }}");
            }
            return new Template.Expression("path", List.of(source), source, line, column);
        }
        if (WORDS.contains(source)) {
            return new Template.Expression(source, List.of(), source, line, column);
        }
        Matcher call = CALL.matcher(source);
        if (!call.matches()) {
            throw new TemplateException(name, line, column, "not an expression: {{ " + source + " }}; write a JSON path ($.orderId),"
                    + " one of " + WORDS + ", or a function call such as uuid()");
        }
        String fn = call.group(1);
        int[] arity = FUNCTIONS.get(fn);
        if (arity == null) {
            throw new TemplateException(name, line, column, "unknown function '" + fn + "' in {{ " + source + " }}; known: "
                    + new java.util.TreeSet<>(FUNCTIONS.keySet()));
        }
        List<String> args = args(name, call.group(2), source, line, column);
        if (args.size() < arity[0] || args.size() > arity[1]) {
            throw new TemplateException(name, line, column, fn + " takes " + (arity[0] == arity[1] ? arity[0] : arity[0] + " to " + arity[1])
                    + (arity[1] == 1 ? " argument" : " arguments") + ", got " + args.size() + " in {{ " + source + " }}");
        }
        if (fn.equals("random") && wholeNumber(args.get(0), name, source, line, column)
                > wholeNumber(args.get(1), name, source, line, column)) {
            throw new TemplateException(name, line, column, "random(min, max) needs min <= max in {{ " + source + " }}");
        }
        if (fn.equals("now") && args.size() == 1) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(args.get(0));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(name, line, column, "not a date pattern: " + e.getMessage() + " in {{ " + source + " }}");
            }
        }
        return new Template.Expression(fn, args, source, line, column);
    }

    private static List<String> args(String name, String text, String source, int line, int column) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        Matcher m = ARG.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new TemplateException(name, line, column, "bad arguments '" + text + "': use 'text', \"text\" or whole numbers,"
                        + " separated by commas, in {{ " + source + " }}");
            }
            out.add(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
            pos = m.end();
        }
        return out;
    }

    private static long wholeNumber(String arg, String name, String source, int line, int column) {
        try {
            return Long.parseLong(arg);
        } catch (NumberFormatException e) {
            throw new TemplateException(name, line, column, "random(min, max) takes whole numbers from " + Long.MIN_VALUE
                    + " to " + Long.MAX_VALUE + ", got '" + arg + "' in {{ " + source + " }}");
        }
    }

    /** 1-based line and column of {@code index}. */
    private static int[] position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, index - lineStart + 1};
    }
}
