package io.sitkit.stub.internal;

import io.sitkit.core.internal.Suggestions;
import io.sitkit.core.Destination;
import io.sitkit.correlate.KeySource;
import io.sitkit.fault.FaultPlan;
import io.sitkit.match.MessageMatcher;
import io.sitkit.stub.InterceptorSpec;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.StubSet;
import io.sitkit.stub.StubSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stub file (the format is in the README, "Stubs from YAML") into a {@link StubSet}:
 * everything is checked and every template parsed and reply file read before anything exists
 * that could start. Errors are {@link io.sitkit.stub.StubFileException}s at the line and column of
 * the key or value at fault.
 *
 * <pre>{@code
 * StubSet set = StubFileReader.read(text, "payments.yaml", Path.of("stubs"));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class StubFileReader {
    static final List<String> TOP = List.of("stubs", "interceptors");
    static final List<String> STUB = List.of("name", "listen", "replyTo", "alwaysReplyTo", "correlateBy", "copyHeaders",
            "statePer", "kafkaHeaders", "seed", "verifyTimeout", "faults", "rules");
    static final List<String> RULE = List.of("name", "when", "inState", "thenState", "reply", "replies");
    static final List<String> INTERCEPTOR = List.of("name", "from", "to", "seed", "faults");
    /** The words of {@link KeySource#FORMS}: key, header, correlationId… */
    static final List<String> STATE_KEYS = KeySource.FORMS.stream().map(f -> f.split(":", 2)[0]).toList();
    static final List<String> CORRELATE_BY = List.of("message-id", "correlation-id");

    private StubFileReader() {
    }

    /**
     * @param baseDir where {@code file:} names of replies are resolved
     * @throws io.sitkit.stub.StubFileException naming the file, line, column and what was expected
     */
    public static StubSet read(String text, String source, Path baseDir) {
        YamlNode root = YamlNode.parse(text, source);
        if (root == null) {
            throw new io.sitkit.stub.StubFileException(source, 0, 0,
                    "the file is empty; expected a mapping with stubs and/or interceptors", null);
        }
        Map<String, YamlNode> top = root.members("a mapping with stubs and/or interceptors", TOP, "key", true);
        if (top.isEmpty()) {
            throw root.error("expected stubs and/or interceptors, found neither");
        }
        List<StubSpec> stubs = new ArrayList<>();
        Map<String, String> stubNames = new HashMap<>();
        if (top.containsKey("stubs")) {
            for (YamlNode s : top.get("stubs").list("a list of stubs", false)) {
                StubSpec spec = stub(s, baseDir);
                String other = stubNames.putIfAbsent(spec.name(), s.path());
                if (other != null) {
                    throw s.error("the stub name '" + spec.name() + "' is taken by " + other + "; give each stub its own name");
                }
                stubs.add(spec);
            }
        }
        List<InterceptorSpec> interceptors = new ArrayList<>();
        Map<String, String> relayNames = new HashMap<>();
        if (top.containsKey("interceptors")) {
            for (YamlNode i : top.get("interceptors").list("a list of interceptors", false)) {
                InterceptorSpec spec = interceptor(i);
                String other = relayNames.putIfAbsent(spec.name(), i.path());
                if (other != null) {
                    throw i.error("the interceptor name '" + spec.name() + "' is taken by " + other + "; give each its own name");
                }
                interceptors.add(spec);
            }
        }
        return StubSet.of(source, stubs, interceptors);
    }

    private static StubSpec stub(YamlNode node, Path baseDir) {
        Map<String, YamlNode> m = node.members("a stub: a mapping with listen and rules", STUB);
        if (!m.containsKey("listen")) {
            throw node.error("missing 'listen': the destination the stub takes requests from, e.g. jms:queue:payment.requests");
        }
        StubSpec spec = StubSpec.on(m.get("listen").destination());
        if (m.containsKey("name")) {
            spec = spec.named(m.get("name").nonEmptyText("a name"));
        }
        if (m.containsKey("replyTo") && m.containsKey("alwaysReplyTo")) {
            throw m.get("alwaysReplyTo").error("use replyTo (when the request names no reply address) or alwaysReplyTo"
                    + " (whatever the request says), not both");
        }
        if (m.containsKey("replyTo")) {
            spec = spec.replyTo(m.get("replyTo").destination().toString());
        }
        if (m.containsKey("alwaysReplyTo")) {
            spec = spec.alwaysReplyTo(m.get("alwaysReplyTo").destination().toString());
        }
        if (m.containsKey("correlateBy")) {
            spec = spec.correlateBy(correlateBy(m.get("correlateBy")));
        }
        if (m.containsKey("copyHeaders")) {
            List<String> names = new ArrayList<>();
            for (YamlNode h : m.get("copyHeaders").list("a list of header names", true)) {
                names.add(h.nonEmptyText("a header name"));
            }
            spec = spec.copyHeaders(names.toArray(String[]::new));
        }
        if (m.containsKey("statePer")) {
            spec = spec.statePer(statePer(m.get("statePer")));
        }
        if (m.containsKey("kafkaHeaders")) {
            Map<String, YamlNode> k = m.get("kafkaHeaders").members("a mapping with replyTopic and/or correlationId",
                    List.of("replyTopic", "correlationId"));
            spec = spec.kafkaHeaders(
                    k.containsKey("replyTopic") ? k.get("replyTopic").nonEmptyText("a header name") : StubSpec.KAFKA_REPLY_TOPIC,
                    k.containsKey("correlationId") ? k.get("correlationId").nonEmptyText("a header name") : StubSpec.KAFKA_CORRELATION_ID);
        }
        if (m.containsKey("verifyTimeout")) {
            spec = spec.verifyTimeout(m.get("verifyTimeout").duration());
        }
        long seed = m.containsKey("seed") ? m.get("seed").integer("a whole number") : 0;
        FaultPlan faults = m.containsKey("faults") ? FaultReader.read(m.get("faults")) : FaultPlan.none();
        spec = spec.faults(faults, seed);
        if (!m.containsKey("rules")) {
            throw node.error("missing 'rules': what the stub answers, e.g. rules: [{reply: {json: '{\"ok\": true}'}}]");
        }
        List<YamlNode> rules = m.get("rules").list("a list of rules", false);
        if (rules.isEmpty()) {
            throw m.get("rules").error("a stub needs at least one rule, e.g. {reply: {json: '{\"ok\": true}'}}");
        }
        for (YamlNode r : rules) {
            spec = spec.rule(rule(r, baseDir));
        }
        return spec;
    }

    private static Rule rule(YamlNode node, Path baseDir) {
        Map<String, YamlNode> m = node.members("a rule: a mapping with when (optional) and reply or replies", RULE);
        MessageMatcher when = m.containsKey("when") ? ConditionReader.read(m.get("when")) : null;
        Rule rule = when == null ? Rule.always() : Rule.when(when);
        if (m.containsKey("reply") == m.containsKey("replies")) {
            throw node.error(m.containsKey("reply") ? "use reply (one answer) or replies (a sequence), not both"
                    : "missing 'reply' (or 'replies' for a sequence): what the rule answers, e.g. reply: {json: '{\"ok\": true}'}"
                    + " or reply: none");
        }
        List<Reply> replies = new ArrayList<>();
        if (m.containsKey("reply")) {
            replies.add(ReplyReader.read(m.get("reply"), baseDir));
        } else {
            for (YamlNode r : m.get("replies").list("a list of replies", false)) {
                replies.add(ReplyReader.read(r, baseDir));
            }
            if (replies.isEmpty()) {
                throw m.get("replies").error("a sequence needs at least one reply");
            }
        }
        rule = rule.reply(replies.get(0), replies.subList(1, replies.size()).toArray(Reply[]::new));
        if (m.containsKey("inState")) {
            rule = rule.inState(m.get("inState").nonEmptyText("a state name"));
        }
        if (m.containsKey("thenState")) {
            rule = rule.thenState(m.get("thenState").nonEmptyText("a state name"));
        }
        if (m.containsKey("name")) {
            rule = rule.named(m.get("name").nonEmptyText("a name"));
        }
        return rule;
    }

    private static InterceptorSpec interceptor(YamlNode node) {
        Map<String, YamlNode> m = node.members("an interceptor: a mapping with from, to and faults", INTERCEPTOR);
        for (String required : List.of("from", "to")) {
            if (!m.containsKey(required)) {
                throw node.error("missing '" + required + "': the destination the relay "
                        + (required.equals("from") ? "takes messages from" : "forwards them to") + ", e.g. kafka:orders");
            }
        }
        Destination from = m.get("from").destination();
        Destination to = m.get("to").destination();
        if (from.equals(to)) {
            throw m.get("to").error("an interceptor relays between two different destinations, but from and to are both " + to);
        }
        String name = m.containsKey("name") ? m.get("name").nonEmptyText("a name") : "relay " + from + " -> " + to;
        long seed = m.containsKey("seed") ? m.get("seed").integer("a whole number") : 0;
        FaultPlan faults = m.containsKey("faults") ? FaultReader.read(m.get("faults")) : FaultPlan.none();
        return new InterceptorSpec(name, from, to, faults, seed);
    }

    private static StubSpec.CorrelateBy correlateBy(YamlNode node) {
        String word = node.text("message-id or correlation-id");
        if (!CORRELATE_BY.contains(word)) {
            throw node.error("unknown correlateBy '" + word + "'" + Suggestions.didYouMean(word, CORRELATE_BY)
                    + "; use message-id (the JMS convention) or correlation-id");
        }
        return word.equals("message-id") ? StubSpec.CorrelateBy.MESSAGE_ID : StubSpec.CorrelateBy.CORRELATION_ID;
    }

    /** A scalar in {@link KeySource#parse}'s form ({@code key}, {@code header:x-order}…), or {@code {header: x-order}}, {@code {jsonPath: $.orderId}}. */
    private static KeySource statePer(YamlNode node) {
        String expected = String.join(", ", KeySource.FORMS) + ", {header: <name>} or {jsonPath: <path>}";
        if (node.isScalar()) {
            return keySource(node, node.text(expected));
        }
        Map<String, YamlNode> m = node.members(expected, List.of("jsonPath", "header"));
        if (m.size() != 1) {
            throw node.error("expected one of jsonPath or header, found " + (m.isEmpty() ? "neither" : "both"));
        }
        Map.Entry<String, YamlNode> e = m.entrySet().iterator().next();
        String argument = e.getValue().nonEmptyText(e.getKey().equals("header") ? "a header name" : "a JSON path such as $.orderId");
        return keySource(e.getValue(), e.getKey() + ":" + argument);
    }

    /** {@code text} read by {@link KeySource#parse}; a mistake is reported at {@code node}, with the likely word. */
    private static KeySource keySource(YamlNode node, String text) {
        try {
            return KeySource.parse(text);
        } catch (IllegalArgumentException e) {
            String word = text.split(":", 2)[0].strip();
            String near = Suggestions.nearest(word, STATE_KEYS);
            throw node.error(e.getMessage() + (near == null || near.equalsIgnoreCase(word) ? "" : "; did you mean '" + near + "'?"), e);
        }
    }
}
