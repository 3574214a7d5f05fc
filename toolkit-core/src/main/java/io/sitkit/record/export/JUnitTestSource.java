package io.sitkit.record.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.correlate.KeySource;
import io.sitkit.record.SessionNote;
import io.sitkit.record.VolatileValues;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the JUnit test of a session (see {@link SessionExport#toJUnitTest}): imports, the class
 * with its constants, and one test method that publishes the injections and expects the observed
 * messages, notes as comments, then the flow of each key.
 *
 * <p>Thread-safety: one instance writes one source, on one thread.
 */
final class JUnitTestSource {
    private static final String BODY = "        ";
    private static final String CONT = BODY + "        ";
    /** What the redactor writes for a masked value: not the value the system sends. */
    private static final String MASK = io.sitkit.config.Secrets.MASK;

    private final SessionRecording session;
    private final SessionExport spec;
    private final String packageName;
    private final String className;
    /** Session key → variable. */
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Set<String> staticImports = new TreeSet<>();
    private final Set<String> imports = new TreeSet<>();
    private final Payloads payloads;

    JUnitTestSource(SessionRecording session, SessionExport spec, String packageName, String className) {
        this.session = session;
        this.spec = spec;
        this.packageName = packageName;
        this.className = className;
        Set<String> taken = new LinkedHashSet<>();
        for (String k : session.injectedKeys) {
            String v = JavaText.identifier(k, taken);
            taken.add(v);
            keys.put(k, v);
        }
        this.payloads = new Payloads(keys, spec);
    }

    String write() {
        String body = body();
        StringBuilder out = new StringBuilder();
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        imports.addAll(List.of("io.sitkit.correlate.CorrelationRules", "io.sitkit.correlate.KeySource", "io.sitkit.expect.Expectations",
                "io.sitkit.junit.Isolation", "io.sitkit.junit.SitBus", "io.sitkit.junit.SitTest", "org.junit.jupiter.api.Test",
                "java.time.Duration", "java.util.UUID"));
        List<String> sorted = imports.stream().sorted((a, b) -> group(a) != group(b) ? group(a) - group(b) : a.compareTo(b)).toList();
        int lastGroup = group(sorted.get(0));
        for (String i : sorted) {
            if (group(i) != lastGroup) {
                out.append('\n');
                lastGroup = group(i);
            }
            out.append("import ").append(i).append(";\n");
        }
        for (String s : staticImports) {
            out.append(s.equals(staticImports.iterator().next()) ? "\n" : "").append("import static ").append(s).append(";\n");
        }
        out.append('\n').append(classJavadoc());
        out.append("@SitTest(observe = {").append(observed()).append("}, isolation = Isolation.SHARED_NAMES)\n");
        out.append("class ").append(className).append(" {\n");
        out.append("    /** How long each expected message may take. */\n");
        out.append("    static final Duration WITHIN = ").append(duration(spec.within())).append(";\n");
        out.append("    /** Appended to the session's keys, so each run's messages are its own. */\n");
        out.append("    static final String RUN = \"-\" + UUID.randomUUID().toString().substring(0, 8);\n");
        out.append("    /** How each destination carries the key, as in the session. */\n");
        out.append("    static final CorrelationRules CORRELATION = ").append(correlation()).append(";\n\n");
        out.append("    @Test\n");
        out.append("    void the_session_flow_happens_again(SitBus bus) {\n");
        out.append(body);
        out.append("    }\n}\n");
        return out.toString();
    }

    private static int group(String importName) {
        return importName.startsWith("java.") ? 2 : importName.startsWith("org.") ? 1 : 0;
    }

    private String classJavadoc() {
        String title = session.header.annotations().getOrDefault("session", session.name);
        long injected = session.messages().stream().filter(m -> m.entry().injected()).count();
        long observed = session.messages().size() - injected;
        long findings = session.notes().stream().filter(n -> n.kind() == SessionNote.Kind.FINDING).count();
        return "/**\n"
                + " * The exploratory session \"" + javadoc(title) + "\" (recorded " + session.start() + ") as a test: it publishes\n"
                + " * the session's " + count(injected, "injected message") + " again and expects the " + count(observed, "message")
                + " it observed,\n"
                + " * field by field, and the flow of each key. " + (findings == 0 ? "No findings were noted."
                : findings == 1 ? "1 finding was noted, as a comment where it was made." : findings + " findings were noted, as comments where they were made.")
                + "\n"
                + " *\n"
                + " * <p>It starts nothing: run the system under test on these destinations, by these names, first.\n"
                + " * Keys get a per-run suffix ({@link #RUN}); uuids and times in what is published are fresh;\n"
                + " * values that differ from run to run by nature are only expected to be there.\n"
                + " * Generated by sitkit from " + javadoc(session.name) + ".\n"
                + " */\n";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Text safe inside a javadoc comment. */
    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "&#64;")
                .replace("\n", " ");
    }

    private String observed() {
        return wrapped(session.destinations(), "        ", 60);
    }

    /** Addresses as string literals, one per line at {@code indent} when together they are longer than {@code width}. */
    private static String wrapped(List<Destination> ds, String indent, int width) {
        String oneLine = ds.stream().map(d -> JavaText.literal(d.toString())).collect(Collectors.joining(", "));
        return oneLine.length() <= width ? oneLine
                : "\n" + indent + ds.stream().map(d -> JavaText.literal(d.toString())).collect(Collectors.joining(",\n" + indent));
    }

    private String correlation() {
        StringBuilder out = new StringBuilder("CorrelationRules.byDefault(KeySource.kafkaKey())");
        for (Destination d : session.destinations()) {
            KeySource source = session.keySources.getOrDefault(d, d.isKafka() ? KeySource.kafkaKey() : KeySource.jmsCorrelationId());
            if (!(source instanceof KeySource.RecordKey)) {
                out.append("\n            .on(").append(JavaText.literal(d.toString())).append(", ").append(code(source)).append(')');
            }
        }
        return out.toString();
    }

    /** The code that makes {@code source}. */
    static String code(KeySource source) {
        if (source instanceof KeySource.HeaderValue h) {
            return "KeySource.header(" + JavaText.literal(h.name()) + ")";
        } else if (source instanceof KeySource.JsonField j) {
            return "KeySource.jsonPath(" + JavaText.literal(j.path().path()) + ")";
        } else if (source instanceof KeySource.JmsCorrelationId) {
            return "KeySource.jmsCorrelationId()";
        } else if (source instanceof KeySource.JmsMessageId) {
            return "KeySource.jmsMessageId()";
        } else if (source instanceof KeySource.TraceId) {
            return "KeySource.traceId()";
        }
        return "KeySource.kafkaKey()";
    }

    private String body() {
        StringBuilder out = new StringBuilder();
        out.append(BODY).append("Expectations expect = bus.expect().withCorrelation(CORRELATION);\n");
        keys.forEach((k, v) -> out.append(BODY).append("String ").append(v).append(" = ").append(JavaText.literal(k)).append(" + RUN;\n"));
        Map<Expected, Integer> alike = new LinkedHashMap<>();
        Map<Expected, String> firstSeen = new LinkedHashMap<>();
        List<Object> code = new ArrayList<>();
        for (SessionRecording.Step step : session.steps) {
            String at = offset(step.at());
            if (step instanceof SessionRecording.Note n && !n.note().byRecorder()) {
                code.add(JavaText.comment(n.note().kind().name() + " " + at + ": " + n.note().text(), BODY));
            } else if (step instanceof SessionRecording.Sent s && s.entry().injected()) {
                code.add(JavaText.comment("injected " + at + " on " + s.message().destination()
                        + (s.entry().redacted() ? " (redacted in the recording: masked values go out masked)" : ""), BODY) + publish(s));
            } else if (step instanceof SessionRecording.Sent s) {
                Expected e = expectation(s);
                if (alike.merge(e, 1, Integer::sum) == 1) {
                    code.add(e);
                    firstSeen.put(e, "observed " + at + " on " + s.message().destination());
                }
            }
        }
        for (Object c : code) {
            if (c instanceof Expected e) {
                int n = alike.get(e);
                if (n > 1) {
                    imports.add("io.sitkit.expect.Count");
                }
                out.append('\n').append(e.code(firstSeen.get(e), n));
            } else {
                out.append('\n').append(c);
            }
        }
        out.append(flows());
        return out.toString();
    }

    /** The expectation of an observed message, before it is known how many alike ones the session saw. */
    private record Expected(String comments, String on, String matcher) {
        String code(String observed, int alike) {
            return JavaText.comment(observed + (alike > 1 ? ", " + alike + " alike" : ""), BODY) + comments + BODY + on
                    + "\n" + CONT + (alike > 1 ? ".messages(" : ".message(") + matcher + ")"
                    + "\n" + CONT + (alike > 1 ? ".count(Count.atLeast(" + alike + ")).within(WITHIN);\n" : ".within(WITHIN);\n");
        }
    }

    private String publish(SessionRecording.Sent s) {
        Message m = s.message();
        imports.add("io.sitkit.core.OutgoingMessage");
        StringBuilder out = new StringBuilder(BODY).append("bus.publish(OutgoingMessage.");
        String payload = m.payload() == null ? null : m.payloadText().orElse(null);
        if (payload != null) {
            out.append("text(").append(JavaText.literal(m.destination().toString())).append(", ").append(payloads.template(payload, CONT))
                    .append(')');
        } else if (m.payload() == null) {
            out.append("text(").append(JavaText.literal(m.destination().toString())).append(", null)");
        } else {
            imports.add("java.util.Base64");
            out.append("bytes(").append(JavaText.literal(m.destination().toString())).append(", Base64.getDecoder().decode(")
                    .append(JavaText.literal(java.util.Base64.getEncoder().encodeToString(m.payload()))).append("))");
        }
        m.keyText().filter(k -> m.destination().isKafka()).ifPresent(k -> out.append('\n').append(CONT).append(".withKey(")
                .append(payloads.fresh(k)).append(')'));
        for (Header h : m.headers()) {
            String value = String.valueOf(h.typedValue());
            out.append('\n').append(CONT);
            if (m.destination().isJms() && !(h.typedValue() instanceof String)) {
                out.append(".withProperty(").append(JavaText.literal(h.name())).append(", ").append(typed(h.typedValue())).append(')');
            } else {
                out.append(".withHeader(").append(JavaText.literal(h.name())).append(", ").append(payloads.fresh(value)).append(')');
            }
        }
        m.jms().ifPresent(j -> {
            if (j.correlationId() != null) {
                out.append('\n').append(CONT).append(".withCorrelationId(").append(payloads.fresh(j.correlationId())).append(')');
            }
            if (j.type() != null) {
                out.append('\n').append(CONT).append(".withType(").append(JavaText.literal(j.type())).append(')');
            }
            if (j.replyTo() != null && !j.replyTo().name().startsWith("ID:")) {
                out.append('\n').append(CONT).append(".withReplyTo(").append(JavaText.literal(j.replyTo().toString())).append(')');
            }
        });
        return out.append(");\n").toString();
    }

    private static String typed(Object v) {
        if (v instanceof Long l) {
            return l + "L";
        } else if (v instanceof Float f) {
            return f + "f";
        } else if (v instanceof Short s) {
            return "(short) " + s;
        } else if (v instanceof Byte b) {
            return "(byte) " + b;
        }
        return String.valueOf(v);
    }

    /** The expectation of one observed message: its key, headers and JSON fields. */
    private Expected expectation(SessionRecording.Sent s) {
        Message m = s.message();
        List<String> matchers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        KeySource source = session.keySources.get(m.destination());
        boolean byKey = s.key() != null && keys.containsKey(s.key()) && source != null;
        if (!byKey) {
            m.keyText().filter(k -> m.destination().isKafka() && !VolatileValues.contains(k))
                    .ifPresent(k -> matchers.add(matcher("key") + "(" + JavaText.string(k, keys) + ")"));
        }
        for (Header h : m.headers()) {
            String value = String.valueOf(h.typedValue());
            if (spec.ignoredHeaders().contains(h.name()) || h.name().startsWith("JMS") || h.name().startsWith("__")
                    || (byKey && source instanceof KeySource.HeaderValue keyHeader && keyHeader.name().equals(h.name()))) {
                continue;
            }
            if (s.entry().redacted() && value.contains(MASK)) {
                masked.add("header " + h.name());
                matchers.add(matcher("header") + "(" + JavaText.literal(h.name()) + ")");
            } else if (VolatileValues.contains(value)) {
                skipped.add("header " + h.name());
                matchers.add(matcher("header") + "(" + JavaText.literal(h.name()) + ")");
            } else {
                matchers.add(matcher("header") + "(" + JavaText.literal(h.name()) + ", " + JavaText.string(value, keys) + ")");
            }
        }
        String note = "";
        JsonNode json = Payloads.json(m);
        if (json != null) {
            payloads.leaves(json, "$", (path, v) -> {
                if (v.isTextual() && s.entry().redacted() && v.textValue().contains(MASK)) {
                    masked.add(path);
                    matchers.add(matcher("jsonPath") + "(" + JavaText.literal(path) + ").exists()");
                } else if (spec.ignores(path) || (v.isTextual() && VolatileValues.contains(v.textValue()))) {
                    skipped.add(path);
                    matchers.add(matcher("jsonPath") + "(" + JavaText.literal(path) + ").exists()");
                } else if (v.isNull() || v.isContainerNode()) {
                    matchers.add(matcher("jsonPath") + "(" + JavaText.literal(path) + ").exists()");
                } else {
                    matchers.add(matcher("jsonPath") + "(" + JavaText.literal(path) + ").isEqualTo(" + JavaText.value(v, keys) + ")");
                }
            });
        } else if (m.payload() != null) {
            note = JavaText.comment("its payload (" + m.payloadSize() + " bytes" + (s.entry().schemaId() == null ? ""
                    : ", schema id " + s.entry().schemaId()) + ") is not JSON text: not compared", BODY);
        }
        String comments = (skipped.isEmpty() ? ""
                : JavaText.comment("differ from run to run, only expected to be there: " + String.join(", ", skipped), BODY))
                + (masked.isEmpty() ? "" : JavaText.comment("masked in the recording, only expected to be there: " + String.join(", ", masked), BODY))
                + note;
        String on = "expect.expect(" + JavaText.literal(m.destination().toString()) + ")"
                + (byKey ? ".forKey(" + keys.get(s.key()) + ")" : "");
        String matcher;
        if (matchers.isEmpty()) {
            matcher = matcher("anyMessage") + "()";
        } else if (matchers.size() == 1) {
            matcher = matchers.get(0);
        } else {
            matcher = matcher("allOf") + "(\n" + CONT + "        " + String.join(",\n" + CONT + "        ", matchers) + ")";
        }
        return new Expected(comments, on, matcher);
    }

    private String matcher(String name) {
        staticImports.add("io.sitkit.match.Matchers." + name);
        return name;
    }

    /** One flow per key, through the destinations it reached, in the order the session saw them (or the given route). */
    private String flows() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> k : keys.entrySet()) {
            Set<Destination> reached = new LinkedHashSet<>();
            for (SessionRecording.Sent s : session.messages()) {
                if (k.getKey().equals(s.key())) {
                    reached.add(s.message().destination());
                }
            }
            List<Destination> route = spec.route().isEmpty() ? List.copyOf(reached)
                    : spec.route().stream().filter(reached::contains).toList();
            if (route.size() < 2) {
                continue;
            }
            if (out.length() == 0) {
                out.append('\n').append(JavaText.comment(spec.route().isEmpty() ? "hop by hop, in the order the session saw them"
                        : "hop by hop, along the given route", BODY));
            }
            out.append(BODY).append("expect.expectFlow(").append(k.getValue()).append(")\n").append(CONT).append(".through(")
                    .append(wrapped(route, CONT + "        ", 80))
                    .append(")\n").append(CONT).append(".within(WITHIN);\n");
        }
        return out.toString();
    }

    private String offset(Instant at) {
        long ms = Duration.between(session.start(), at).toMillis();
        return String.format(Locale.ROOT, "%s%d.%03ds", ms < 0 ? "-" : "+", Math.abs(ms) / 1000, Math.abs(ms) % 1000);
    }

    private static String duration(Duration d) {
        if (d.toMillisPart() == 0 && d.toSecondsPart() == d.getSeconds() % 60 && d.getSeconds() < 60) {
            return "Duration.ofSeconds(" + d.getSeconds() + ")";
        }
        return "Duration.ofMillis(" + d.toMillis() + ")";
    }
}
