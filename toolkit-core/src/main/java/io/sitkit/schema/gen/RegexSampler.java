package io.sitkit.schema.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Writes a string that a simple regular expression matches: literals, escapes ({@code \d \w \s \.}),
 * classes ({@code [A-Z0-9_-]}, {@code [^,]}), groups with alternatives ({@code (EUR|USD)}), and
 * quantifiers ({@code ? * + {n} {n,m}}); anchors are honoured by writing a whole match. Anything
 * else (back-references, look-arounds, Unicode classes) is not attempted: the caller falls back.
 *
 * <p>Thread-safety: stateless; the random source is the caller's.
 */
final class RegexSampler {
    /** How many extra repetitions an open quantifier ({@code *}, {@code +}, {@code {n,}}) may add. */
    static final int OPEN_EXTRA = 3;
    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,:;!?@#%&*+=/ ";

    private final String pattern;
    private int pos;

    private RegexSampler(String pattern) {
        this.pattern = pattern;
    }

    /** A string the pattern finds (as JSON Schema's {@code pattern} does), or empty when the pattern is beyond this sampler. */
    static Optional<String> sample(String pattern, SplittableRandom random) {
        try {
            Pattern compiled = Pattern.compile(pattern);
            RegexSampler parser = new RegexSampler(pattern);
            Node node = parser.alternatives();
            if (parser.pos != pattern.length()) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder();
            node.write(out, random);
            String s = out.toString();
            return compiled.matcher(s).find() ? Optional.of(s) : Optional.empty();
        } catch (Unsupported | PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    private interface Node {
        void write(StringBuilder out, SplittableRandom random);
    }

    private Node alternatives() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0)
                : (out, random) -> options.get(random.nextInt(options.size())).write(out, random);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            Node atom = atom();
            parts.add(quantified(atom));
        }
        return (out, random) -> parts.forEach(p -> p.write(out, random));
    }

    private Node atom() {
        char c = pattern.charAt(pos++);
        switch (c) {
            case '^', '$':
                return (out, random) -> { };
            case '.':
                return chars(WORD.substring(0, 52));
            case '(':
                if (pattern.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pos < pattern.length() && pattern.charAt(pos) == '?') {
                    throw new Unsupported();
                }
                Node inner = alternatives();
                expect(')');
                return inner;
            case '[':
                return charClass();
            case '\\':
                return escape();
            case '*', '+', '?', '{', ')':
                throw new Unsupported();
            default:
                return literal(c);
        }
    }

    private Node quantified(Node atom) {
        if (pos >= pattern.length()) {
            return atom;
        }
        int min;
        int max;
        char c = pattern.charAt(pos);
        if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '*') {
            min = 0;
            max = OPEN_EXTRA;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = 1 + OPEN_EXTRA;
            pos++;
        } else if (c == '{') {
            int close = pattern.indexOf('}', pos);
            if (close < 0) {
                throw new Unsupported();
            }
            String[] bounds = pattern.substring(pos + 1, close).split(",", -1);
            try {
                min = Integer.parseInt(bounds[0].trim());
                max = bounds.length == 1 ? min
                        : bounds[1].isBlank() ? min + OPEN_EXTRA : Integer.parseInt(bounds[1].trim());
            } catch (NumberFormatException e) {
                throw new Unsupported();
            }
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < pattern.length() && (pattern.charAt(pos) == '?' || pattern.charAt(pos) == '+')) {
            pos++;   // lazy or possessive: the same strings match
        }
        int lo = min;
        int hi = max;
        return (out, random) -> {
            int n = lo + random.nextInt(hi - lo + 1);
            for (int i = 0; i < n; i++) {
                atom.write(out, random);
            }
        };
    }

    private Node charClass() {
        boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        StringBuilder members = new StringBuilder();
        boolean first = true;
        while (pos < pattern.length() && (pattern.charAt(pos) != ']' || first)) {
            first = false;
            char c = pattern.charAt(pos++);
            String single;
            if (c == '\\') {
                single = escapeChars();
            } else if (c == '[') {
                throw new Unsupported();
            } else {
                single = String.valueOf(c);
            }
            if (single.length() == 1 && pos + 1 < pattern.length() && pattern.charAt(pos) == '-'
                    && pattern.charAt(pos + 1) != ']') {
                pos++;
                char to = pattern.charAt(pos++);
                if (to == '\\') {
                    String t = escapeChars();
                    if (t.length() != 1) {
                        throw new Unsupported();
                    }
                    to = t.charAt(0);
                }
                for (char x = single.charAt(0); x <= to; x++) {
                    members.append(x);
                }
            } else {
                members.append(single);
            }
        }
        expect(']');
        if (!negated) {
            return chars(members.toString());
        }
        StringBuilder allowed = new StringBuilder();
        for (char x : PRINTABLE.toCharArray()) {
            if (members.indexOf(String.valueOf(x)) < 0) {
                allowed.append(x);
            }
        }
        return chars(allowed.toString());
    }

    private Node escape() {
        String members = escapeChars();
        return members.length() == 1 ? literal(members.charAt(0)) : chars(members);
    }

    /** The characters an escape stands for: one for an escaped literal, several for a class. */
    private String escapeChars() {
        if (pos >= pattern.length()) {
            throw new Unsupported();
        }
        char c = pattern.charAt(pos++);
        switch (c) {
            case 'd':
                return "0123456789";
            case 'w':
                return WORD;
            case 's':
                return " ";
            case 't':
                return "\t";
            case 'n':
                return "\n";
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw new Unsupported();   // \b, \p{..}, back-references, \D, \W, \S…
                }
                return String.valueOf(c);
        }
    }

    private static Node literal(char c) {
        return (out, random) -> out.append(c);
    }

    private static Node chars(String members) {
        if (members.isEmpty()) {
            throw new Unsupported();
        }
        return (out, random) -> out.append(members.charAt(random.nextInt(members.length())));
    }

    private void expect(char c) {
        if (pos >= pattern.length() || pattern.charAt(pos) != c) {
            throw new Unsupported();
        }
        pos++;
    }

    /** The pattern uses something this sampler does not write. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }
}
