package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.diff.JsonDiff;
import io.sitkit.schema.SchemaDiff;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The schema-aware diff of two messages through the core: field by field over their decoded
 * payloads — labelled with the Avro type when both were read with one schema
 * ({@link SchemaDiff}), volatile fields (uuids, timestamps) skipped on request — plus their keys
 * and headers.
 *
 * <pre>{@code
 * MessageDiff.Result r = MessageDiff.of(List.of("$.placedAt"), true).compare(left, right);
 * r.lines();   // [$.total (double): expected 42.5 but was 40.0, header eventType: …]
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param ignored        paths or patterns to skip ({@code $.eventId}, {@code $..traceId})
 * @param ignoreVolatile whether fields the schema marks volatile are skipped
 */
public record MessageDiff(List<String> ignored, boolean ignoreVolatile) {
    public MessageDiff {
        ignored = ignored.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        JsonDiff.strict().ignoring(ignored.toArray(String[]::new)); // refuses a bad pattern now, naming it
    }

    public static MessageDiff of(List<String> ignored, boolean ignoreVolatile) {
        return new MessageDiff(ignored, ignoreVolatile);
    }

    /**
     * The outcome.
     *
     * @param lines    one line per difference, payload fields first
     * @param compared how the payloads were compared ("Avro io.sitkit.demo.OrderPlaced", "JSON", "text")
     */
    public record Result(List<String> lines, String compared) {
        public Result {
            lines = List.copyOf(lines);
        }

        public boolean same() {
            return lines.isEmpty();
        }
    }

    /** Compares {@code left} (expected) with {@code right} (actual). */
    public Result compare(MessageRow left, MessageRow right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        List<String> lines = new ArrayList<>();
        String compared;
        JsonNode a = left.decoded().tree();
        JsonNode b = right.decoded().tree();
        if (a != null && b != null) {
            Optional<Schema> schema = left.decoded().schema().filter(s -> right.decoded().schema().map(s::equals).orElse(false));
            if (schema.isPresent()) {
                SchemaDiff diff = SchemaDiff.avro(schema.get()).ignoring(ignored.toArray(String[]::new));
                if (ignoreVolatile) {
                    diff = diff.ignoringVolatileFields();
                }
                diff.compare(a, b).forEach(d -> lines.add(d.describe()));
                compared = "Avro " + schema.get().getFullName();
            } else {
                JsonDiff.strict().ignoring(ignored.toArray(String[]::new)).compare(a, b).forEach(d -> lines.add(d.describe()));
                compared = "JSON";
            }
        } else {
            compared = "text";
            if (!left.decoded().text().equals(right.decoded().text())) {
                lines.add("payload: expected " + quote(left.decoded().text()) + " but was " + quote(right.decoded().text()));
            }
        }
        Message l = left.message();
        Message r = right.message();
        String lk = l.key() == null ? null : Payloads.preview(l.key(), 80);
        String rk = r.key() == null ? null : Payloads.preview(r.key(), 80);
        if (!Objects.equals(lk, rk)) {
            lines.add("key: expected " + (lk == null ? "none" : "'" + lk + "'") + " but was " + (rk == null ? "none" : "'" + rk + "'"));
        }
        Set<String> names = new LinkedHashSet<>();
        l.headers().forEach(h -> names.add(h.name()));
        r.headers().forEach(h -> names.add(h.name()));
        for (String name : names) {
            if (ignored.contains("header:" + name)) {
                continue;
            }
            Optional<String> lv = l.headers().last(name).map(MessageDiff::value);
            Optional<String> rv = r.headers().last(name).map(MessageDiff::value);
            if (!lv.equals(rv)) {
                lines.add("header " + name + ": " + (lv.isEmpty() ? "missing on the left" : "expected '" + lv.get() + "'")
                        + (rv.isEmpty() ? ", missing on the right" : " but was '" + rv.get() + "'"));
            }
        }
        return new Result(lines, compared);
    }

    private static String value(Header h) {
        return Payloads.preview(h.value(), 80);
    }

    private static String quote(String s) {
        String one = s.replace('\n', ' ');
        return "'" + (one.length() > 80 ? one.substring(0, 79) + "…" : one) + "'";
    }
}
