package io.sitkit.stub.internal;

import io.sitkit.core.internal.Suggestions;
import io.sitkit.fault.Fault;
import io.sitkit.fault.FaultPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code faults:} into a {@link FaultPlan}. Each fault names its {@code kind}, the kind's
 * parameters, and optionally which messages it hits ({@code everyNth} or {@code probability}); a
 * kind without parameters may be written alone:
 *
 * <pre>{@code
 * faults:
 *   - {kind: delay, duration: 200ms, everyNth: 10}
 *   - {kind: random-delay, min: 10ms, max: 500ms, probability: 0.5}
 *   - drop
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class FaultReader {
    /** Every kind with its parameters, in the order the README lists them. */
    static final Map<String, List<String>> KINDS = kinds();
    private static final List<String> SELECTION = List.of("everyNth", "probability");

    private FaultReader() {
    }

    private static Map<String, List<String>> kinds() {
        var m = new java.util.LinkedHashMap<String, List<String>>();
        m.put("delay", List.of("duration"));
        m.put("random-delay", List.of("min", "max"));
        m.put("spike", List.of("duration"));
        m.put("drop", List.of());
        m.put("duplicate", List.of());
        m.put("reorder", List.of("window"));
        m.put("truncate", List.of("keep"));
        m.put("flip-bytes", List.of("count"));
        m.put("invalid-json", List.of());
        m.put("poison", List.of());
        m.put("wrong-schema-version", List.of("schemaId"));
        m.put("slow-consumer", List.of("perMessage"));
        return java.util.Collections.unmodifiableMap(m);
    }

    static FaultPlan read(YamlNode faults) {
        List<Fault> all = new ArrayList<>();
        for (YamlNode f : faults.list("a list of faults such as [{kind: delay, duration: 200ms}]", true)) {
            all.add(fault(f));
        }
        return new FaultPlan(all);
    }

    private static Fault fault(YamlNode f) {
        if (f.isScalar()) {
            String kind = kind(f);
            if (!KINDS.get(kind).isEmpty()) {
                throw f.error("a " + kind + " fault needs " + String.join(" and ", KINDS.get(kind))
                        + "; write {kind: " + kind + ", " + KINDS.get(kind).get(0) + ": …}");
            }
            return make(kind, Map.of(), f);
        }
        Map<String, YamlNode> members = f.members("a fault such as {kind: delay, duration: 200ms} or the name of one");
        YamlNode kindNode = members.get("kind");
        if (kindNode == null) {
            throw f.error("missing 'kind'; known kinds: " + String.join(", ", KINDS.keySet()));
        }
        String kind = kind(kindNode);
        List<String> known = new ArrayList<>();
        known.add("kind");
        known.addAll(KINDS.get(kind));
        known.addAll(SELECTION);
        members = f.members("a fault", known);
        for (String p : KINDS.get(kind)) {
            if (!members.containsKey(p)) {
                throw f.error("missing '" + p + "' for a " + kind + " fault");
            }
        }
        Fault fault = make(kind, members, f);
        if (members.containsKey("everyNth") && members.containsKey("probability")) {
            throw members.get("probability").error("a fault hits every n-th message or each with a probability, not both");
        }
        try {
            if (members.containsKey("everyNth")) {
                YamlNode n = members.get("everyNth");
                fault = fault.everyNth(toInt(n, n.integer("a whole number >= 1")));
            }
            if (members.containsKey("probability")) {
                fault = fault.withProbability(members.get("probability").number("a probability between 0 and 1").doubleValue());
            }
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage(), e);
        }
        return fault;
    }

    private static String kind(YamlNode node) {
        String kind = node.text("a fault kind");
        if (!KINDS.containsKey(kind)) {
            List<String> known = List.copyOf(KINDS.keySet());
            throw node.error("unknown fault kind '" + kind + "'" + Suggestions.didYouMean(kind, known)
                    + "; known kinds: " + String.join(", ", known));
        }
        return kind;
    }

    private static Fault make(String kind, Map<String, YamlNode> p, YamlNode at) {
        try {
            return switch (kind) {
                case "delay" -> Fault.delay(p.get("duration").duration());
                case "random-delay" -> Fault.randomDelay(p.get("min").duration(), p.get("max").duration());
                case "spike" -> Fault.spike(p.get("duration").duration());
                case "drop" -> Fault.drop();
                case "duplicate" -> Fault.duplicate();
                case "reorder" -> Fault.reorder(count(p.get("window")));
                case "truncate" -> Fault.corruptTruncate(count(p.get("keep")));
                case "flip-bytes" -> Fault.corruptFlipBytes(count(p.get("count")));
                case "invalid-json" -> Fault.corruptInvalidJson();
                case "poison" -> Fault.poison();
                case "wrong-schema-version" -> Fault.wrongSchemaVersion(count(p.get("schemaId")));
                default -> Fault.slowConsumer(p.get("perMessage").duration());
            };
        } catch (IllegalArgumentException e) {
            throw at.error("not a valid " + kind + " fault: " + e.getMessage(), e);
        }
    }

    private static int count(YamlNode n) {
        return toInt(n, n.integer("a whole number"));
    }

    private static int toInt(YamlNode n, long value) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw n.error("expected a whole number between 0 and " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) value;
    }
}
