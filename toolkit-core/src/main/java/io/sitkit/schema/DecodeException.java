package io.sitkit.schema;

import io.sitkit.core.SitkitException;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Bytes that could not be decoded: a truncated or unknown frame, a wrong magic byte, an unknown
 * schema id, a corrupt length prefix. The message names where the bytes came from (destination,
 * partition and offset when known) and shows their first bytes in hex, so the culprit can be
 * found in the topic.
 *
 * <pre>{@code
 * try { codec.decode(bytes); }
 * catch (DecodeException e) { log(e.getMessage()); } // "cannot decode ... at orders[0]@42: ..."
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class DecodeException extends SitkitException {
    private static final long serialVersionUID = 1L;
    /** How many leading bytes the message shows. */
    public static final int SHOWN_BYTES = 16;

    private final String where;
    private final String firstBytes;

    /**
     * @param what   what was being decoded, e.g. "Avro value of io.sitkit.orders.OrderPlaced"
     * @param where  where the bytes came from, e.g. "orders[0]@42", or "" when unknown
     * @param bytes  the bytes (only the first {@value #SHOWN_BYTES} are kept), may be null
     * @param reason why decoding failed, in words
     * @param cause  the underlying error, may be null
     */
    public DecodeException(String what, String where, byte[] bytes, String reason, Throwable cause) {
        super(message(what, where, bytes, reason), cause);
        this.where = Objects.requireNonNullElse(where, "");
        this.firstBytes = hex(bytes);
    }

    public DecodeException(String what, String where, byte[] bytes, String reason) {
        this(what, where, bytes, reason, null);
    }

    /** Where the bytes came from, or "" when unknown. */
    public String where() {
        return where;
    }

    /** The first bytes as space-separated hex pairs, with "…" when there were more. */
    public String firstBytesHex() {
        return firstBytes;
    }

    private static String message(String what, String where, byte[] bytes, String reason) {
        StringBuilder sb = new StringBuilder("cannot decode ").append(what);
        if (where != null && !where.isEmpty()) {
            sb.append(" at ").append(where);
        }
        sb.append(": ").append(reason);
        if (bytes != null) {
            sb.append(" (").append(bytes.length).append(bytes.length == 1 ? " byte" : " bytes")
                    .append(", first: ").append(bytes.length == 0 ? "none" : hex(bytes)).append(')');
        }
        return sb.toString();
    }

    /** The first {@value #SHOWN_BYTES} bytes as hex pairs, "…" appended when there were more. */
    public static String hex(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        int n = Math.min(bytes.length, SHOWN_BYTES);
        StringBuilder sb = new StringBuilder(n * 3 + 2);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex.toHexDigits(bytes[i]));
        }
        if (bytes.length > n) {
            sb.append(" …");
        }
        return sb.toString();
    }
}
