package io.sitkit.schema.avro;

import io.sitkit.schema.DecodeException;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: one magic byte {@code 0}, the schema's registry id as a 4-byte
 * big-endian integer, then the Avro binary value. Used for keys and values alike.
 *
 * <pre>{@code
 * byte[] framed = ConfluentWireFormat.frame(7, codec.encode(record));
 * ConfluentWireFormat.Frame f = ConfluentWireFormat.parse(framed, "kafka:orders[0]@12");
 * f.schemaId();  // 7
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ConfluentWireFormat {
    /** The first byte of every framed value. */
    public static final byte MAGIC = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /**
     * A parsed frame: the schema id and where the Avro body sits in the original bytes.
     *
     * @param schemaId   the registry id
     * @param bytes      the whole framed value (not copied)
     * @param bodyOffset where the Avro body starts
     */
    public record Frame(int schemaId, byte[] bytes, int bodyOffset) {
        /** Length of the Avro body. */
        public int bodyLength() {
            return bytes.length - bodyOffset;
        }
    }

    /** Frames an Avro body with {@code schemaId}. */
    public static byte[] frame(int schemaId, byte[] avroBody) {
        if (schemaId < 0) {
            throw new IllegalArgumentException("schema id must be >= 0, was " + schemaId);
        }
        return ByteBuffer.allocate(HEADER_LENGTH + avroBody.length).put(MAGIC).putInt(schemaId).put(avroBody).array();
    }

    /** Whether {@code bytes} start like a frame (magic byte and room for an id). */
    public static boolean looksFramed(byte[] bytes) {
        return bytes != null && bytes.length >= HEADER_LENGTH && bytes[0] == MAGIC;
    }

    /**
     * Reads the frame header.
     *
     * @param where where the bytes came from, for the error message
     * @throws DecodeException on null, too-short input or a wrong magic byte
     */
    public static Frame parse(byte[] bytes, String where) {
        String what = "Confluent-framed value";
        if (bytes == null) {
            throw new DecodeException(what, where, null, "no bytes (null payload or tombstone)");
        }
        if (bytes.length == 0) {
            throw new DecodeException(what, where, bytes, "empty; a frame needs a magic byte and a 4-byte schema id");
        }
        if (bytes[0] != MAGIC) {
            throw new DecodeException(what, where, bytes, String.format(
                    "magic byte is 0x%02x, expected 0x00: not in the Confluent wire format (plain Avro, JSON or text?)", bytes[0]));
        }
        if (bytes.length < HEADER_LENGTH) {
            throw new DecodeException(what, where, bytes, "truncated frame: " + bytes.length
                    + " bytes, but magic byte and schema id need 5");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        if (id < 0) {
            throw new DecodeException(what, where, bytes, "schema id " + Integer.toUnsignedString(id)
                    + " is out of range: not a frame written by a registry-aware producer");
        }
        return new Frame(id, bytes, HEADER_LENGTH);
    }
}
