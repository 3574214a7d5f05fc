package io.sitkit.fx.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.sitkit.core.BodyType;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroValue;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.avro.SchemaIdHeader;
import org.apache.avro.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes payloads for people: Confluent Avro via the connection's schema lookup, Avro with a chosen
 * schema, JSON (pretty), UTF-8 text, or hex — chosen automatically or forced per destination. Bad
 * input never throws: an undecodable payload falls back to text or hex with the reason kept, and a
 * large payload (a 10 MiB message) is shown as a truncated preview of {@link #TEXT_LIMIT} characters.
 *
 * <pre>{@code
 * PayloadDecoding decoding = PayloadDecoding.using(connection.schemas());
 * DecodedPayload p = decoding.decode(message, DecoderChoice.AUTO);   // Avro · io.sitkit.demo.OrderPlaced · schema id 1
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use (the registry cache is concurrent).
 */
public final class PayloadDecoding {
    /** Characters of text shown at most. */
    public static final int TEXT_LIMIT = 256 * 1024;
    /** Payloads larger than this are not parsed as JSON for pretty printing; their text is previewed. */
    public static final int PARSE_LIMIT = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made once: a writer is immutable and thread-safe, while {@code JSON.copy()} per payload built a whole new mapper. */
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();
    private static final SchemaIdHeader APICURIO = SchemaIdHeader.apicurioValue();

    private final Optional<SchemaLookup> lookup;
    private final Optional<RegistryAvro> registry;
    private final Optional<Schema> chosen;

    private PayloadDecoding(Optional<SchemaLookup> lookup, Optional<Schema> chosen) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.registry = lookup.map(RegistryAvro::using);
        this.chosen = Objects.requireNonNull(chosen, "chosen");
    }

    /**
     * The schema of a plain Avro schema file: the first one an {@code .avsc} defines (the core's
     * {@link io.sitkit.schema.avro.AvroSchemas}; a bad file fails naming file, line and column).
     */
    public static Schema avroSchemaFile(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no Avro schema file at " + file);
        }
        return io.sitkit.schema.avro.AvroSchemas.load(file).bySource().values().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " defines no Avro schema"));
    }

    /** Decoding with schemas found by id through {@code lookup} (registry or demo schemas), if any. */
    public static PayloadDecoding using(Optional<SchemaLookup> lookup) {
        return new PayloadDecoding(lookup, Optional.empty());
    }

    /** The same, reading plain Avro with {@code schema} when {@link DecoderChoice#AVRO_SCHEMA} is chosen. */
    public PayloadDecoding withChosenSchema(Schema schema) {
        return new PayloadDecoding(lookup, Optional.of(schema));
    }

    public Optional<SchemaLookup> lookup() {
        return lookup;
    }

    /** Decodes {@code message}'s payload as {@code choice} says; never throws on bad bytes. */
    public DecodedPayload decode(Message message, DecoderChoice choice) {
        byte[] bytes = message.payload();
        if (bytes == null || bytes.length == 0) {
            return new DecodedPayload(DecodedPayload.Format.EMPTY, bytes == null ? "(no payload: "
                    + (message.destination().isKafka() ? "a tombstone" : "a body-less message") + ")" : "(empty payload)",
                    null, "", false, bytes == null ? -1 : 0, Optional.empty(), -1);
        }
        List<String> reasons = new ArrayList<>();
        if (message.bodyType() == BodyType.OBJECT) {
            String cls = message.jms().map(j -> j.objectClassName()).orElse(null);
            reasons.add("a JMS ObjectMessage" + (cls == null ? "" : " of " + cls) + ", shown as bytes and never deserialized");
            return hex(bytes, reasons);
        }
        switch (choice) {
            case HEX -> {
                return hex(bytes, List.of());
            }
            case TEXT -> {
                return text(bytes, reasons).orElseGet(() -> hex(bytes, List.of("not UTF-8 text")));
            }
            case JSON -> {
                return json(bytes, reasons).orElseGet(() -> fallback(bytes, reasons));
            }
            case AVRO_REGISTRY -> {
                return registryAvro(message, bytes, reasons, true).orElseGet(() -> fallback(bytes, reasons));
            }
            case AVRO_SCHEMA -> {
                return chosenAvro(message, bytes, reasons).orElseGet(() -> fallback(bytes, reasons));
            }
            default -> {
                return registryAvro(message, bytes, reasons, false)
                        .or(() -> json(bytes, reasons))
                        .or(() -> text(bytes, reasons))
                        .orElseGet(() -> hex(bytes, reasons));
            }
        }
    }

    private Optional<DecodedPayload> registryAvro(Message message, byte[] bytes, List<String> reasons, boolean forced) {
        boolean framed = ConfluentWireFormat.looksFramed(bytes);
        boolean idHeader = message.headers().contains(APICURIO.name());
        if (!forced && !framed && !idHeader) {
            return Optional.empty();
        }
        if (registry.isEmpty()) {
            reasons.add(framed ? "looks like Confluent-framed Avro (schema id " + frameId(bytes)
                    + "), but this connection has no schema registry (set sitkit.schema-registry.url on the profile)"
                    : "not decoded as Avro: this connection has no schema registry");
            return Optional.empty();
        }
        try {
            AvroValue v = registry.get().decodePayload(message);
            return Optional.of(avro(v.json(), bytes.length, v.schema(), v.schemaId()));
        } catch (DecodeException e) {
            reasons.add(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<DecodedPayload> chosenAvro(Message message, byte[] bytes, List<String> reasons) {
        if (chosen.isEmpty()) {
            reasons.add("no Avro schema was chosen for this destination");
            return Optional.empty();
        }
        try {
            JsonNode tree = AvroCodec.of(chosen.get()).decodeToJson(bytes, message.position());
            return Optional.of(avro(tree, bytes.length, chosen.get(), -1));
        } catch (DecodeException e) {
            reasons.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static int frameId(byte[] bytes) {
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    private static DecodedPayload avro(JsonNode tree, int size, Schema schema, int id) {
        String text = pretty(tree);
        boolean cut = text.length() > TEXT_LIMIT;
        return new DecodedPayload(DecodedPayload.Format.AVRO, cut ? text.substring(0, TEXT_LIMIT) : text, tree, "", cut, size,
                Optional.of(schema), id);
    }

    private static Optional<DecodedPayload> json(byte[] bytes, List<String> reasons) {
        int first = 0;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first == bytes.length || "{[\"".indexOf(bytes[first]) < 0 && !Character.isDigit(bytes[first]) && bytes[first] != '-') {
            return Optional.empty();
        }
        if (bytes.length > PARSE_LIMIT) {
            reasons.add(String.format("%,d bytes: too large to pretty-print, shown as text", bytes.length));
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !(tree.isContainerNode())) {
                return Optional.empty();
            }
            String text = pretty(tree);
            boolean cut = text.length() > TEXT_LIMIT;
            return Optional.of(new DecodedPayload(DecodedPayload.Format.JSON, cut ? text.substring(0, TEXT_LIMIT) : text, tree,
                    "", cut, bytes.length, Optional.empty(), -1));
        } catch (IOException e) {
            reasons.add("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<DecodedPayload> text(byte[] bytes, List<String> reasons) {
        byte[] head = bytes.length > TEXT_LIMIT * 4 ? Arrays.copyOf(bytes, TEXT_LIMIT * 4) : bytes;
        Optional<String> decoded = Payloads.utf8(head);
        for (int cut = 1; decoded.isEmpty() && head.length < bytes.length && cut <= 3; cut++) {
            decoded = Payloads.utf8(Arrays.copyOf(bytes, head.length - cut));
        }
        if (decoded.isEmpty() || !printable(decoded.get())) {
            reasons.add(decoded.isEmpty() ? "not UTF-8 text" : "contains control characters");
            return Optional.empty();
        }
        String text = decoded.get();
        boolean cut = text.length() > TEXT_LIMIT || head.length < bytes.length;
        return Optional.of(new DecodedPayload(DecodedPayload.Format.TEXT, text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text,
                null, String.join("; ", reasons), cut, bytes.length, Optional.empty(), -1));
    }

    private static DecodedPayload fallback(byte[] bytes, List<String> reasons) {
        return text(bytes, reasons).orElseGet(() -> hex(bytes, reasons));
    }

    private static DecodedPayload hex(byte[] bytes, List<String> reasons) {
        return new DecodedPayload(DecodedPayload.Format.HEX, HexDump.of(bytes), null, String.join("; ", reasons),
                bytes.length > HexDump.LIMIT, bytes.length, Optional.empty(), -1);
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Pretty JSON with two-space indents. */
    public static String pretty(JsonNode tree) {
        try {
            return PRETTY.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return tree.toString();
        }
    }

    /** A one-line preview of a decoded payload for the table (at most {@code max} characters). */
    public static String preview(Message message, DecodedPayload p, int max) {
        String one = p.tree() != null ? p.tree().toString() : p.format() == DecodedPayload.Format.HEX
                ? Payloads.preview(message.payload(), max) : p.text().replace('\n', ' ').replace('\r', ' ');
        return one.length() > max ? one.substring(0, max - 1) + "…" : one;
    }
}
