package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sitkit.config.Secrets;
import io.sitkit.core.Message;
import io.sitkit.match.Check;
import io.sitkit.match.MessageMatcher;
import io.sitkit.redact.Redactor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How assertions show what they saw: payload previews through the core's formatter, everything
 * passed through the {@link Redactor} — values it masks in a payload are masked wherever else they
 * appear in the failure (a matcher's description, a key), as expectations do.
 *
 * <p>Thread-safety: not thread-safe; one instance per failure being written.
 */
final class Rendering {
    /** Characters of a payload shown in a failure. */
    static final int PAYLOAD_SHOWN = 120;
    private static final int KEY_SHOWN = 40;

    private final Redactor redactor;
    private final Set<String> sensitive = new LinkedHashSet<>();

    Rendering(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** The message as it may be shown; remembers the values redaction masked in it. */
    Message shown(Message m) {
        Message shown = redactor.message(m);
        collectSensitive(m, shown);
        return shown;
    }

    /** The redacted payload preview: UTF-8 if printable, else hex; truncated. */
    String payload(Message m) {
        return mask(io.sitkit.core.Payloads.preview(shown(m).payload(), PAYLOAD_SHOWN));
    }

    /** The redacted key, cut to 40 characters, or {@code no key}. */
    String key(Message m) {
        return shown(m).keyText().map(k -> "\"" + (k.length() > KEY_SHOWN ? k.substring(0, KEY_SHOWN) + "…" : k) + "\"")
                .map(this::mask).orElse("no key");
    }

    /**
     * The matcher's checks on the real message, with what the message had described from the
     * redacted one (so a masked field reads {@code was "***"}), as expectations show near misses.
     */
    List<Check> explain(MessageMatcher matcher, Message m) {
        List<Check> real = matcher.explain(m);
        Message shown = shown(m);
        if (shown == m) {
            return real;
        }
        List<Check> masked = matcher.explain(shown);
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            Check r = real.get(i);
            if (r.passed()) {
                out.add(r);
            } else if (masked.size() != real.size()) {
                out.add(new Check(r.description(), false, "(redacted)", null));
            } else {
                Check c = masked.get(i);
                out.add(new Check(r.description(), false, c.passed() ? "(redacted)" : c.actual(), c.hint()));
            }
        }
        return out;
    }

    /** The text with secret values and the sensitive values seen in shown payloads masked. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = redactor.text(text);
        for (String value : sensitive) {
            masked = masked.replace(value, Secrets.MASK);
        }
        return masked;
    }

    /** Redacts a JSON document as the redactor would a payload. */
    JsonNode redact(JsonNode json) {
        if (redactor.isEmpty()) {
            return json;
        }
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
            byte[] redacted = redactor.payload(bytes);
            JsonNode shown = redacted == bytes ? json : Json.MAPPER.readTree(redacted);
            collect(json, shown);
            return shown;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON document did not survive redaction: " + e.getMessage(), e);
        }
    }

    boolean redacts() {
        return !redactor.isEmpty();
    }

    private void collectSensitive(Message original, Message shown) {
        if (shown == original || original.payloadSize() <= 0) {
            return;
        }
        try {
            collect(original.payloadJson(), shown.payloadJson());
        } catch (RuntimeException notJson) {
            // Secret values in non-JSON payloads are masked by the redactor's text rules.
        }
    }

    private void collect(JsonNode a, JsonNode b) {
        if (b == null) {
            return;
        }
        if (b.isTextual() && b.asText().equals(Secrets.MASK) && !a.equals(b)) {
            if (a.isValueNode()) {
                // Short values (a pin "1", true) would garble the whole text; previews already show them masked.
                if (a.asText().length() >= 4) {
                    sensitive.add(a.asText());
                }
            } else {
                a.forEach(child -> collect(child, TextNode.valueOf(Secrets.MASK)));
            }
            return;
        }
        if (a.isObject()) {
            a.fields().forEachRemaining(e -> collect(e.getValue(), b.get(e.getKey())));
        } else if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), b.get(i));
            }
        }
    }
}
