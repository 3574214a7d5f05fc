package io.sitkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;
import io.sitkit.diff.JsonDiff;
import io.sitkit.match.JsonPathExpression;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.FieldType;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.SchemaField;
import io.sitkit.schema.SchemaFields;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumer-driven checks: a producer's new schema, or the messages it actually sent, against what
 * every consumer of the channel reads.
 *
 * <pre>{@code
 * List<Breakage> broken = ConsumerCheck.schema(contract, newSchema, "producer v2");
 * // ["producer v2 renamed `total` → `amount`; consumer `billing` reads `$.total` — breaks billing"]
 * List<Breakage> seen = ConsumerCheck.message(contract, message, PayloadDecoder.json());
 * }</pre>
 *
 * <p>Adding a field no consumer reads is safe, unless a consumer's own schema forbids unknown
 * fields there ({@code additionalProperties: false}) — then it is reported.
 *
 * <p>Thread-safety: stateless.
 */
public final class ConsumerCheck {
    private ConsumerCheck() {
    }

    /**
     * Checks {@code candidate} (the producer's new payload schema) against every consumer of
     * {@code contract}; the contract's current payload schema, when it has one, tells renames
     * from removals.
     *
     * @param producer how to name the producer in the sentences, e.g. "producer v2"
     */
    public static List<Breakage> schema(Contract contract, ContractSchema candidate, String producer) {
        Map<String, SchemaField> now = SchemaFields.of(candidate.format(), candidate.text());
        Map<String, SchemaField> before = contract.payload()
                .map(s -> SchemaFields.of(s.format(), s.text())).orElse(Map.of());
        List<Breakage> out = new ArrayList<>();
        for (ConsumerExpectation c : contract.consumers()) {
            for (FieldRead read : c.reads()) {
                String path = SchemaFields.normalize(read.path());
                SchemaField field = now.get(path);
                if (field == null) {
                    out.add(new Breakage(c.consumer(), read.path(), missing(producer, read, path, before, now, c.consumer())));
                } else if (!read.type().accepts(field.type())) {
                    SchemaField old = before.get(path);
                    out.add(new Breakage(c.consumer(), read.path(), producer
                            + (old != null && old.type() != field.type() ? " changed `" + read.path() + "` from " + old.declared()
                            + " to " + field.declared() : " declares `" + read.path() + "` as " + field.declared())
                            + "; consumer `" + c.consumer() + "` reads it as " + read.type() + " — breaks " + c.consumer()));
                }
            }
            c.schema().ifPresent(own -> closedObjects(c, own, now, producer, out));
        }
        return out;
    }

    private static String missing(String producer, FieldRead read, String path, Map<String, SchemaField> before,
                                  Map<String, SchemaField> now, String consumer) {
        String tail = "; consumer `" + consumer + "` reads `" + read.path() + "` — breaks " + consumer;
        // the outermost field on the way that the producer no longer has: `total` for `$.total.amount`
        String gone = path;
        for (String p = SchemaFields.parentOf(path); !p.equals("$") && !now.containsKey(p); p = SchemaFields.parentOf(p)) {
            gone = p;
        }
        SchemaField old = before.get(gone);
        if (old == null) {
            return producer + " has no field `" + read.path() + "`" + tail;
        }
        for (SchemaField added : now.values()) {
            if (!before.containsKey(added.path()) && added.parent().equals(old.parent()) && added.type() == old.type()
                    && (old.type() != FieldType.OBJECT || added.declared().equals(old.declared()))) {
                return producer + " renamed `" + old.name() + "` → `" + added.name() + "`" + tail;
            }
        }
        return producer + " removed `" + gone + "`" + tail;
    }

    private static void closedObjects(ConsumerExpectation c, ContractSchema own, Map<String, SchemaField> producer,
                                      String name, List<Breakage> out) {
        Map<String, SchemaField> reader = SchemaFields.of(own.format(), own.text());
        for (SchemaField object : reader.values()) {
            if (!object.closed()) {
                continue;
            }
            for (SchemaField field : producer.values()) {
                if (field.parent().equals(object.path()) && !field.path().endsWith("[*]") && !reader.containsKey(field.path())) {
                    out.add(new Breakage(c.consumer(), field.path(), name + " adds `" + field.path() + "`; consumer `"
                            + c.consumer() + "` forbids unknown fields at `" + object.path()
                            + "` (additionalProperties: false) — breaks " + c.consumer()));
                }
            }
        }
    }

    /**
     * Checks one captured message against every consumer of {@code contract}: each field a
     * consumer reads must be there with the type it expects, and no object a consumer closed may
     * carry fields it does not know.
     */
    public static List<Breakage> message(Contract contract, Message message, PayloadDecoder decoder) {
        JsonNode view;
        try {
            view = decoder.decode(message);
        } catch (DecodeException e) {
            List<Breakage> out = new ArrayList<>();
            for (ConsumerExpectation c : contract.consumers()) {
                out.add(new Breakage(c.consumer(), "$", "message " + message.position() + " cannot be decoded ("
                        + e.getMessage() + ") — breaks " + c.consumer()));
            }
            return out;
        }
        List<Breakage> out = new ArrayList<>();
        for (ConsumerExpectation c : contract.consumers()) {
            for (FieldRead read : c.reads()) {
                List<JsonNode> found = JsonPathExpression.compile(read.path()).readAll(view);
                if (found.isEmpty() || found.stream().allMatch(JsonNode::isNull) && read.type() != FieldType.ANY) {
                    out.add(new Breakage(c.consumer(), read.path(), "message " + message.position() + " has no `" + read.path()
                            + "`" + hint(view, read.path()) + "; consumer `" + c.consumer() + "` reads it — breaks " + c.consumer()));
                    continue;
                }
                for (JsonNode value : found) {
                    Optional<FieldType> actual = FieldType.of(value);
                    if (actual.isPresent() && !read.type().accepts(actual.get())) {
                        out.add(new Breakage(c.consumer(), read.path(), "message " + message.position() + " has `" + read.path()
                                + "` as " + actual.get() + " " + JsonDiff.render(value, 40) + "; consumer `" + c.consumer()
                                + "` reads it as " + read.type() + " — breaks " + c.consumer()));
                        break;
                    }
                }
            }
            c.schema().ifPresent(own -> unknownInMessage(c, own, view, message, out));
        }
        return out;
    }

    private static String hint(JsonNode view, String path) {
        String normal = SchemaFields.normalize(path);
        String parentPath = normal.lastIndexOf('.') > 0 ? normal.substring(0, normal.lastIndexOf('.')) : "$";
        if (parentPath.contains("*")) {
            return "";
        }
        Optional<JsonNode> parent = parentPath.equals("$") ? Optional.of(view) : JsonDiff.at(view, parentPath);
        if (parent.isEmpty() || !parent.get().isObject()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        parent.get().fieldNames().forEachRemaining(names::add);
        String wanted = normal.substring(normal.lastIndexOf('.') + 1);
        return JsonDiff.namingHint(wanted, names)
                .map(h -> " (" + h.substring(h.indexOf("; ") + 2) + ")").orElse("");
    }

    private static void unknownInMessage(ConsumerExpectation c, ContractSchema own, JsonNode view, Message message,
                                         List<Breakage> out) {
        Map<String, SchemaField> reader = SchemaFields.of(own.format(), own.text());
        for (SchemaField object : reader.values()) {
            if (!object.closed() || object.path().contains("*")) {
                continue;
            }
            Optional<JsonNode> node = object.path().equals("$") ? Optional.of(view) : JsonDiff.at(view, object.path());
            if (node.isEmpty() || !node.get().isObject()) {
                continue;
            }
            Iterator<String> names = node.get().fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                String p = object.path() + "." + n;
                if (!reader.containsKey(p)) {
                    out.add(new Breakage(c.consumer(), p, "message " + message.position() + " carries `" + p
                            + "`, unknown to consumer `" + c.consumer() + "`, whose schema forbids unknown fields at `"
                            + object.path() + "` (additionalProperties: false) — breaks " + c.consumer()));
                }
            }
        }
    }
}
