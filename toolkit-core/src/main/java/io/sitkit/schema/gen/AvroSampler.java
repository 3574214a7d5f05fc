package io.sitkit.schema.gen;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Builds one Avro sample: a value of every type in the generic representation that
 * {@link GenericData#get()} validates and {@code GenericDatumWriter} writes (decimals as bytes or
 * fixed, dates as days, timestamps as epoch longs, uuids as strings).
 *
 * <p>Thread-safety: one instance per sample, used from one thread.
 */
final class AvroSampler {
    /** Past this depth, recursive types stop: unions take their null branch, arrays and maps are empty. */
    static final int SHALLOW_DEPTH = 6;
    private static final List<String> MAP_KEYS = List.of("channel", "campaign", "source", "region", "tier");

    private final SplittableRandom random;
    private final Overrides overrides;

    AvroSampler(SplittableRandom random, Overrides overrides) {
        this.random = random;
        this.overrides = overrides;
    }

    Object value(Schema schema, String path, String field, int depth) {
        Optional<Overrides.Holder> fixed = overrides.at(path);
        if (fixed.isPresent()) {
            return AvroValues.convert(schema, fixed.get().value(), path);
        }
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD: {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field f : schema.getFields()) {
                    record.put(f.pos(), value(f.schema(), Overrides.child(path, f.name()), f.name(), depth + 1));
                }
                return record;
            }
            case ENUM:
                return new GenericData.EnumSymbol(schema, FieldHints.pick(schema.getEnumSymbols(), random));
            case ARRAY: {
                int n = depth > SHALLOW_DEPTH ? 0 : 1 + random.nextInt(3);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(value(schema.getElementType(), path + "[" + i + "]", field, depth + 1));
                }
                return new GenericData.Array<>(schema, items);
            }
            case MAP: {
                int n = depth > SHALLOW_DEPTH ? 0 : 1 + random.nextInt(2);
                Map<String, Object> map = new LinkedHashMap<>();
                int start = random.nextInt(MAP_KEYS.size());
                for (int i = 0; i < n; i++) {
                    String key = MAP_KEYS.get((start + i) % MAP_KEYS.size());
                    map.put(key, value(schema.getValueType(), Overrides.child(path, key), key, depth + 1));
                }
                return map;
            }
            case UNION:
                return value(branch(schema, depth), path, field, depth);
            case FIXED: {
                if (logical instanceof LogicalTypes.Decimal d) {
                    return new GenericData.Fixed(schema, AvroValues.decimalBytes(decimal(d, field), d, schema.getFixedSize()));
                }
                byte[] bytes = new byte[schema.getFixedSize()];
                random.nextBytes(bytes);
                return new GenericData.Fixed(schema, bytes);
            }
            case BYTES: {
                if (logical instanceof LogicalTypes.Decimal d) {
                    return ByteBuffer.wrap(AvroValues.decimalBytes(decimal(d, field), d, -1));
                }
                byte[] bytes = new byte[8];
                random.nextBytes(bytes);
                return ByteBuffer.wrap(bytes);
            }
            case STRING:
                return string(logical, field);
            case INT:
                return integer(logical, field);
            case LONG:
                return longValue(logical, field);
            case FLOAT:
                return (float) number(field);
            case DOUBLE:
                return number(field);
            case BOOLEAN:
                return random.nextBoolean();
            case NULL:
                return null;
            default:
                throw new IllegalArgumentException("cannot generate a value of Avro type " + schema.getType() + " at " + path);
        }
    }

    /** A branch other than null, chosen by the seed; the null branch once the sample is deep. */
    private Schema branch(Schema union, int depth) {
        List<Schema> nonNull = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        boolean hasNull = nonNull.size() < union.getTypes().size();
        if (nonNull.isEmpty() || hasNull && depth > SHALLOW_DEPTH) {
            return Schema.create(Schema.Type.NULL);
        }
        return nonNull.get(random.nextInt(nonNull.size()));
    }

    private String string(LogicalType logical, String field) {
        if (logical != null && logical.getName().equals("uuid")) {
            return FieldHints.uuid(random).toString();
        }
        return FieldHints.text(field, random).orElseGet(() -> "sample-" + (field == null ? "value" : field) + "-"
                + (1 + random.nextInt(999)));
    }

    private int integer(LogicalType logical, String field) {
        if (logical instanceof LogicalTypes.Date) {
            return (int) FieldHints.date(field, random).toEpochDay();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return random.nextInt(86_400_000);
        }
        double[] range = FieldHints.range(field);
        return range == null ? 1 + random.nextInt(1000) : (int) range[0] + random.nextInt((int) (range[1] - range[0]) + 1);
    }

    private long longValue(LogicalType logical, String field) {
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis
                || logical == null && FieldHints.isMoment(field)) {
            return FieldHints.instant(random).toEpochMilli();
        }
        if (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.LocalTimestampMicros) {
            return FieldHints.instant(random).toEpochMilli() * 1000L;
        }
        if (logical instanceof LogicalTypes.TimestampNanos || logical instanceof LogicalTypes.LocalTimestampNanos) {
            return FieldHints.instant(random).toEpochMilli() * 1_000_000L;
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            return random.nextLong(86_400_000_000L);
        }
        return integer(null, field);
    }

    private double number(String field) {
        double[] range = FieldHints.range(field);
        double lo = range == null ? 0 : range[0];
        double hi = range == null ? 1000 : range[1];
        return BigDecimal.valueOf(lo + random.nextDouble() * (hi - lo)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A decimal that fits the precision and scale: money-like for money-like names. */
    private BigDecimal decimal(LogicalTypes.Decimal d, String field) {
        BigInteger limit = BigInteger.TEN.pow(d.getPrecision()).subtract(BigInteger.ONE);
        double[] range = FieldHints.range(field);
        double hi = range == null ? 1000 : range[1];
        BigInteger wanted = BigDecimal.valueOf(1 + random.nextDouble() * (hi - 1)).setScale(d.getScale(), RoundingMode.DOWN)
                .unscaledValue();
        BigInteger unscaled = wanted.compareTo(limit) > 0 ? BigInteger.valueOf(random.nextLong(1, 1 + limit.min(
                BigInteger.valueOf(Long.MAX_VALUE - 1)).longValueExact())) : wanted;
        return new BigDecimal(unscaled, d.getScale());
    }
}
