package io.sitkit.contract.asyncapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.ContractSchema.Encoding;
import io.sitkit.contract.RequiredHeader;
import io.sitkit.schema.SchemaException;
import io.sitkit.schema.SchemaFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a message object into contract terms: payload and key schemas (JSON Schema unless a
 * {@code schemaFormat} says Avro), content type, required headers and example payloads. Traits
 * are applied member by member: in AsyncAPI 2 a trait's member replaces the message's, in
 * AsyncAPI 3 the message's own member wins.
 *
 * <pre>{@code
 * MessageReader messages = new MessageReader(refs, out, true, "application/json");
 * MessageParts parts = messages.read(refs.follow(channel.child("messages").child("orderPlaced")));
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one instance serves one import.
 */
public final class MessageReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Refs refs;
    private final ImportBuilder out;
    private final boolean v3;
    private final String defaultContentType;

    /**
     * @param v3                 true for AsyncAPI 3 (multi-format schemas, message wins over traits)
     * @param defaultContentType the document's {@code defaultContentType}, "" when absent
     */
    public MessageReader(Refs refs, ImportBuilder out, boolean v3, String defaultContentType) {
        this.refs = refs;
        this.out = out;
        this.v3 = v3;
        this.defaultContentType = defaultContentType;
    }

    /** @param message the message object, references already followed */
    public MessageParts read(Location message) {
        Map<String, Location> fields = withTraits(message);
        String contentType = text(fields.get("contentType"));
        Location kafka = kafkaBinding(fields.get("bindings"));
        boolean confluent = kafka != null && "payload".equals(kafka.text("schemaIdLocation"));
        Optional<ContractSchema> payload = Optional.empty();
        Location payloadAt = fields.get("payload");
        if (payloadAt != null) {
            payload = target(payloadAt, text(fields.get("schemaFormat")), "payload")
                    .flatMap(t -> schema(t, confluent, "payload"));
            if (confluent && payload.isPresent() && payload.get().format() == SchemaFormat.JSON_SCHEMA) {
                out.warn(kafka.child("schemaIdLocation"), "schemaIdLocation 'payload' ignored: sitkit reads the "
                        + "Confluent frame for Avro only; the JSON Schema payload is read as plain JSON");
            }
        }
        Optional<ContractSchema> key = Optional.empty();
        Location keyAt = kafka == null ? null : kafka.childIfPresent("key");
        if (keyAt != null) {
            key = target(keyAt, null, "key").flatMap(t -> schema(t, confluent, "key"));
        }
        return new MessageParts(key, payload, contentType != null ? contentType : defaultContentType,
                headers(fields.get("headers")), examples(fields.get("examples")));
    }

    private Map<String, Location> withTraits(Location message) {
        Map<String, Location> own = new LinkedHashMap<>();
        message.fieldNames().forEach(name -> own.put(name, message.child(name)));
        Location traits = own.remove("traits");
        if (traits == null) {
            return own;
        }
        Map<String, Location> fromTraits = new LinkedHashMap<>();
        Location list = refs.follow(traits);
        for (int i = 0; i < list.node().size(); i++) {
            Location trait = refs.follow(list.child(i));
            trait.fieldNames().forEach(name -> fromTraits.put(name, trait.child(name)));
        }
        Map<String, Location> merged = new LinkedHashMap<>(v3 ? fromTraits : own);
        merged.putAll(v3 ? own : fromTraits);
        return merged;
    }

    private Location kafkaBinding(Location bindings) {
        if (bindings == null) {
            return null;
        }
        Location kafka = refs.follow(bindings).childIfPresent("kafka");
        return kafka == null ? null : refs.follow(kafka);
    }

    /** Where the schema text is and in which language, or empty (warned) for a language sitkit does not read. */
    private Optional<Target> target(Location at, String messageSchemaFormat, String what) {
        Location resolved = refs.follow(at);
        String mediaType = messageSchemaFormat;
        Location schema = at;
        if (v3 && resolved.node().isObject() && resolved.node().has("schema")) {
            mediaType = resolved.text("schemaFormat");
            schema = resolved.child("schema");
        }
        if (mediaType == null) {
            boolean avsc = refs.follow(schema).document().name().endsWith(".avsc");
            return Optional.of(new Target(avsc ? SchemaFormat.AVRO : SchemaFormat.JSON_SCHEMA, schema));
        }
        Optional<SchemaFormat> format = SchemaFormats.of(mediaType);
        if (format.isEmpty()) {
            out.warn(at, what + " schema skipped: schema format '" + mediaType
                    + "' is neither JSON Schema nor Avro");
        }
        Location where = schema;
        return format.map(f -> new Target(f, where));
    }

    private Optional<ContractSchema> schema(Target target, boolean confluent, String what) {
        Location source = refs.follow(target.schema());
        boolean avro = target.format() == SchemaFormat.AVRO;
        String text = json(SchemaInliner.inline(refs, target.schema(), !avro));
        if (avro) {
            try {
                new Schema.Parser().parse(text);
            } catch (AvroRuntimeException e) {
                String in = source.equals(target.schema()) ? "" : " (" + source + ")";
                out.warn(target.schema(), what + " schema skipped: not a valid Avro schema" + in + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        Encoding encoding = avro && confluent ? Encoding.CONFLUENT : Encoding.PLAIN;
        return Optional.of(new ContractSchema(target.format(), text, source.toString(), encoding));
    }

    private List<RequiredHeader> headers(Location at) {
        if (at == null) {
            return List.of();
        }
        Optional<Target> target = target(at, null, "headers");
        if (target.isEmpty()) {
            return List.of();
        }
        if (target.get().format() != SchemaFormat.JSON_SCHEMA) {
            out.warn(at, "required headers skipped: the headers schema is not JSON Schema");
            return List.of();
        }
        JsonNode schema = SchemaInliner.inline(refs, target.get().schema(), true);
        List<RequiredHeader> headers = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            JsonNode pattern = schema.path("properties").path(name).path("pattern");
            headers.add(pattern.isTextual() ? header(at, name, pattern.asText()) : RequiredHeader.present(name));
        }
        return headers;
    }

    /**
     * A JSON Schema {@code pattern} is searched for in the value; a {@link RequiredHeader} pattern
     * must match all of it. Patterns anchored at both ends (and without alternatives) are kept as
     * they are; others are wrapped so that they still match anywhere in the value.
     */
    private static RequiredHeader header(Location at, String name, String pattern) {
        boolean anchored = pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")
                && !pattern.contains("|");
        String regex = anchored ? pattern : "(?s).*(?:" + pattern + ").*";
        try {
            return RequiredHeader.matching(name, regex);
        } catch (PatternSyntaxException e) {
            throw new SchemaException(at.document().name(), 0, 0, "header '" + name + "' in the headers schema at "
                    + at.fragment() + " has a pattern that is not a valid regular expression: '" + pattern + "' ("
                    + e.getDescription() + ")", e);
        }
    }

    private List<String> examples(Location at) {
        if (at == null) {
            return List.of();
        }
        Location list = refs.follow(at);
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < list.node().size(); i++) {
            Location example = refs.follow(list.child(i));
            Location payload = example.childIfPresent("payload");
            if (payload != null) {
                examples.add(json(payload.node()));
            }
        }
        return examples;
    }

    private static String text(Location at) {
        return at != null && at.node().isValueNode() && !at.node().isNull() ? at.node().asText() : null;
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Target(SchemaFormat format, Location schema) {
    }
}
