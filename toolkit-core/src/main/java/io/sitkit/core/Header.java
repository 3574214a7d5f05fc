package io.sitkit.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message header: a name, a byte value (may be {@code null}, as Kafka allows) and the JMS
 * property type it carries ({@link PropertyType#BYTES} for plain Kafka headers).
 *
 * <pre>{@code
 * Header trace = Header.of("traceparent", "00-4bf9...-01");
 * Header retries = Header.typed("retries", 3);   // an INT JMS property
 * }</pre>
 *
 * <p>Thread-safety: immutable; the value array is copied in and out.
 *
 * @param name  the header name, never empty
 * @param value the raw bytes, or {@code null}
 * @param type  the JMS property type, or {@link PropertyType#BYTES} for an untyped header
 */
public record Header(String name, byte[] value, PropertyType type) {

    public Header {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        Objects.requireNonNull(type, "type");
        value = value == null ? null : value.clone();
    }

    /** An untyped header with raw bytes. */
    public static Header of(String name, byte[] value) {
        return new Header(name, value, PropertyType.BYTES);
    }

    /** An untyped header holding UTF-8 text. */
    public static Header of(String name, String value) {
        return new Header(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8), PropertyType.BYTES);
    }

    /** A typed header from a JMS property value ({@code String}, {@code Integer}, {@code Boolean}…). */
    public static Header typed(String name, Object value) {
        return new Header(name, PropertyType.encode(value), PropertyType.of(value));
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** The value as text: UTF-8 when it decodes cleanly, otherwise {@code 0x}-prefixed hex; null stays null. */
    public String valueAsString() {
        return value == null ? null : Payloads.toText(value);
    }

    /** The value as the JMS property object its type says ({@code Integer} for INT…). */
    public Object typedValue() {
        return value == null ? null : type.decode(value);
    }

    /** The value without a copy, for the package's own read-only use. */
    byte[] rawValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && name.equals(h.name) && type == h.type && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        String shown = value == null ? "null" : Payloads.preview(value, 80);
        return type == PropertyType.BYTES ? name + "=" + shown : name + "=" + shown + " (" + type + ")";
    }
}
