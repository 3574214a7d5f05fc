package io.sitkit.schema.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.DecodeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroCodecTest {
    static final AvroSchemas SCHEMAS = AvroSchemas.load(AvroSchemasTest.AVRO);
    static final Schema ORDER = SCHEMAS.get("io.sitkit.samples.orders.OrderPlaced");
    static final Schema PATIENT = SCHEMAS.get("io.sitkit.samples.patients.PatientRegistered");
    static final Schema PAYMENT = SCHEMAS.get("io.sitkit.samples.payments.PaymentRequested");
    static final String ORDER_JSON = Samples.ORDER_JSON;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_record_round_trips_through_binary_and_its_view_equals_the_plain_json_it_came_from() throws Exception {
        AvroCodec codec = AvroCodec.of(ORDER);

        byte[] bytes = codec.encodeJson(ORDER_JSON);
        JsonNode view = codec.decodeToJson(bytes, "test");

        assertThat(view.at("/total/amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(view.at("/lines/0/unitPrice/amount").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(view.at("/placedAt").asText()).isEqualTo("2026-11-25T07:00:00Z");
        assertThat(view.at("/couponCode").asText()).isEqualTo("WINTER10");
        assertThat(view.at("/shipTo/city").asText()).isEqualTo("Köln");
        assertThat(view.at("/attributes/channel").asText()).isEqualTo("web");
        assertThat(view.at("/status").asText()).isEqualTo("PLACED");
        assertThat(MAPPER.readTree(ORDER_JSON).fieldNames()).toIterable()
                .containsExactlyElementsOf(() -> view.fieldNames());
        assertThat(AvroJson.datum(ORDER, view)).isEqualTo(codec.decode(bytes));
    }

    @Test
    void the_view_keeps_decimal_digits_and_renders_dates_and_micros_timestamps_as_iso_text() throws Exception {
        AvroCodec patients = AvroCodec.of(PATIENT);
        String json = """
                {"patientId":"P-77","familyName":"Müller","givenNames":["Anna","Lena"],"dateOfBirth":"1984-02-29",
                 "address":{"street":"Ring 5","city":"Bonn","postalCode":"53111","country":"DE"},
                 "identifiers":{"EMR":"4711"},"insurance":{"provider":"AOK","policyNumber":"X-1","validUntil":null},
                 "consentGiven":true,"weightKg":61.5}""";

        JsonNode view = patients.decodeToJson(patients.encodeJson(json), "test");

        assertThat(view.get("dateOfBirth").asText()).isEqualTo("1984-02-29");
        assertThat(view.at("/insurance/validUntil").isNull()).isTrue();
        assertThat(view.get("weightKg").doubleValue()).isEqualTo(61.5);

        AvroCodec payments = AvroCodec.of(PAYMENT);
        JsonNode payment = payments.decodeToJson(payments.encodeJson("""
                {"paymentId":"p-1","orderId":"o-1","amount":{"amount":"0.05"},"method":"CARD",
                 "cardLast4":"NDI0Mg==","requestedAt":"2026-11-25T07:00:00.123456Z"}"""), "test");
        assertThat(payment.get("requestedAt").asText()).isEqualTo("2026-11-25T07:00:00.123456Z");
        assertThat(payment.at("/amount/amount").decimalValue()).isEqualTo(new BigDecimal("0.05"));
        assertThat(payment.at("/amount/currency").asText()).as("default applied").isEqualTo("EUR");
        assertThat(payment.get("cardLast4").binaryValue()).isEqualTo("4242".getBytes());
    }

    @Test
    void avro_json_encoding_round_trips_with_wrapped_unions() {
        AvroCodec codec = AvroCodec.of(ORDER);
        Object order = codec.decode(codec.encodeJson(ORDER_JSON));

        String avroJson = codec.toAvroJson(order);

        assertThat(avroJson).contains("\"couponCode\":{\"string\":\"WINTER10\"}");
        assertThat(codec.fromAvroJson(avroJson)).isEqualTo(order);
    }

    @Test
    void plain_json_that_does_not_fit_names_the_path_and_what_was_wanted() {
        AvroCodec codec = AvroCodec.of(ORDER);

        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"quantity\":2", "\"quantity\":\"two\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$.lines[0].quantity: expected an int, got string \"two\"");
        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"status\":\"PLACED\"", "\"status\":\"LOST\"")))
                .hasMessage("$.status: expected one of [PLACED, PAID, SHIPPED, CANCELLED], got string \"LOST\"");
        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"customerId\":\"c-42\",", "")))
                .hasMessage("$.customerId: required by io.sitkit.samples.orders.OrderPlaced (no default) but missing");
        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"orderId\"", "\"orderID\"")))
                .hasMessage("$.orderId: required by io.sitkit.samples.orders.OrderPlaced (no default) but missing");
        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"couponCode\":\"WINTER10\"", "\"couponCode\":10")))
                .hasMessage("$.couponCode: number 10 fits no branch of the union [null, string]");
        assertThatThrownBy(() -> codec.encodeJson(ORDER_JSON.replace("\"amount\":39.80", "\"amount\":39.805")))
                .hasMessage("$.total.amount: 39.805 has more than 2 decimal places (decimal(12,2))");
    }

    @Test
    void a_generic_record_that_does_not_fit_names_the_field() {
        GenericData.Record money = new GenericData.Record(SCHEMAS.get("io.sitkit.samples.common.Money"));
        money.put("amount", ByteBuffer.wrap(new byte[]{1}));
        money.put("currency", 42);

        assertThatThrownBy(() -> AvroCodec.of(money.getSchema()).encode(money))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value does not fit io.sitkit.samples.common.Money: field currency (\"string\") cannot hold '42'");
    }

    @Test
    void truncated_bytes_fail_with_where_and_the_first_bytes_in_hex() {
        AvroCodec codec = AvroCodec.of(ORDER);
        byte[] bytes = codec.encodeJson(ORDER_JSON);
        byte[] cut = Arrays.copyOf(bytes, 20);

        assertThatThrownBy(() -> codec.decode(cut, 0, cut.length, "kafka:orders[0]@41"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of io.sitkit.samples.orders.OrderPlaced at kafka:orders[0]@41:"
                        + " truncated: the value needs more than the 20 bytes given (20 bytes, first: "
                        + DecodeException.hex(cut) + ")")
                .satisfies(e -> assertThat(((DecodeException) e).firstBytesHex()).startsWith("0c 6f 2d 31 30 30 31"));
    }

    @Test
    void a_corrupt_length_prefix_is_a_decode_error_not_an_out_of_memory_error() {
        // orderId's length prefix: the zig-zag varint of 1,000,000,000 (far above the 64 MiB limit)
        byte[] huge = {(byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x07, 'o'};

        assertThatThrownBy(() -> AvroCodec.of(ORDER).decode(huge, 0, huge.length, "kafka:orders[1]@7"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("cannot decode Avro value of io.sitkit.samples.orders.OrderPlaced at kafka:orders[1]@7:"
                        + " corrupt length prefix: String length 1000000000 exceeds maximum allowed");
    }

    @Test
    void a_huge_item_count_of_an_array_is_bounded_too() throws Exception {
        Schema nulls = new Schema.Parser().parse("{\"type\":\"array\",\"items\":\"null\"}");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeLong(20_000_000); // items of null take no bytes: only the limit stops the loop
        encoder.flush();
        byte[] count = out.toByteArray();

        assertThatThrownBy(() -> AvroCodec.of(nulls).decode(count))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("corrupt length prefix: Collection length 20000000 exceeds the maximum allowed of 10000000");
    }

    @Test
    void a_negative_length_prefix_and_an_endless_varint_are_named_as_what_they_are() {
        Schema text = Schema.create(Schema.Type.STRING);
        byte[] negative = {0x03, 'a'};
        byte[] endless = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> AvroCodec.of(text).decode(negative, 0, negative.length, "kafka:t[0]@1"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of string at kafka:t[0]@1: corrupt length or count prefix:"
                        + " Length is negative: -2 (2 bytes, first: 03 61)");
        assertThatThrownBy(() -> AvroCodec.of(text).decode(endless, 0, endless.length, "kafka:t[0]@2"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of string at kafka:t[0]@2: corrupt number: a variable-length int"
                        + " or long runs on past its last possible byte (11 bytes, first: ff ff ff ff ff ff ff ff ff ff ff)");
    }

    @Test
    void a_time_of_day_outside_the_day_and_a_decimal_without_bytes_have_no_view_and_fail_at_their_path() {
        Schema times = new Schema.Parser().parse("""
                {"type":"record","name":"Times","fields":[
                  {"name":"opens","type":{"type":"int","logicalType":"time-millis"}},
                  {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}}]}""");
        byte[] lateOpening = {(byte) 0x80, (byte) 0xf0, (byte) 0xb2, 0x52, 0x02, 0x01}; // 86,400,000 ms: midnight of the next day
        byte[] noDigits = {0x00, 0x00};

        assertThatThrownBy(() -> AvroCodec.of(times).decodeToJson(lateOpening, "jms:queue:shops"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of Times at jms:queue:shops: $.opens: time-millis 86400000 is not a"
                        + " time of day (0 to 86399999) (6 bytes, first: 80 f0 b2 52 02 01)");
        assertThatThrownBy(() -> AvroCodec.of(times).decodeToJson(noDigits, "jms:queue:shops"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of Times at jms:queue:shops: $.price: a decimal needs at least one"
                        + " byte of its two's-complement unscaled value, has none (2 bytes, first: 00 00)");
    }

    @Test
    void items_that_take_no_bytes_are_bounded_per_value_so_three_bytes_cannot_claim_a_heap_of_slots() throws Exception {
        Schema nulls = new Schema.Parser().parse("{\"type\":\"array\",\"items\":\"null\"}");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().directBinaryEncoder(out, null);
        encoder.writeLong(AvroLimits.DEFAULT_MAX_EMPTY_ITEMS + 1L);
        encoder.flush();
        byte[] count = out.toByteArray();

        assertThatThrownBy(() -> AvroCodec.of(nulls).decode(count))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value of array: corrupt length prefix: Cannot allocate 100001 collection elements"
                        + " whose minimum encoded size is zero: exceeds the maximum allowed of 100000 (configure with the system"
                        + " property org.apache.avro.limits.collectionItems.maxAllocation) (3 bytes, first: c2 9a 0c)");
        assertThat((java.util.List<?>) AvroCodec.of(nulls).decode(new byte[]{(byte) 0xc0, (byte) 0x9a, 0x0c, 0x00}))
                .as("a hundred thousand nulls are still a value").hasSize(100_000);
    }

    @Test
    void bytes_left_over_after_the_value_mean_the_wrong_schema_not_a_silent_result() {
        Schema money = SCHEMAS.get("io.sitkit.samples.common.Money");
        byte[] order = AvroCodec.of(ORDER).encodeJson(ORDER_JSON);

        assertThatThrownBy(() -> AvroCodec.of(money).decode(order, 0, order.length, "kafka:orders[0]@3"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("bytes left over after the value: written with a different schema?");
    }

    @Test
    void null_and_empty_inputs_say_what_they_are() {
        assertThatThrownBy(() -> AvroCodec.of(ORDER).decode(null))
                .hasMessage("cannot decode Avro value of io.sitkit.samples.orders.OrderPlaced: no bytes (null payload or tombstone)");
        assertThatThrownBy(() -> AvroCodec.of(ORDER).decode(new byte[0]))
                .hasMessage("cannot decode Avro value of io.sitkit.samples.orders.OrderPlaced: truncated: the value needs"
                        + " more than the 0 bytes given (0 bytes, first: none)");
    }

    @Test
    void a_reader_schema_sees_old_data_as_a_consumer_on_the_new_version_would() {
        Schema v2 = AvroSchemas.parseOne("v2", """
                {"type":"record","name":"Money","namespace":"io.sitkit.samples.common","fields":[
                  {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
                  {"name":"currency","type":"string","default":"EUR"},
                  {"name":"rounded","type":"boolean","default":false}]}""");
        Schema v1 = SCHEMAS.get("io.sitkit.samples.common.Money");
        byte[] old = AvroCodec.of(v1).encodeJson("{\"amount\":1.50,\"currency\":\"USD\"}");

        GenericRecord seen = (GenericRecord) AvroCodec.of(v1).readingAs(v2).decode(old);

        assertThat(seen.getSchema()).isEqualTo(v2);
        assertThat(seen.get("rounded")).isEqualTo(false);
        assertThat(seen.get("currency").toString()).isEqualTo("USD");
    }
}
