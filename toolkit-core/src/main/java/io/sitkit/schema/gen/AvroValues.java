package io.sitkit.schema.gen;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Turns an override's plain Java value into Avro's generic representation: {@code String} to an
 * enum symbol, {@code BigDecimal} to decimal bytes, {@code Instant} to epoch millis or micros,
 * {@code LocalDate} to epoch days, {@code UUID} to its text, {@code byte[]} to bytes or fixed; and
 * checks the result fits the schema.
 *
 * <p>Thread-safety: stateless.
 */
final class AvroValues {
    private AvroValues() {
    }

    /** @throws IllegalArgumentException naming the path, the value and the Avro type when it does not fit */
    static Object convert(Schema schema, Object value, String path) {
        Object converted = value;
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                Object candidate = tryConvert(branch, value);
                if (GenericData.get().validate(branch, candidate)) {
                    return candidate;
                }
            }
        } else {
            converted = tryConvert(schema, value);
            if (GenericData.get().validate(schema, converted)) {
                return converted;
            }
        }
        throw new IllegalArgumentException("override " + path + ": " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")") + " does not fit Avro type "
                + schema.toString(false));
    }

    private static Object tryConvert(Schema schema, Object value) {
        LogicalType logical = schema.getLogicalType();
        try {
            switch (schema.getType()) {
                case ENUM:
                    return value instanceof CharSequence || value instanceof Enum<?>
                            ? new GenericData.EnumSymbol(schema, value.toString()) : value;
                case STRING:
                    return value instanceof CharSequence || value instanceof UUID ? value.toString() : value;
                case INT:
                    if (value instanceof LocalDate date) {
                        return (int) date.toEpochDay();
                    }
                    if (value instanceof LocalTime time) {
                        return (int) (time.toNanoOfDay() / 1_000_000L);
                    }
                    return value instanceof Number n && n.longValue() == n.doubleValue()
                            && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE ? n.intValue() : value;
                case LONG:
                    if (value instanceof Instant instant) {
                        return logical instanceof LogicalTypes.TimestampMicros
                                || logical instanceof LogicalTypes.LocalTimestampMicros
                                ? instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000 : instant.toEpochMilli();
                    }
                    return value instanceof Number n && n.longValue() == n.doubleValue() ? n.longValue() : value;
                case FLOAT:
                    return value instanceof Number n ? n.floatValue() : value;
                case DOUBLE:
                    return value instanceof Number n ? n.doubleValue() : value;
                case BYTES:
                    if (value instanceof BigDecimal d && logical instanceof LogicalTypes.Decimal dec) {
                        return ByteBuffer.wrap(decimalBytes(d, dec, -1));
                    }
                    return value instanceof byte[] b ? ByteBuffer.wrap(b) : value;
                case FIXED:
                    if (value instanceof BigDecimal d && logical instanceof LogicalTypes.Decimal dec) {
                        return new GenericData.Fixed(schema, decimalBytes(d, dec, schema.getFixedSize()));
                    }
                    return value instanceof byte[] b && b.length == schema.getFixedSize() ? new GenericData.Fixed(schema, b) : value;
                default:
                    return value;
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            return value;
        }
    }

    /**
     * The big-endian two's-complement unscaled value, sign-extended to {@code size} bytes for a
     * fixed (size &lt; 0: as short as it can be).
     *
     * @throws ArithmeticException when the value needs rounding or more digits than the precision
     */
    static byte[] decimalBytes(BigDecimal value, LogicalTypes.Decimal decimal, int size) {
        BigDecimal scaled = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() > decimal.getPrecision()) {
            throw new ArithmeticException(value + " has more than " + decimal.getPrecision() + " digits");
        }
        byte[] unscaled = scaled.unscaledValue().toByteArray();
        if (size < 0) {
            return unscaled;
        }
        if (unscaled.length > size) {
            throw new ArithmeticException(value + " does not fit " + size + " bytes");
        }
        byte[] out = new byte[size];
        Arrays.fill(out, 0, size - unscaled.length, (byte) (scaled.signum() < 0 ? 0xff : 0));
        System.arraycopy(unscaled, 0, out, size - unscaled.length, unscaled.length);
        return out;
    }
}
