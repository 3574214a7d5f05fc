package io.sitkit.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.core.SitkitException;
import io.sitkit.diff.FieldDifference;
import io.sitkit.diff.JsonDiff;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.RegistryAvro;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The messages of one recording as a golden comparison sees them: payloads as JSON (decoded where a
 * decoder or the recording's own schemas say how), volatile values normalized, grouped by
 * destination and pairing key; and the differences between two of them.
 *
 * <p>Thread-safety: confined to one comparison.
 */
final class GoldenMessages {
    /** Decimals as written ({@code 1.20} stays {@code 1.20} in messages; numbers still compare by value). */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();

    /**
     * One message line, prepared.
     *
     * @param entry   the line as read
     * @param view    the message with its payload as JSON text when it was decoded (for pairing rules and display)
     * @param json    the payload as (normalized) JSON, or null when it is not JSON
     * @param text    the payload as (normalized) text when it is not JSON
     * @param group   destination and pairing key
     */
    record Item(CaptureFileReader.Entry entry, Message view, JsonNode json, String text, String group) {
    }

    /** A recording, prepared: its items in file order and its name for messages. */
    record Recording(String name, List<Item> items) {
    }

    private GoldenMessages() {
    }

    static Recording load(Path file, GoldenFlow spec) {
        List<Item> items = new ArrayList<>();
        Map<Integer, RegisteredSchema> schemas = new HashMap<>();
        PayloadDecoder recorded = RegistryAvro.using(id -> {
            RegisteredSchema s = schemas.get(id);
            if (s == null) {
                throw new SitkitException("schema id " + id + " is not in " + file);
            }
            return s;
        }).payloads();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            for (CaptureItem item : reader.items()) {
                if (item instanceof RecordedSchema s) {
                    schemas.put(s.id(), s.registered());
                } else if (item instanceof CaptureFileReader.Entry e && spec.filter.test(e)) {
                    PayloadDecoder decoder = spec.decoders.get(e.message().destination());
                    if (decoder == null && e.schemaId() != null && schemas.containsKey(e.schemaId())
                            && schemas.get(e.schemaId()).format() == SchemaFormat.AVRO) {
                        decoder = recorded;
                    }
                    items.add(prepare(e, decoder, spec));
                }
            }
            return new Recording(reader.name(), items);
        }
    }

    private static Item prepare(CaptureFileReader.Entry e, PayloadDecoder decoder, GoldenFlow spec) {
        Message view = e.message();
        JsonNode json = null;
        if (decoder != null) {
            try {
                json = decoder.decode(view);
                view = decoder.view(view);
            } catch (RuntimeException notDecodable) {
                json = null;
            }
        }
        if (json == null) {
            json = parse(view);
        }
        String text = json != null ? null : Payloads.preview(view.payload(), Integer.MAX_VALUE);
        if (spec.volatileValues) {
            json = VolatileValues.normalize(json);
            text = VolatileValues.normalize(text);
        }
        return new Item(e, view, json, text, view.destination() + " " + pairingKey(view, spec));
    }

    private static JsonNode parse(Message m) {
        byte[] p = m.payload();
        if (p == null || p.length == 0 || (p[0] != '{' && p[0] != '[')) {
            return null;
        }
        try {
            return JSON.readTree(p);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static String pairingKey(Message view, GoldenFlow spec) {
        String key;
        if (spec.pairing != null) {
            key = spec.pairing.keyOf(view).orElse("");
        } else {
            key = view.keyText().orElseGet(() -> view.jms().map(JmsMetadata::correlationId).orElse(""));
        }
        return spec.volatileValues ? VolatileValues.normalize(key) : key;
    }

    /** Every difference between two paired messages, one line each; empty when they match. */
    static List<String> differences(Item expected, Item actual, GoldenFlow spec) {
        List<String> out = new ArrayList<>();
        if (spec.pairing != null) {
            compare(out, "key", norm(expected.view().keyText().orElse(null), spec), norm(actual.view().keyText().orElse(null), spec));
        }
        headers(out, expected.view(), actual.view(), spec);
        JmsMetadata ej = expected.view().jms().orElse(null);
        JmsMetadata aj = actual.view().jms().orElse(null);
        if (ej != null && aj != null) {
            compare(out, "JMSCorrelationID", norm(ej.correlationId(), spec), norm(aj.correlationId(), spec));
            compare(out, "JMSType", ej.type(), aj.type());
        }
        if (expected.json() != null && actual.json() != null) {
            for (FieldDifference d : spec.diff.compare(expected.json(), actual.json())) {
                out.add(d.describe());
            }
        } else if (!Objects.equals(expected.text(), actual.text()) || (expected.json() == null) != (actual.json() == null)) {
            out.add("payload: expected " + shown(expected) + " but was " + shown(actual));
        }
        return out;
    }

    private static String shown(Item i) {
        return Payloads.preview(i.view().payload(), 60) + (i.json() == null ? "" : " (JSON)");
    }

    private static void headers(List<String> out, Message expected, Message actual, GoldenFlow spec) {
        Map<String, List<String>> e = headerValues(expected, spec);
        Map<String, List<String>> a = headerValues(actual, spec);
        for (Map.Entry<String, List<String>> h : e.entrySet()) {
            List<String> other = a.get(h.getKey());
            if (other == null) {
                out.add("header " + h.getKey() + ": missing (expected " + quoted(h.getValue()) + ")");
            } else if (!other.equals(h.getValue())) {
                out.add("header " + h.getKey() + ": expected " + quoted(h.getValue()) + " but was " + quoted(other));
            }
        }
        for (Map.Entry<String, List<String>> h : a.entrySet()) {
            if (!e.containsKey(h.getKey())) {
                out.add("header " + h.getKey() + ": unexpected " + quoted(h.getValue()));
            }
        }
    }

    private static Map<String, List<String>> headerValues(Message m, GoldenFlow spec) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Header h : m.headers()) {
            if (!spec.ignoredHeaders.contains(h.name().toLowerCase(Locale.ROOT))) {
                out.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(norm(Payloads.preview(h.value(), 200), spec));
            }
        }
        return out;
    }

    private static String quoted(List<String> values) {
        List<String> q = values.stream().map(v -> v == null ? "null" : quote(v)).toList();
        return q.size() == 1 ? q.get(0) : q.toString();
    }

    private static void compare(List<String> out, String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(what + ": expected " + (expected == null ? "none" : quote(expected)) + " but was "
                    + (actual == null ? "none" : quote(actual)));
        }
    }

    private static String quote(String s) {
        try {
            String q = JSON.writeValueAsString(s);
            return q.length() > 62 ? q.substring(0, 60) + "…\"" : q;
        } catch (JsonProcessingException e) {
            return "\"" + s + "\"";
        }
    }

    private static String norm(String s, GoldenFlow spec) {
        return spec.volatileValues ? VolatileValues.normalize(s) : s;
    }

    /** The destinations of a recording with their message counts, in first-seen order. */
    static Map<Destination, Integer> counts(List<Item> items) {
        Map<Destination, Integer> out = new java.util.LinkedHashMap<>();
        for (Item i : items) {
            out.merge(i.entry().message().destination(), 1, Integer::sum);
        }
        return out;
    }

    /** {@link JsonDiff} of the spec: the base diff with the ignored paths. */
    static JsonDiff diff(JsonDiff base, List<String> ignored) {
        return ignored.isEmpty() ? base : base.ignoring(ignored.toArray(String[]::new));
    }
}
