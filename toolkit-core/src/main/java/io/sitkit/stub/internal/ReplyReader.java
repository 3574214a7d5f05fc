package io.sitkit.stub.internal;

import io.sitkit.stub.Reply;
import io.sitkit.template.Template;
import io.sitkit.template.TemplateException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code reply:} (or one element of {@code replies:}) into a {@link Reply}. Its body is
 * one of {@code json} (text, or a YAML mapping or list written out as JSON), {@code text} or
 * {@code file} (relative to the stub file; JSON when it ends in {@code .json}); {@code none} sends
 * nothing. Every template is parsed here, so a template error stops the file from loading.
 *
 * <pre>{@code
 * reply:
 *   json: '{"orderId": "{{ $.orderId }}", "total": {{ $.total }}}'
 *   key: "{{ $.orderId }}"
 *   headers: {payment-status: APPROVED}
 *   to: kafka:payment-results
 *   after: 250ms
 *   avro: {schema: payment-result.avsc, schemaId: 7}   # optional: Avro-encode the JSON (Confluent frame with schemaId)
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class ReplyReader {
    static final List<String> KEYS = List.of("json", "text", "file", "key", "headers", "to", "after", "avro");
    private static final List<String> AVRO_KEYS = List.of("schema", "schemaId");
    private static final List<String> BODIES = List.of("json", "text", "file");

    private ReplyReader() {
    }

    static Reply read(YamlNode node, Path baseDir) {
        if (node.isScalar()) {
            String word = node.text("");
            if (word.equals("none")) {
                return Reply.none();
            }
            throw node.error("expected none or a mapping with json, text or file, was '" + word + "'");
        }
        Map<String, YamlNode> m = node.members("a reply: none, or a mapping with json, text or file", KEYS);
        List<String> bodies = BODIES.stream().filter(m::containsKey).toList();
        if (bodies.size() != 1) {
            throw node.error(bodies.isEmpty() ? "a reply needs a body: json, text or file (or write none for no reply)"
                    : "a reply has one body, but this one has " + String.join(" and ", bodies));
        }
        Reply reply = switch (bodies.get(0)) {
            case "json" -> Reply.template(template(m.get("json"), true));
            case "text" -> Reply.template(template(m.get("text"), false));
            default -> Reply.template(file(m.get("file"), baseDir));
        };
        if (m.containsKey("key")) {
            YamlNode key = m.get("key");
            reply = templated(key, reply, r -> r.withKey(key.text("a key template such as \"{{ $.orderId }}\"")));
        }
        if (m.containsKey("headers")) {
            for (Map.Entry<String, YamlNode> h : m.get("headers").members("a mapping of header names to value templates").entrySet()) {
                reply = templated(h.getValue(), reply, r -> r.withHeader(h.getKey(), h.getValue().text("a header value template")));
            }
        }
        if (m.containsKey("to")) {
            reply = reply.to(m.get("to").destination().toString());
        }
        if (m.containsKey("after")) {
            reply = reply.after(m.get("after").duration());
        }
        if (m.containsKey("avro")) {
            reply = avro(m.get("avro"), reply, baseDir);
        }
        return reply;
    }

    /** {@code avro: {schema: file.avsc}} encodes as plain Avro binary; with {@code schemaId: n}, as a Confluent frame. */
    private static Reply avro(YamlNode node, Reply reply, Path baseDir) {
        Map<String, YamlNode> m = node.members("a mapping with schema (an .avsc file) and optionally schemaId", AVRO_KEYS);
        if (!m.containsKey("schema")) {
            throw node.error("an Avro reply needs schema: the .avsc file its JSON is encoded with");
        }
        YamlNode schemaNode = m.get("schema");
        Path file = existing(schemaNode, baseDir, "schema file");
        io.sitkit.schema.avro.AvroCodec codec;
        try {
            codec = io.sitkit.schema.avro.AvroCodec.of(new org.apache.avro.Schema.Parser().parse(Files.readString(file)));
        } catch (java.io.IOException e) {
            throw schemaNode.error("cannot read the schema file " + file + ": " + e.getMessage(), e);
        } catch (org.apache.avro.SchemaParseException e) {
            throw schemaNode.error("the schema file " + file + " is not a valid Avro schema: " + e.getMessage(), e);
        }
        if (!m.containsKey("schemaId")) {
            return reply.asAvro(codec);
        }
        long id = m.get("schemaId").integer("the schema's registry id, a whole number from 0");
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw m.get("schemaId").error("a registry id is a whole number from 0 to " + Integer.MAX_VALUE + ", was " + id);
        }
        return reply.asConfluentAvro(codec, (int) id);
    }

    private static Template template(YamlNode body, boolean json) {
        String name = body.source() + "#" + body.path();
        String text;
        if (json && (body.isMapping() || body.isList())) {
            text = body.json().toString();
        } else {
            text = body.text(json ? "JSON text, or a mapping or list written as YAML" : "a text template");
        }
        try {
            return json ? Template.json(name, text) : Template.text(name, text);
        } catch (TemplateException e) {
            throw body.error("template error: " + e.getMessage(), e);
        }
    }

    private static Path existing(YamlNode node, Path baseDir, String what) {
        String name = node.nonEmptyText("a file name relative to the stub file");
        Path file;
        try {
            file = baseDir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw node.error("'" + name + "' is not a file name: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw node.error("the " + what + " '" + name + "' does not exist (looked for " + file + ")");
        }
        return file;
    }

    private static Template file(YamlNode node, Path baseDir) {
        Path file = existing(node, baseDir, "reply file");
        try {
            return Template.load(file);
        } catch (TemplateException e) {
            throw node.error("template error: " + e.getMessage(), e);
        }
    }

    private static Reply templated(YamlNode at, Reply reply, java.util.function.UnaryOperator<Reply> change) {
        try {
            return change.apply(reply);
        } catch (TemplateException e) {
            throw at.error("template error: " + e.getMessage(), e);
        }
    }
}
