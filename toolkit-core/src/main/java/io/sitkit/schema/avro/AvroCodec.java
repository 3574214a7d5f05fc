package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.DecodeException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.InvalidNumberEncodingException;
import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes and decodes values of one Avro schema: Avro binary, Avro's JSON encoding, and the plain
 * JSON view ({@link AvroJson}). With a reader schema, data written with the writer schema is
 * resolved into the reader's shape, as a consumer on an older or newer version would see it.
 *
 * <pre>{@code
 * AvroCodec codec = AvroCodec.of(schemas.get("io.sitkit.orders.OrderPlaced"));
 * byte[] bytes = codec.encodeJson("{\"orderId\":\"o-1\",\"total\":42.5}");
 * GenericRecord back = (GenericRecord) codec.decode(bytes);
 * JsonNode view = codec.decodeToJson(bytes, "kafka:orders[0]@7");
 * }</pre>
 *
 * <p>Decoding is strict: truncated input, a corrupt length prefix (bounded by {@link AvroLimits}),
 * a bad union or enum index, and bytes left over after the value (a sign of the wrong schema) all
 * fail with a {@link DecodeException}; decoding never returns a silently wrong value it can detect.
 *
 * <p>Thread-safety: immutable and safe for concurrent use.
 */
public final class AvroCodec {
    /** How Avro starts the message of a negative length, block size or count. */
    private static final String MALFORMED = "Malformed data.";
    private final Schema writer;
    private final Schema reader;

    private AvroCodec(Schema writer, Schema reader) {
        AvroLimits.apply();
        this.writer = Objects.requireNonNull(writer, "writer schema");
        this.reader = Objects.requireNonNull(reader, "reader schema");
    }

    /** A codec that writes and reads with {@code schema}. */
    public static AvroCodec of(Schema schema) {
        return new AvroCodec(schema, schema);
    }

    /** The same writer schema, decoded into {@code readerSchema} by Avro's schema resolution. */
    public AvroCodec readingAs(Schema readerSchema) {
        return new AvroCodec(writer, readerSchema);
    }

    /** The schema bytes are written with. */
    public Schema schema() {
        return writer;
    }

    /** The schema decoded values have. */
    public Schema readerSchema() {
        return reader;
    }

    /**
     * Avro binary of {@code datum}.
     *
     * @throws IllegalArgumentException naming the schema and the field when the value does not fit
     */
    public byte[] encode(Object datum) {
        if (!GenericData.get().validate(writer, datum)) {
            throw new IllegalArgumentException("value does not fit " + name(writer) + ": " + firstMismatch(datum));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(writer).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("value does not fit " + name(writer) + ": " + e, e);
        }
        return out.toByteArray();
    }

    /** Avro binary of the value a plain JSON view describes (see {@link AvroJson#datum}). */
    public byte[] encodeJson(JsonNode plainJson) {
        return encode(AvroJson.datum(writer, plainJson));
    }

    /** Avro binary of the value plain JSON text describes. */
    public byte[] encodeJson(String plainJson) {
        try {
            return encodeJson(io.sitkit.schema.avro.Json.MAPPER.readTree(plainJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Decodes Avro binary; see {@link #decode(byte[], int, int, String)}. */
    public Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes == null ? 0 : bytes.length, "");
    }

    /**
     * Decodes {@code length} bytes of Avro binary starting at {@code offset}.
     *
     * @param where where the bytes came from, for the error message ("" when unknown)
     * @throws DecodeException naming {@code where} and showing the first bytes
     */
    public Object decode(byte[] bytes, int offset, int length, String where) {
        if (bytes == null) {
            throw new DecodeException(what(), where, null, "no bytes (null payload or tombstone)");
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
        Object value;
        try {
            value = new GenericDatumReader<>(writer, reader).read(null, decoder);
        } catch (EOFException e) {
            throw new DecodeException(what(), where, bytes, "truncated: the value needs more than the " + length + " bytes given", e);
        } catch (SystemLimitException | UnsupportedOperationException e) {
            throw new DecodeException(what(), where, bytes, "corrupt length prefix: " + e.getMessage(), e);
        } catch (InvalidNumberEncodingException e) {
            throw new DecodeException(what(), where, bytes, "corrupt number: a variable-length int or long runs on"
                    + " past its last possible byte", e);
        } catch (AvroRuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            throw new DecodeException(what(), where, bytes, reason.startsWith(MALFORMED)
                    ? "corrupt length or count prefix: " + reason.substring(MALFORMED.length()).strip()
                    : "not a value of this schema: " + reason, e);
        } catch (IOException | IndexOutOfBoundsException | NegativeArraySizeException
                 | ClassCastException | IllegalArgumentException e) {
            throw new DecodeException(what(), where, bytes, "not a value of this schema: "
                    + Objects.requireNonNullElse(e.getMessage(), "unreadable"), e);
        }
        try {
            if (!decoder.isEnd()) {
                int left = decoder.inputStream().available();
                throw new DecodeException(what(), where, bytes, left + " bytes left over after the value: written with a different schema?");
            }
        } catch (IOException e) {
            throw new DecodeException(what(), where, bytes, "unreadable input (" + e + ")", e);
        }
        return value;
    }

    /**
     * Decodes Avro binary into its plain JSON view.
     *
     * @throws DecodeException naming {@code where} when the bytes are no value of the schema, or a
     *                         logical-type value has no view (see {@link AvroJson#view})
     */
    public JsonNode decodeToJson(byte[] bytes, String where) {
        return decodeToJson(bytes, 0, bytes == null ? 0 : bytes.length, where);
    }

    /** Decodes {@code length} bytes from {@code offset} into the plain JSON view; see {@link #decodeToJson(byte[], String)}. */
    public JsonNode decodeToJson(byte[] bytes, int offset, int length, String where) {
        Object value = decode(bytes, offset, length, where);
        try {
            return AvroJson.view(reader, value);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(what(), where, bytes, e.getMessage(), e);
        }
    }

    /** Avro's own JSON encoding of {@code datum} (unions wrapped as {@code {"type": value}}). */
    public String toAvroJson(Object datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(writer, out);
            new GenericDatumWriter<>(writer).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("value does not fit " + name(writer) + ": " + e, e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads Avro's own JSON encoding.
     *
     * @throws DecodeException when the text is not that encoding of this schema
     */
    public Object fromAvroJson(String avroJson) {
        try {
            return new GenericDatumReader<>(writer, reader).read(null, DecoderFactory.get().jsonDecoder(writer, avroJson));
        } catch (IOException | AvroRuntimeException e) {
            throw new DecodeException("Avro JSON of " + name(writer), "", avroJson.getBytes(StandardCharsets.UTF_8),
                    String.valueOf(e.getMessage()), e);
        }
    }

    private String what() {
        return "Avro value of " + name(writer) + (reader == writer ? "" : " read as " + name(reader));
    }

    static String name(Schema s) {
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getFullName();
            default -> s.getType().getName();
        };
    }

    private String firstMismatch(Object datum) {
        if (writer.getType() != Schema.Type.RECORD || !(datum instanceof org.apache.avro.generic.IndexedRecord r)
                || !r.getSchema().getFullName().equals(writer.getFullName())) {
            return "expected " + name(writer) + ", got " + (datum == null ? "null" : datum.getClass().getSimpleName());
        }
        for (Schema.Field f : writer.getFields()) {
            Object v = r.get(f.pos());
            if (!GenericData.get().validate(f.schema(), v)) {
                return "field " + f.name() + " (" + f.schema() + ") cannot hold " + (v == null ? "null" : "'" + v + "'");
            }
        }
        return "a nested value does not fit";
    }
}
