package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.match.JsonPathExpression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the filter bar asks for; every part that is set must match. Text and regex search the
 * decoded payload (so Avro is searched as its JSON view), a JSON path must find a non-null value
 * in it, a header is {@code name} or {@code name=value}, the key matches by substring, and the time
 * range bounds the message's own timestamp.
 *
 * <pre>{@code
 * MessageFilter f = MessageFilter.none().withKey("o-00042").withJsonPath("$[?(@.total > 100)]");
 * boolean hit = f.matches(row);
 * }</pre>
 *
 * <p>Thread-safety: immutable. Invalid regexes and JSON paths are refused when the filter is built,
 * with the fault named.
 *
 * @param key      substring of the key, or null
 * @param header   {@code name} or {@code name=value}, or null
 * @param text     substring (or regex) of the decoded payload, or null
 * @param regex    whether {@code text} is a regular expression
 * @param jsonPath a JSON path that must find a non-null value, or null
 * @param from     earliest timestamp (inclusive), or null
 * @param to       latest timestamp (inclusive), or null
 */
public record MessageFilter(String key, String header, String text, boolean regex, String jsonPath, Instant from, Instant to) {
    public MessageFilter {
        key = blankToNull(key);
        header = blankToNull(header);
        text = blankToNull(text);
        jsonPath = blankToNull(jsonPath);
        if (regex && text != null) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        if (jsonPath != null) {
            JsonPathExpression.compile(jsonPath);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the time range starts after it ends: " + from + " > " + to);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Matches everything. */
    public static MessageFilter none() {
        return new MessageFilter(null, null, null, false, null, null, null);
    }

    public MessageFilter withKey(String k) {
        return new MessageFilter(k, header, text, regex, jsonPath, from, to);
    }

    public MessageFilter withHeader(String h) {
        return new MessageFilter(key, h, text, regex, jsonPath, from, to);
    }

    public MessageFilter withText(String t, boolean isRegex) {
        return new MessageFilter(key, header, t, isRegex, jsonPath, from, to);
    }

    public MessageFilter withJsonPath(String p) {
        return new MessageFilter(key, header, text, regex, p, from, to);
    }

    public MessageFilter withTimeRange(Instant f, Instant t) {
        return new MessageFilter(key, header, text, regex, jsonPath, f, t);
    }

    public boolean isEmpty() {
        return key == null && header == null && text == null && jsonPath == null && from == null && to == null;
    }

    /** Whether the row's message and decoded payload pass every part of the filter. */
    public boolean matches(MessageRow row) {
        return matcher().test(row);
    }

    /** The filter compiled once (regex, JSON path) for scanning many rows. */
    public Predicate<MessageRow> matcher() {
        Pattern pattern = regex && text != null ? Pattern.compile(text) : null;
        JsonPathExpression path = jsonPath == null ? null : JsonPathExpression.compile(jsonPath);
        return row -> {
            Message m = row.message();
            if (key != null && (m.keyText().isEmpty() || !m.keyText().get().contains(key))) {
                return false;
            }
            if (header != null && !headerMatches(m)) {
                return false;
            }
            if (from != null || to != null) {
                Instant t = m.timestamp();
                if (t == null || from != null && t.isBefore(from) || to != null && t.isAfter(to)) {
                    return false;
                }
            }
            if (text != null) {
                DecodedPayload d = row.decoded();
                boolean found = pattern != null
                        ? pattern.matcher(d.text()).find() || d.tree() != null && pattern.matcher(d.tree().toString()).find()
                        : d.text().contains(text) || d.tree() != null && d.tree().toString().contains(text);
                if (!found) {
                    return false;
                }
            }
            if (path != null) {
                JsonNode tree = row.decoded().tree();
                return tree != null && path.readAll(tree).stream().anyMatch(n -> n != null && !n.isNull() && !n.isMissingNode()
                        && !(n.isArray() && n.isEmpty()));
            }
            return true;
        };
    }

    private boolean headerMatches(Message m) {
        int eq = header.indexOf('=');
        String name = eq < 0 ? header : header.substring(0, eq).strip();
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(header.substring(eq + 1).strip());
        for (Header h : m.headers()) {
            if (h.name().equals(name) && (value.isEmpty() || value.get().equals(h.valueAsString()))) {
                return true;
            }
        }
        return false;
    }

    /** For the status line: "key ~ o-42, $.total > 100, since 2026-…". */
    public String describe() {
        if (isEmpty()) {
            return "no filter";
        }
        List<String> parts = new ArrayList<>();
        if (key != null) {
            parts.add("key contains '" + key + "'");
        }
        if (header != null) {
            parts.add("header " + header);
        }
        if (text != null) {
            parts.add((regex ? "payload matches /" + text + "/" : "payload contains '" + text + "'"));
        }
        if (jsonPath != null) {
            parts.add("JSON path " + jsonPath);
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageFilter f && Objects.equals(key, f.key) && Objects.equals(header, f.header)
                && Objects.equals(text, f.text) && regex == f.regex && Objects.equals(jsonPath, f.jsonPath)
                && Objects.equals(from, f.from) && Objects.equals(to, f.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, header, text, regex, jsonPath, from, to);
    }
}
