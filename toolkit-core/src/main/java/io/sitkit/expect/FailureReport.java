package io.sitkit.expect;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.match.Check;
import io.sitkit.match.MessageMatcher;
import io.sitkit.redact.Redactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes a failure message in the house order — expected, where, within, what was seen, nearest
 * misses, hints — and passes every word of it through the {@link Redactor}. Expectations and stub
 * verification write theirs with it, so all of sitkit's failures read alike.
 *
 * <pre>{@code
 * String text = new FailureReport("exactly 2 requests matching " + matcher.describe(), redactor)
 *         .line("at stub payment-gateway on jms:queue:payments").line("within 5000ms")
 *         .line("but saw 1 matching of 3 received").nearestMisses(misses, matcher, 3, "jms:queue:payments").render();
 * }</pre>
 *
 * <p>Thread-safety: one instance per failure.
 */
public final class FailureReport {
    /** How many of the latest non-matching messages are explained when looking for near misses. */
    static final int MISS_SCAN = 2_000;
    static final int PAYLOAD_SHOWN = 120;

    private final StringBuilder text = new StringBuilder();
    private final Set<String> hints = new LinkedHashSet<>();
    /** Values of sensitive fields in the messages shown: masked wherever they appear (also in matcher descriptions). */
    private final Set<String> sensitive = new LinkedHashSet<>();
    private final Redactor redactor;

    public FailureReport(String expected, Redactor redactor) {
        this.redactor = redactor;
        text.append("expected ").append(expected);
    }

    public FailureReport line(String line) {
        text.append("\n  ").append(line);
        return this;
    }

    /** {@code seen: kafka:orders=2, jms:queue:payments=0} counting messages captured at or after {@code since}. */
    FailureReport seen(String label, Capture capture, Instant since) {
        StringJoiner counts = new StringJoiner(", ");
        for (Destination d : capture.destinations()) {
            counts.add(d + "=" + countSince(capture.messages(d), since));
        }
        return line(label + ": " + counts);
    }

    /** The capture's start description, its drops and its blind spots. */
    FailureReport capture(Capture capture, Instant since) {
        line("capture started " + capture.describe());
        if (capture.dropped() > 0) {
            line("note: the capture was full and dropped " + capture.dropped() + " message(s); raise its bound");
        }
        for (String problem : capture.problemsSince(since)) {
            line("note: " + problem);
        }
        String started = capture.describe();
        for (Destination d : capture.destinations()) {
            if (d.isQueue() && started.contains(d + " via mirror topic ") && capture.messages(d).isEmpty()) {
                // A client cannot see whether the broker mirrors a queue: an empty mirror is the only sign.
                hint(d + " was watched through its mirror topic and showed no message at all; if something was sent to "
                        + "the queue, the broker is not mirroring it (ActiveMQ Classic: mirrored queues; Artemis: a "
                        + "non-exclusive divert): README, \"Watching queues without stealing their messages\"");
            }
        }
        return this;
    }

    /**
     * The best {@code max} near misses among {@code candidates} (scored by the share of checks
     * they pass), each with its checks.
     */
    public FailureReport nearestMisses(List<Message> candidates, MessageMatcher matcher, int max, String where) {
        if (candidates.isEmpty() || max <= 0) {
            return this;
        }
        record Scored(Message message, List<Check> checks, double score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int from = Math.max(0, candidates.size() - MISS_SCAN);
        for (int i = from; i < candidates.size(); i++) {
            Message m = candidates.get(i);
            List<Check> checks = matcher.explain(m);
            long passed = checks.stream().filter(Check::passed).count();
            scored.add(new Scored(m, checks, checks.isEmpty() ? 0 : (double) passed / checks.size(), i));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
        List<Scored> best = scored.subList(0, Math.min(max, scored.size()));
        line("nearest misses (" + best.size() + " of " + candidates.size() + " on " + where + "):");
        for (Scored s : best) {
            message(s.message);
            List<Check> shown = explainRedacted(s.message, matcher, s.checks);
            for (Check c : shown) {
                text.append("\n      ").append(c.render());
                if (!c.passed() && c.hint() != null) {
                    hints.add(c.hint());
                }
            }
        }
        return this;
    }

    /** One message, as a near miss or a witness: position, key and payload preview. */
    public FailureReport message(Message m) {
        text.append("\n    ").append(render(m));
        return this;
    }

    String render(Message m) {
        Message shown = redactor.message(m);
        collectSensitive(m, shown);
        return shown.position() + shown.keyText().map(k -> " key=" + (k.length() > 40 ? k.substring(0, 40) + "…" : k)).orElse("")
                + " " + Payloads.preview(shown.payload(), PAYLOAD_SHOWN);
    }

    /** Outcomes from the real message, descriptions of what it had from the redacted one. */
    private List<Check> explainRedacted(Message m, MessageMatcher matcher, List<Check> real) {
        Message shown = redactor.message(m);
        collectSensitive(m, shown);
        if (shown == m) {
            return real;
        }
        List<Check> masked = matcher.explain(shown);
        if (masked.size() != real.size()) {
            return real.stream().map(c -> new Check(c.description(), c.passed(), c.passed() ? null : "(redacted)", null)).toList();
        }
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            Check r = real.get(i);
            out.add(r.passed() ? r : new Check(r.description(), false, masked.get(i).passed() ? "(redacted)" : masked.get(i).actual(),
                    masked.get(i).hint()));
        }
        return out;
    }

    public FailureReport hint(String hint) {
        hints.add(hint);
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder(text);
        for (String h : hints) {
            out.append("\n  hint: ").append(h);
        }
        String masked = redactor.conditions(out.toString());
        for (String value : sensitive) {
            masked = masked.replace(value, io.sitkit.config.Secrets.MASK);
        }
        return masked;
    }

    /** Where redaction changed a JSON payload, remembers the original values it masked. */
    private void collectSensitive(Message original, Message shown) {
        if (shown == original || original.payloadSize() <= 0) {
            return;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode a = original.payloadJson();
            com.fasterxml.jackson.databind.JsonNode b = shown.payloadJson();
            collect(a, b);
        } catch (RuntimeException notJson) {
            // Secret values in non-JSON payloads are masked by the redactor's text rules.
        }
    }

    private void collect(com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b) {
        if (b == null) {
            return;
        }
        if (b.isTextual() && b.asText().equals(io.sitkit.config.Secrets.MASK) && !a.equals(b)) {
            if (a.isValueNode()) {
                // Short values (a pin "1", true) would garble the whole text; previews already show them masked.
                if (a.asText().length() >= 4) {
                    sensitive.add(a.asText());
                }
            } else {
                a.forEach(child -> collect(child, com.fasterxml.jackson.databind.node.TextNode.valueOf(io.sitkit.config.Secrets.MASK)));
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

    ExpectationFailedError error() {
        return new ExpectationFailedError(render());
    }

    static int countSince(List<Message> messages, Instant since) {
        int n = 0;
        for (Message m : messages) {
            if (!m.capturedAt().isBefore(since)) {
                n++;
            }
        }
        return n;
    }
}
