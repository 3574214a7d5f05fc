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
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class ReplyReader {
    static final List<String> KEYS = List.of("json", "text", "file", "key", "headers", "to", "after");
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
        return reply;
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

    private static Template file(YamlNode node, Path baseDir) {
        String name = node.nonEmptyText("a file name relative to the stub file");
        Path file;
        try {
            file = baseDir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw node.error("'" + name + "' is not a file name: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw node.error("the reply file '" + name + "' does not exist (looked for " + file + ")");
        }
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
