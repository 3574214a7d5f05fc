package io.sitkit.schema.avro;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.SitkitException;
import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sitkit.match.Matchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryAvroTest {
    static final Schema ORDER = AvroCodecTest.ORDER;
    static final AtomicInteger LOOKUPS = new AtomicInteger();
    static final SchemaLookup REGISTRY = id -> {
        LOOKUPS.incrementAndGet();
        Map<Integer, RegisteredSchema> known = Map.of(
                7, new RegisteredSchema(7, "orders-value", 1, SchemaFormat.AVRO, ORDER.toString()),
                8, new RegisteredSchema(8, "orders-json", 1, SchemaFormat.JSON_SCHEMA, "{\"type\":\"object\"}"),
                9, new RegisteredSchema(9, "orders-cut", 1, SchemaFormat.AVRO, "{\"type\":\"record\",\"name\":"));
        RegisteredSchema s = known.get(id);
        if (s == null) {
            throw new SitkitException("schema registry has no schema with id " + id + " (HTTP 404, error 40403)");
        }
        return s;
    };

    static Message kafka(byte[] payload, Header... headers) {
        return new Message(Destination.kafka("orders"), "o-1001".getBytes(), Headers.of(headers), payload, BodyType.BYTES,
                Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-25T07:00:00.010Z"),
                new KafkaMetadata(0, 41, "CreateTime", 0));
    }

    @Test
    void a_frame_is_magic_byte_then_big_endian_id_then_the_avro_body() {
        byte[] body = AvroCodec.of(ORDER).encodeJson(AvroCodecTest.ORDER_JSON);

        byte[] framed = RegistryAvro.using(REGISTRY).encode(7, ORDER, AvroCodec.of(ORDER).decode(body));

        assertThat(framed).startsWith(0, 0, 0, 0, 7);
        assertThat(java.util.Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(body);
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.parse(framed, "x");
        assertThat(frame.schemaId()).isEqualTo(7);
        assertThat(frame.bodyLength()).isEqualTo(body.length);
    }

    @Test
    void a_framed_payload_decodes_by_its_id_and_the_schema_is_looked_up_once() {
        RegistryAvro avro = RegistryAvro.using(REGISTRY);
        byte[] framed = ConfluentWireFormat.frame(7, AvroCodec.of(ORDER).encodeJson(AvroCodecTest.ORDER_JSON));
        int before = LOOKUPS.get();

        AvroValue first = avro.decodePayload(kafka(framed));
        AvroValue second = avro.decodePayload(kafka(framed));

        assertThat(first.schemaId()).isEqualTo(7);
        assertThat(((GenericRecord) second.value()).get("orderId").toString()).isEqualTo("o-1001");
        assertThat(first.json().at("/total/amount").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(LOOKUPS.get() - before).isEqualTo(1);
    }

    @Test
    void a_plain_payload_with_the_id_in_apicurios_header_decodes_too() {
        byte[] plain = AvroCodec.of(ORDER).encodeJson(AvroCodecTest.ORDER_JSON);

        AvroValue value = RegistryAvro.using(REGISTRY).decodePayload(kafka(plain, SchemaIdHeader.apicurioValue().header(7)));

        assertThat(value.json().get("customerId").asText()).isEqualTo("c-42");
    }

    @Test
    void an_unknown_schema_id_names_the_id_the_position_and_the_bytes() {
        byte[] framed = ConfluentWireFormat.frame(99, new byte[]{2, 'x'});

        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decodePayload(kafka(framed)))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value with schema id 99 at kafka:orders[0]@41: schema id 99 could not be"
                        + " looked up: schema registry has no schema with id 99 (HTTP 404, error 40403)"
                        + " (7 bytes, first: 00 00 00 00 63 02 78)");
    }

    @Test
    void an_id_of_a_json_schema_is_not_taken_for_avro() {
        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decode(ConfluentWireFormat.frame(8, new byte[]{0}), "kafka:orders[0]@2"))
                .hasMessage("cannot decode Avro value with schema id 8 at kafka:orders[0]@2: schema id 8 is JSON_SCHEMA,"
                        + " not Avro (6 bytes, first: 00 00 00 00 08 00)");
    }

    @Test
    void an_id_whose_registered_avro_schema_does_not_parse_is_a_decode_error_naming_the_id() {
        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decode(ConfluentWireFormat.frame(9, new byte[]{0}), "kafka:orders[0]@3"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro value with schema id 9 at kafka:orders[0]@3: the registry's schema for id 9 is"
                        + " not a valid Avro schema: registry id 9:1:25: not valid JSON: Unexpected end-of-input within/between"
                        + " Object entries (6 bytes, first: 00 00 00 00 09 00)");
    }

    @Test
    void a_wrong_magic_byte_without_an_id_header_is_not_registry_avro() {
        byte[] json = "{\"orderId\":\"o-1\"}".getBytes();

        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decodePayload(kafka(json)))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode Avro payload at kafka:orders[0]@41: magic byte is 0x7b, expected 0x00, and no"
                        + " schema id header (apicurio.value.globalId) is present: not registry-encoded Avro"
                        + " (17 bytes, first: 7b 22 6f 72 64 65 72 49 64 22 3a 22 6f 2d 31 22 …)");
    }

    @Test
    void truncated_and_empty_frames_say_how_long_they_were() {
        assertThatThrownBy(() -> ConfluentWireFormat.parse(new byte[]{0, 0, 7}, "kafka:orders[2]@9"))
                .hasMessage("cannot decode Confluent-framed value at kafka:orders[2]@9: truncated frame: 3 bytes, but magic"
                        + " byte and schema id need 5 (3 bytes, first: 00 00 07)");
        assertThatThrownBy(() -> ConfluentWireFormat.parse(new byte[0], "kafka:orders[2]@10"))
                .hasMessage("cannot decode Confluent-framed value at kafka:orders[2]@10: empty; a frame needs a magic byte"
                        + " and a 4-byte schema id (0 bytes, first: none)");
        assertThatThrownBy(() -> ConfluentWireFormat.parse(null, "kafka:orders[2]@11"))
                .hasMessage("cannot decode Confluent-framed value at kafka:orders[2]@11: no bytes (null payload or tombstone)");
        assertThatThrownBy(() -> ConfluentWireFormat.parse(new byte[]{0, (byte) 0xff, 0, 0, 1}, "k"))
                .hasMessage("cannot decode Confluent-framed value at k: schema id 4278190081 is out of range: not a frame"
                        + " written by a registry-aware producer (5 bytes, first: 00 ff 00 00 01)");
    }

    @Test
    void a_frame_whose_body_is_cut_short_fails_at_the_avro_body() {
        byte[] framed = ConfluentWireFormat.frame(7, new byte[]{0x0c, 'o', '-'});

        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decode(framed, "kafka:orders[0]@5"))
                .hasMessage("cannot decode Avro value of io.sitkit.samples.orders.OrderPlaced at kafka:orders[0]@5:"
                        + " truncated: the value needs more than the 3 bytes given (8 bytes, first: 00 00 00 00 07 0c 6f 2d)");
    }

    @Test
    void an_id_header_with_a_bad_value_says_what_layout_was_expected() {
        Message m = kafka(new byte[]{1}, Header.of("apicurio.value.globalId", new byte[]{0, 7}));

        assertThatThrownBy(() -> RegistryAvro.using(REGISTRY).decodePayload(m))
                .hasMessage("cannot decode schema id header apicurio.value.globalId at kafka:orders[0]@41: expected 8 bytes"
                        + " (2 bytes, first: 00 07)");
        assertThat(new SchemaIdHeader("schema-id", SchemaIdHeader.Layout.TEXT)
                .read(Headers.of(Header.of("schema-id", "12")), "x")).hasValue(12);
    }

    @Test
    void json_path_matchers_read_avro_payloads_through_the_decoder() {
        byte[] framed = ConfluentWireFormat.frame(7, AvroCodec.of(ORDER).encodeJson(AvroCodecTest.ORDER_JSON));
        MessageMatcher total = Matchers.decoded(RegistryAvro.using(REGISTRY).payloads(), jsonPath("$.total.amount").isEqualTo(39.8));

        assertThat(total.matches(kafka(framed))).isTrue();
        assertThat(total.describe()).isEqualTo("decoded as Avro via schema registry: $.total.amount == 39.8");
        MessageMatcher other = Matchers.decoded(RegistryAvro.using(REGISTRY).payloads(), jsonPath("$.status").isEqualTo("PAID"));
        assertThat(other.matches(kafka(framed))).isFalse();
        assertThat(other.explain(kafka("not avro".getBytes())).get(0).actual())
                .startsWith("cannot decode Avro payload at kafka:orders[0]@41: magic byte is 0x6e");
    }
}
