package io.sitkit.schema.avro;

import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.schema.DecodeException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A header that carries the schema id when the payload is plain Avro binary (no frame), as
 * Apicurio's serdes do by default ({@code apicurio.value.globalId}, an 8-byte big-endian long).
 *
 * <pre>{@code
 * SchemaIdHeader h = SchemaIdHeader.apicurioValue();
 * byte[] value = h.encode(7);                   // header value for id 7
 * OptionalInt id = h.read(message.headers(), message.position());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param name   the header name
 * @param layout how the id is written in the header value
 */
public record SchemaIdHeader(String name, Layout layout) {
    /** How an id is written in a header value. */
    public enum Layout {
        /** 4 bytes, big-endian. */
        INT32,
        /** 8 bytes, big-endian. */
        INT64,
        /** Decimal digits in UTF-8. */
        TEXT
    }

    public SchemaIdHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("schema id header name is blank");
        }
    }

    /** Apicurio's value header: {@code apicurio.value.globalId}, 8 bytes. */
    public static SchemaIdHeader apicurioValue() {
        return new SchemaIdHeader("apicurio.value.globalId", Layout.INT64);
    }

    /** Apicurio's key header: {@code apicurio.key.globalId}, 8 bytes. */
    public static SchemaIdHeader apicurioKey() {
        return new SchemaIdHeader("apicurio.key.globalId", Layout.INT64);
    }

    /** The header value for {@code id}. */
    public byte[] encode(int id) {
        return switch (layout) {
            case INT32 -> ByteBuffer.allocate(4).putInt(id).array();
            case INT64 -> ByteBuffer.allocate(8).putLong(id).array();
            case TEXT -> Integer.toString(id).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The header for {@code id}. */
    public Header header(int id) {
        return Header.of(name, encode(id));
    }

    /**
     * The id in the last header of this name, or empty when absent.
     *
     * @throws DecodeException when the header is there but its value is not an id in this layout
     */
    public OptionalInt read(Headers headers, String where) {
        var h = headers.last(name);
        if (h.isEmpty()) {
            return OptionalInt.empty();
        }
        byte[] v = h.get().value();
        String what = "schema id header " + name;
        long id;
        switch (layout) {
            case INT32 -> {
                check(v != null && v.length == 4, what, where, v, "expected 4 bytes");
                id = ByteBuffer.wrap(v).getInt();
            }
            case INT64 -> {
                check(v != null && v.length == 8, what, where, v, "expected 8 bytes");
                id = ByteBuffer.wrap(v).getLong();
            }
            default -> {
                String text = v == null ? "" : new String(v, StandardCharsets.UTF_8).trim();
                check(text.matches("\\d{1,10}"), what, where, v, "expected decimal digits");
                id = Long.parseLong(text);
            }
        }
        check(id >= 0 && id <= Integer.MAX_VALUE, what, where, v, "id " + id + " is out of range");
        return OptionalInt.of((int) id);
    }

    private static void check(boolean ok, String what, String where, byte[] v, String reason) {
        if (!ok) {
            throw new DecodeException(what, where, v, reason);
        }
    }
}
