package io.sitkit.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.match.JsonPathExpression;
import io.sitkit.schema.avro.AvroCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A reply or payload template: text with {@code {{ expression }}} parts, parsed once and rendered
 * against a {@link TemplateContext}. Expressions:
 * <ul>
 *   <li>{@code $.order.id} — a JSON path into the request's payload;</li>
 *   <li>{@code key}, {@code correlationId}, {@code messageId}, {@code destination}, {@code header('traceparent')} — the request's own;</li>
 *   <li>{@code uuid()}, {@code now()}, {@code now('yyyy-MM-dd')}, {@code sequence()}, {@code sequence('invoice')},
 *       {@code random(1, 100)} — generated, deterministic for a seeded context and a fixed clock.</li>
 * </ul>
 * JSON templates insert strings escaped for a JSON string (write the quotes in the template) and
 * numbers, booleans, objects and arrays as JSON; the rendered text must be valid JSON.
 *
 * <pre>{@code
 * Template reply = Template.json("payment-reply", """
 *     {"paymentId": "{{ uuid() }}", "orderId": "{{ $.orderId }}", "amount": {{ $.total }}, "at": "{{ now() }}"}""");
 * String body = reply.render(TemplateContext.seeded(7).withRequest(request));
 * }</pre>
 *
 * <p>Errors name the template, line, column and expression, at parse time for unknown functions or
 * bad arguments, at render time for values the request lacks. Thread-safety: immutable.
 */
public final class Template {
    /** How rendered values are written into the text. */
    public enum Mode { TEXT, JSON }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String name;
    private final Mode mode;
    private final List<Part> parts;
    /** Whether the text has no expression, so every rendering is the same. */
    private final boolean fixed;
    /** A fixed template's text once rendered and checked; null until then (or while it fails its check). */
    private volatile String fixedText;

    private Template(String name, Mode mode, List<Part> parts) {
        this.name = name;
        this.mode = mode;
        this.parts = List.copyOf(parts);
        this.fixed = this.parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** A JSON template given inline; {@code name} appears in error messages. */
    public static Template json(String name, String text) {
        return new Template(name, Mode.JSON, TemplateParser.parse(name, text));
    }

    /** A plain-text template given inline. */
    public static Template text(String name, String text) {
        return new Template(name, Mode.TEXT, TemplateParser.parse(name, text));
    }

    /** A template from a file: JSON when the file name ends in {@code .json}, else text. */
    public static Template load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(file.toString(), 1, 1, "cannot read the template: " + e.getMessage());
        }
        return file.toString().endsWith(".json") ? json(file.toString(), text) : text(file.toString(), text);
    }

    public String name() {
        return name;
    }

    public Mode mode() {
        return mode;
    }

    /** Renders the template as text. */
    public String render(TemplateContext context) {
        String known = fixedText;
        if (known != null) {
            // No expression: the same text as last time, already checked (a stub answers with it per request).
            return known;
        }
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else {
                Expression e = (Expression) p;
                out.append(write(e, evaluate(e, context)));
            }
        }
        String text = out.toString();
        if (mode == Mode.JSON) {
            try {
                MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                throw new TemplateException(name, 1, 1, "the rendered text is not valid JSON (at rendered line "
                        + (at == null ? 0 : at.getLineNr()) + ", column " + (at == null ? 0 : at.getColumnNr()) + ": "
                        + e.getOriginalMessage() + "); are quotes missing around a string expression? Rendered: "
                        + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
            }
        }
        if (fixed) {
            fixedText = text;
        }
        return text;
    }

    /** Renders the template as UTF-8 bytes. */
    public byte[] renderBytes(TemplateContext context) {
        return render(context).getBytes(StandardCharsets.UTF_8);
    }

    /** Renders a JSON template and encodes it as Avro binary with {@code codec} (plain JSON view in, Avro out). */
    public byte[] renderAvro(TemplateContext context, AvroCodec codec) {
        if (mode != Mode.JSON) {
            throw new TemplateException(name, 1, 1, "only JSON templates can be encoded as Avro");
        }
        try {
            return codec.encodeJson(render(context));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(name, 1, 1, "the rendered value does not fit the Avro schema: " + e.getMessage());
        }
    }

    private JsonNode evaluate(Expression e, TemplateContext ctx) {
        switch (e.kind()) {
            case "path" -> {
                Message m = request(e, ctx);
                JsonNode json;
                try {
                    json = m.payloadJson();
                } catch (RuntimeException ex) {
                    throw fail(e, "the request's payload is not JSON, so " + e.source() + " has nothing to read ("
                            + Payloads.preview(m.payload(), 60) + ")");
                }
                List<JsonNode> found = JsonPathExpression.compile(e.args().get(0)).readAll(json);
                if (found.isEmpty()) {
                    throw fail(e, e.args().get(0) + " is not in the request payload at " + m.position());
                }
                return found.size() == 1 ? found.get(0) : MAPPER.valueToTree(found);
            }
            case "key" -> {
                Message m = request(e, ctx);
                return text(m.keyText().orElseThrow(() -> fail(e, "the request at " + m.position() + " has no key")));
            }
            case "header" -> {
                Message m = request(e, ctx);
                return text(m.headers().lastAsString(e.args().get(0)).orElseThrow(() -> fail(e, "the request at "
                        + m.position() + " has no header " + e.args().get(0))));
            }
            case "correlationId", "messageId" -> {
                Message m = request(e, ctx);
                var jms = m.jms().orElseThrow(() -> fail(e, e.kind() + " is a JMS field, but the request is on " + m.destination()));
                String v = e.kind().equals("messageId") ? jms.messageId() : jms.correlationId();
                if (v == null) {
                    throw fail(e, "the request at " + m.position() + " has no " + e.kind());
                }
                return text(v);
            }
            case "destination" -> {
                return text(request(e, ctx).destination().toString());
            }
            case "uuid" -> {
                return text(ctx.randomUuid().toString());
            }
            case "now" -> {
                Instant now = Instant.now(ctx.clock());
                return text(e.args().isEmpty() ? now.toString()
                        : DateTimeFormatter.ofPattern(e.args().get(0)).withZone(ZoneOffset.UTC).format(now));
            }
            case "sequence" -> {
                return MAPPER.getNodeFactory().numberNode(ctx.nextSequence(e.args().isEmpty() ? "" : e.args().get(0)));
            }
            case "random" -> {
                return MAPPER.getNodeFactory().numberNode(ctx.randomBetween(Long.parseLong(e.args().get(0)), Long.parseLong(e.args().get(1))));
            }
            default -> throw fail(e, "unknown expression");
        }
    }

    private Message request(Expression e, TemplateContext ctx) {
        return ctx.request().orElseThrow(() -> fail(e, e.source() + " reads the request, but the template was rendered without one"));
    }

    private static JsonNode text(String s) {
        return MAPPER.getNodeFactory().textNode(s);
    }

    private String write(Expression e, JsonNode value) {
        if (mode == Mode.TEXT) {
            return value.isTextual() ? value.asText() : value.toString();
        }
        if (value.isTextual()) {
            return new String(JsonStringEncoder.getInstance().quoteAsString(value.asText()));
        }
        return value.toString();
    }

    private TemplateException fail(Expression e, String message) {
        return new TemplateException(name, e.line(), e.column(), message + " in {{ " + e.source() + " }}");
    }

    sealed interface Part permits Literal, Expression {
    }

    record Literal(String text) implements Part {
        Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    record Expression(String kind, List<String> args, String source, int line, int column) implements Part {
        Expression {
            args = List.copyOf(args);
        }
    }
}
