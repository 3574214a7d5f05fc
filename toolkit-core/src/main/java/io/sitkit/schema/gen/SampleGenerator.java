package io.sitkit.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.json.JsonSchemaValidator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates valid sample payloads from a schema, for injecting test messages: an Avro
 * {@link GenericRecord} (every type, unions, enums, arrays, maps, fixed, decimals, dates,
 * timestamps, uuids) or a JSON document that honours its JSON Schema's types, required properties,
 * enums, bounds, lengths, simple patterns and formats. Fields named like {@code email},
 * {@code currency}, {@code country}, {@code name}, {@code orderId} or {@code createdAt} get
 * realistic values. The same seed always gives the same sample; single fields can be fixed by path.
 *
 * <pre>{@code
 * SampleGenerator samples = SampleGenerator.seeded(42)
 *         .withOverride("$.customer.email", "ann@example.com")
 *         .withOverride("$.items[*].qty", 2);
 * GenericRecord order = samples.avroRecord(orderPlacedSchema);
 * JsonNode payment = samples.withSeed(7).json(JsonSchemas.fromResource("schemas/payment.json"));
 * }</pre>
 *
 * <p>Overrides take plain values: for Avro a {@code String} for an enum, a {@code BigDecimal} for a
 * decimal, an {@code Instant} for a timestamp, a {@code LocalDate} for a date, a {@code UUID} for a
 * uuid; for JSON anything Jackson can turn into a tree. An override that matches no generated field,
 * or an Avro value that does not fit, fails with the path named. Patterns beyond the simple
 * (look-arounds, back-references) fall back to a fixed string, which may not match.
 *
 * <p>Thread-safety: immutable; every {@code with…} returns a new generator, and each call draws
 * from its own random source, so one generator can be shared between threads.
 */
public final class SampleGenerator {
    private final long seed;
    private final Map<String, Object> overrides;

    private SampleGenerator(long seed, Map<String, Object> overrides) {
        this.seed = seed;
        this.overrides = overrides;
    }

    /** A generator without overrides. */
    public static SampleGenerator seeded(long seed) {
        return new SampleGenerator(seed, Map.of());
    }

    /** The same overrides with another seed. */
    public SampleGenerator withSeed(long seed) {
        return new SampleGenerator(seed, overrides);
    }

    /**
     * Fixes the value at a path: {@code $.customer.email}; {@code $.items[0].qty} for one element,
     * {@code $.items[*].qty} for every element; the value may be null (for a nullable field).
     *
     * @throws IllegalArgumentException when the path does not start with {@code $}
     */
    public SampleGenerator withOverride(String path, Object value) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("override path must start with '$', was '" + path + "'");
        }
        Map<String, Object> copy = new LinkedHashMap<>(overrides);
        copy.put(path, value);
        return new SampleGenerator(seed, Collections.unmodifiableMap(copy));
    }

    public long seed() {
        return seed;
    }

    /** The overrides by path, in the order they were given. */
    public Map<String, Object> overrides() {
        return overrides;
    }

    /**
     * A record for an Avro record schema.
     *
     * @throws IllegalArgumentException when the schema is not a record, an override matches no field or does not fit
     */
    public GenericRecord avroRecord(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("avroRecord needs a record schema, was " + schema.getType()
                    + "; use avroValue for other types");
        }
        return (GenericRecord) avroValue(schema);
    }

    /** A value of any Avro schema, in the generic representation. @throws IllegalArgumentException as {@link #avroRecord} */
    public Object avroValue(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        Overrides used = new Overrides(overrides);
        Object value = new AvroSampler(new SplittableRandom(seed), used).value(schema, "$", null, 0);
        used.requireAllUsed("Avro " + schema.getFullName());
        return value;
    }

    /** A JSON document valid against a loaded schema (its referenced files included). */
    public JsonNode json(JsonSchemaValidator schema) {
        Objects.requireNonNull(schema, "schema");
        return json(schema.document(), schema.source());
    }

    /**
     * A JSON document valid against a schema document whose {@code $ref}s point inside it.
     *
     * @throws IllegalArgumentException when an override matches no field, or the schema admits no finite value
     */
    public JsonNode json(JsonNode schemaDocument) {
        Objects.requireNonNull(schemaDocument, "schemaDocument");
        return json(schemaDocument, "the JSON Schema");
    }

    private JsonNode json(JsonNode document, String what) {
        Overrides used = new Overrides(overrides);
        JsonNode value = new JsonSampler(document, new SplittableRandom(seed), used).value(document, "$", null, 0);
        used.requireAllUsed(what);
        return value;
    }

    @Override
    public String toString() {
        return "SampleGenerator[seed=" + seed + ", overrides=" + overrides + "]";
    }
}
