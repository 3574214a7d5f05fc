package io.sitkit.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.TestSchemas;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleGeneratorAvroTest {
    private static final Schema EVERY_TYPE = new Schema.Parser().parse("""
            {"type": "record", "name": "EveryType", "namespace": "test", "fields": [
              {"name": "nothing", "type": "null"},
              {"name": "flag", "type": "boolean"},
              {"name": "count", "type": "int"},
              {"name": "big", "type": "long"},
              {"name": "ratio", "type": "float"},
              {"name": "weight", "type": "double"},
              {"name": "blob", "type": "bytes"},
              {"name": "label", "type": "string"},
              {"name": "nested", "type": {"type": "record", "name": "Nested", "fields": [{"name": "x", "type": "int"}]}},
              {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "scores", "type": {"type": "map", "values": "double"}},
              {"name": "maybe", "type": ["null", "string", "int"]},
              {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 16}},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}},
              {"name": "bigPrice", "type": {"type": "fixed", "name": "Money", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 4}},
              {"name": "tinyPrice", "type": {"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 1}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "clock", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "moment", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "momentMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "localMoment", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
              {"name": "ref", "type": {"type": "string", "logicalType": "uuid"}}
            ]}""");

    static Stream<String> domainSchemas() {
        return TestSchemas.DOMAINS.stream().flatMap(d -> IntStream.rangeClosed(1, TestSchemas.VERSIONS).mapToObj(v -> d + "-v" + v));
    }

    private static byte[] encode(Schema schema, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Avro's JSON encoding as a tree, so maps compare whatever their order. */
    private static JsonNode json(Schema schema, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
        new GenericDatumWriter<>(schema).write(value, encoder);
        encoder.flush();
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static void assertValidAndEncodable(Schema schema, Object value) throws IOException {
        assertThat(GenericData.get().validate(schema, value)).as("valid %s", value).isTrue();
        byte[] bytes = encode(schema, value);
        Object decoded = new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(json(schema, decoded)).as("the same after a binary round trip").isEqualTo(json(schema, value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainSchemas")
    void everySampleDomainSchemaGivesRecordsThatValidateAndEncode(String name) throws IOException {
        Schema schema = TestSchemas.avro(name);
        for (long seed = 1; seed <= 5; seed++) {
            assertValidAndEncodable(schema, SampleGenerator.seeded(seed).avroRecord(schema));
        }
    }

    @Test
    void everyTypeAndLogicalTypeGetsAValidValue() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            GenericRecord sample = SampleGenerator.seeded(seed).avroRecord(EVERY_TYPE);

            assertValidAndEncodable(EVERY_TYPE, sample);
            assertThat(UUID.fromString(sample.get("ref").toString()).version()).isEqualTo(4);
            assertThat(LocalDate.ofEpochDay((Integer) sample.get("day"))).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
            assertThat(Instant.ofEpochMilli((Long) sample.get("moment")))
                    .isBetween(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
            assertThat((Long) sample.get("momentMicros") % 1000).isZero();
            assertThat((Integer) sample.get("clock")).isBetween(0, 86_399_999);
            Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
            Schema priceSchema = EVERY_TYPE.getField("price").schema();
            BigDecimal price = decimals.fromBytes((ByteBuffer) sample.get("price"), priceSchema, priceSchema.getLogicalType());
            assertThat(price.scale()).isEqualTo(2);
            assertThat(price.precision()).isLessThanOrEqualTo(6);
            Schema tinySchema = EVERY_TYPE.getField("tinyPrice").schema();
            BigDecimal tiny = decimals.fromBytes((ByteBuffer) sample.get("tinyPrice"), tinySchema, tinySchema.getLogicalType());
            assertThat(tiny.precision()).isLessThanOrEqualTo(2);
            Schema bigSchema = EVERY_TYPE.getField("bigPrice").schema();
            assertThat(decimals.fromFixed((GenericData.Fixed) sample.get("bigPrice"), bigSchema, bigSchema.getLogicalType()).scale())
                    .isEqualTo(4);
        }
    }

    @Test
    void theSameSeedGivesTheSameRecordAndAnotherSeedAnotherOne() {
        Schema orders = TestSchemas.avro("order-placed-v2");

        assertThat(SampleGenerator.seeded(42).avroRecord(orders)).isEqualTo(SampleGenerator.seeded(42).avroRecord(orders));
        assertThat(SampleGenerator.seeded(42).avroRecord(orders)).isNotEqualTo(SampleGenerator.seeded(43).avroRecord(orders));
    }

    @Test
    void fieldsNamedLikeWhatTheyHoldGetRealisticValues() {
        GenericRecord order = SampleGenerator.seeded(3).avroRecord(TestSchemas.avro("order-placed-v1"));

        assertThat(order.get("customerEmail").toString()).matches("[a-z]+\\.[a-z]+\\d{2}@example\\.com");
        assertThat(order.get("customerId").toString()).matches("CUS-\\d{6}");
        assertThat(order.get("currency").toString()).isIn(FieldHints.CURRENCIES);
        assertThat(((List<?>) order.get("items"))).allSatisfy(item -> {
            GenericRecord line = (GenericRecord) item;
            assertThat(line.get("sku").toString()).matches("SKU-\\d{6}");
            assertThat((Integer) line.get("qty")).isBetween(1, 5);
        });
        GenericRecord address = (GenericRecord) order.get("shippingAddress");
        assertThat(address.get("country").toString()).isIn(FieldHints.COUNTRIES);
        assertThat(address.get("city").toString()).isIn(FieldHints.CITIES);
    }

    @Test
    void overridesFixFieldsByPathInTheirPlainJavaForm() {
        GenericRecord order = SampleGenerator.seeded(1)
                .withOverride("$.customerEmail", "ann@example.com")
                .withOverride("$.items[*].qty", 7)
                .withOverride("$.items[0].sku", "SKU-000001")
                .withOverride("$.status", "PAID")
                .withOverride("$.total", new BigDecimal("12.50"))
                .withOverride("$.placedAt", Instant.parse("2026-03-01T10:15:30Z"))
                .withOverride("$.shippingAddress", null)
                .avroRecord(TestSchemas.avro("order-placed-v1"));

        assertThat(order.get("customerEmail")).isEqualTo("ann@example.com");
        assertThat((List<?>) order.get("items")).allSatisfy(item -> assertThat(((GenericRecord) item).get("qty")).isEqualTo(7));
        assertThat(((GenericRecord) ((List<?>) order.get("items")).get(0)).get("sku")).isEqualTo("SKU-000001");
        assertThat(order.get("status").toString()).isEqualTo("PAID");
        assertThat(order.get("total")).isEqualTo(ByteBuffer.wrap(new BigDecimal("12.50").unscaledValue().toByteArray()));
        assertThat(order.get("placedAt")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z").toEpochMilli());
        assertThat(order.get("shippingAddress")).isNull();
    }

    @Test
    void anOverrideThatMatchesNoFieldIsNamedWithTheFieldsThereAre() {
        Schema customer = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "namespace": "crm", "fields": [
                  {"name": "email", "type": "string"}, {"name": "tags", "type": {"type": "array", "items": "string"}}]}""");

        assertThatThrownBy(() -> SampleGenerator.seeded(1).withOverride("$.emial", "x").avroRecord(customer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("\\Qoverride $.emial matched no field of Avro crm.Customer; its fields are $.email, $.tags, $.tags[*]\\E");
    }

    @Test
    void anOverrideThatDoesNotFitItsTypeIsNamedWithTheType() {
        assertThatThrownBy(() -> SampleGenerator.seeded(1).withOverride("$.status", "LOST")
                .avroRecord(TestSchemas.avro("order-placed-v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("override $.status: LOST (String) does not fit Avro type {\"type\":\"enum\",\"name\":\"OrderStatus\","
                        + "\"namespace\":\"io.sitkit.samples.shop\",\"symbols\":[\"PLACED\",\"PAID\",\"SHIPPED\",\"REFUNDED\"]}");
        assertThatThrownBy(() -> SampleGenerator.seeded(1).withOverride("$.total", new BigDecimal("1.005"))
                .avroRecord(TestSchemas.avro("order-placed-v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("override $.total: 1.005 (BigDecimal) does not fit Avro type {\"type\":\"bytes\"");
    }

    @Test
    void aRecursiveRecordEndsInItsNullBranch() throws IOException {
        Schema list = new Schema.Parser().parse("""
                {"type": "record", "name": "Node", "fields": [
                  {"name": "value", "type": "int"}, {"name": "next", "type": ["null", "Node"]}]}""");

        GenericRecord head = SampleGenerator.seeded(5).avroRecord(list);

        assertValidAndEncodable(list, head);
        int length = 0;
        for (GenericRecord n = head; n != null; n = (GenericRecord) n.get("next")) {
            length++;
        }
        assertThat(length).isBetween(2, AvroSampler.SHALLOW_DEPTH + 2);
    }

    @Test
    void nonRecordSchemasGiveValuesButNotRecords() throws IOException {
        Schema money = LogicalTypes.decimal(9, 2).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema tags = Schema.createMap(Schema.create(Schema.Type.STRING));

        assertValidAndEncodable(money, SampleGenerator.seeded(1).avroValue(money));
        assertThat((Map<?, ?>) SampleGenerator.seeded(1).avroValue(tags)).isNotEmpty();
        assertThatThrownBy(() -> SampleGenerator.seeded(1).avroRecord(tags))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("avroRecord needs a record schema, was MAP; use avroValue for other types");
    }

    @Test
    void aGeneratorIsAnImmutableSpec() {
        SampleGenerator base = SampleGenerator.seeded(1);
        SampleGenerator withEmail = base.withOverride("$.customerEmail", "ann@example.com");

        assertThat(base.overrides()).isEmpty();
        assertThat(withEmail.overrides()).containsEntry("$.customerEmail", "ann@example.com");
        assertThat(withEmail.withSeed(9).seed()).isEqualTo(9);
        assertThat(withEmail.withSeed(9).overrides()).isEqualTo(withEmail.overrides());
        assertThatThrownBy(() -> base.withOverride("customerEmail", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("override path must start with '$', was 'customerEmail'");
    }
}
