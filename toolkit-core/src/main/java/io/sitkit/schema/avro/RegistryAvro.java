package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Message;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaException;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import org.apache.avro.Schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Avro with a schema registry: decodes Confluent-framed values (and plain values whose schema id
 * is in a header), finding the writer's schema by id, and frames values it encodes.
 *
 * <pre>{@code
 * RegistryAvro avro = RegistryAvro.using(registryClient);
 * AvroValue v = avro.decodePayload(message);          // frame or id header, whichever is there
 * byte[] framed = avro.encode(id, schema, record);
 * PayloadDecoder forMatchers = avro.payloads();
 * }</pre>
 *
 * <p>Parsed schemas are cached by id (registry ids never change meaning).
 *
 * <p>Thread-safety: immutable configuration over a concurrent cache; safe for concurrent use.
 */
public final class RegistryAvro {
    private final SchemaLookup lookup;
    private final Optional<Schema> reader;
    private final List<SchemaIdHeader> valueHeaders;
    private final List<SchemaIdHeader> keyHeaders;
    private final ConcurrentMap<Integer, Schema> schemas;

    private RegistryAvro(SchemaLookup lookup, Optional<Schema> reader, List<SchemaIdHeader> valueHeaders,
                         List<SchemaIdHeader> keyHeaders, ConcurrentMap<Integer, Schema> schemas) {
        AvroLimits.apply();
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.reader = reader;
        this.valueHeaders = List.copyOf(valueHeaders);
        this.keyHeaders = List.copyOf(keyHeaders);
        this.schemas = schemas;
    }

    /** Looks schemas up with {@code lookup}; ids in Apicurio's headers are recognised too. */
    public static RegistryAvro using(SchemaLookup lookup) {
        return new RegistryAvro(lookup, Optional.empty(), List.of(SchemaIdHeader.apicurioValue()),
                List.of(SchemaIdHeader.apicurioKey()), new ConcurrentHashMap<>());
    }

    /** Decodes into {@code readerSchema}, as a consumer compiled against it would see the data. */
    public RegistryAvro readingAs(Schema readerSchema) {
        return new RegistryAvro(lookup, Optional.of(readerSchema), valueHeaders, keyHeaders, schemas);
    }

    /** Also recognises payload schema ids in {@code header} (tried in order after Apicurio's). */
    public RegistryAvro withValueIdHeader(SchemaIdHeader header) {
        List<SchemaIdHeader> all = new java.util.ArrayList<>(valueHeaders);
        all.add(header);
        return new RegistryAvro(lookup, reader, all, keyHeaders, schemas);
    }

    /**
     * The writer's schema for {@code id}, parsed once.
     *
     * @throws DecodeException when the registry does not know the id, holds no Avro schema under it
     *                         or one that does not parse
     */
    public Schema schema(int id, String where) {
        return schemaOr(id, where, null);
    }

    private Schema schemaOr(int id, String where, byte[] bytes) {
        Schema cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema found;
        try {
            found = lookup.schemaById(id);
        } catch (RuntimeException e) {
            throw new DecodeException("Avro value with schema id " + id, where, bytes,
                    "schema id " + id + " could not be looked up: " + e.getMessage(), e);
        }
        if (found == null) {
            throw new DecodeException("Avro value with schema id " + id, where, bytes, "unknown schema id " + id);
        }
        if (found.format() != SchemaFormat.AVRO) {
            throw new DecodeException("Avro value with schema id " + id, where, bytes,
                    "schema id " + id + " is " + found.format() + ", not Avro");
        }
        Schema parsed;
        try {
            parsed = AvroSchemas.parseOne("registry id " + id, found.text());
        } catch (SchemaException e) {
            throw new DecodeException("Avro value with schema id " + id, where, bytes,
                    "the registry's schema for id " + id + " is not a valid Avro schema: " + e.getMessage(), e);
        }
        Schema raced = schemas.putIfAbsent(id, parsed);
        return raced == null ? parsed : raced;
    }

    /**
     * Decodes a Confluent-framed value.
     *
     * @throws DecodeException naming {@code where} on a bad frame, unknown id or bad body
     */
    public AvroValue decode(byte[] framed, String where) {
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.parse(framed, where);
        Schema writer = schemaOr(frame.schemaId(), where, framed);
        AvroCodec codec = codec(writer);
        return new AvroValue(frame.schemaId(), codec.readerSchema(),
                codec.decode(framed, frame.bodyOffset(), frame.bodyLength(), where));
    }

    /** Decodes a message's payload: framed, or plain with the id in a recognised header. */
    public AvroValue decodePayload(Message message) {
        return decode(message.payload(), message, valueHeaders, "payload");
    }

    /** Decodes a Kafka message's key, framed or with the id in a recognised key header. */
    public AvroValue decodeKey(Message message) {
        return decode(message.key(), message, keyHeaders, "key");
    }

    private AvroValue decode(byte[] bytes, Message message, List<SchemaIdHeader> headers, String part) {
        String where = message.position() + (part.equals("key") ? " (key)" : "");
        for (SchemaIdHeader h : headers) {
            OptionalInt id = h.read(message.headers(), where);
            if (id.isPresent()) {
                Schema writer = schemaOr(id.getAsInt(), where, bytes);
                AvroCodec codec = codec(writer);
                int length = bytes == null ? 0 : bytes.length;
                return new AvroValue(id.getAsInt(), codec.readerSchema(), codec.decode(bytes, 0, length, where));
            }
        }
        if (bytes != null && bytes.length > 0 && bytes[0] != ConfluentWireFormat.MAGIC) {
            throw new DecodeException("Avro " + part, where, bytes, String.format("magic byte is 0x%02x, expected 0x00,"
                    + " and no schema id header (%s) is present: not registry-encoded Avro", bytes[0],
                    String.join(", ", headers.stream().map(SchemaIdHeader::name).toList())));
        }
        return decode(bytes, where);
    }

    private AvroCodec codec(Schema writer) {
        AvroCodec codec = AvroCodec.of(writer);
        return reader.map(codec::readingAs).orElse(codec);
    }

    /** Encodes {@code datum} with {@code schema} and frames it with {@code schemaId}. */
    public byte[] encode(int schemaId, Schema schema, Object datum) {
        return ConfluentWireFormat.frame(schemaId, AvroCodec.of(schema).encode(datum));
    }

    /**
     * Decodes a Confluent-framed value into its plain JSON view.
     *
     * @throws DecodeException naming {@code where} on a bad frame, unknown id or bad body, or when a
     *                         logical-type value has no view (see {@link AvroJson#view})
     */
    public JsonNode decodeToJson(byte[] framed, String where) {
        return view(decode(framed, where), framed, where);
    }

    private static JsonNode view(AvroValue value, byte[] bytes, String where) {
        try {
            return value.json();
        } catch (IllegalArgumentException e) {
            throw new DecodeException("Avro value with schema id " + value.schemaId(), where, bytes, e.getMessage(), e);
        }
    }

    /** A {@link PayloadDecoder} over message payloads. */
    public PayloadDecoder payloads() {
        return new PayloadDecoder() {
            @Override
            public JsonNode decode(Message message) {
                return RegistryAvro.view(decodePayload(message), message.payload(), message.position());
            }

            @Override
            public String describe() {
                return "Avro via schema registry";
            }
        };
    }

    /** A {@link PayloadDecoder} over Kafka message keys. */
    public PayloadDecoder keys() {
        return new PayloadDecoder() {
            @Override
            public JsonNode decode(Message message) {
                return RegistryAvro.view(decodeKey(message), message.key(), message.position() + " (key)");
            }

            @Override
            public String describe() {
                return "Avro key via schema registry";
            }
        };
    }
}
