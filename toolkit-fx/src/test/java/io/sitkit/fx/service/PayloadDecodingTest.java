package io.sitkit.fx.service;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.env.DemoTraffic;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadDecodingTest {
    static final String ORDER = "{\"orderId\":\"o-1\",\"customerId\":\"c-7\",\"currency\":\"EUR\",\"total\":42.5,"
            + "\"lines\":[{\"sku\":\"MUG-RED\",\"quantity\":1,\"unitPrice\":42.5}],\"coupon\":null,\"placedAt\":\"2026-11-25T10:00:00Z\"}";
    private final PayloadDecoding withSchemas = PayloadDecoding.using(Optional.of(DemoTraffic.schemas()));
    private final PayloadDecoding bare = PayloadDecoding.using(Optional.empty());

    static Message kafka(byte[] payload, Header... headers) {
        return new Message(Destination.kafka("orders"), "o-1".getBytes(StandardCharsets.UTF_8), Headers.of(headers), payload,
                BodyType.BYTES, Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:00:01Z"),
                new KafkaMetadata(0, 41, "CreateTime", 0));
    }

    static byte[] framedOrder() {
        return ConfluentWireFormat.frame(DemoTraffic.ORDER_SCHEMA_ID, AvroCodec.of(DemoTraffic.orderSchema()).encodeJson(ORDER));
    }

    @Test
    void confluent_avro_is_decoded_automatically_through_the_schema_lookup() {
        DecodedPayload p = withSchemas.decode(kafka(framedOrder()), DecoderChoice.AUTO);

        assertThat(p.format()).isEqualTo(DecodedPayload.Format.AVRO);
        assertThat(p.tree().get("total").asDouble()).isEqualTo(42.5);
        assertThat(p.text()).contains("\"orderId\" : \"o-1\"");
        assertThat(p.label()).isEqualTo("Avro · io.sitkit.demo.OrderPlaced · schema id 1 · " + framedOrder().length + " bytes");
    }

    @Test
    void without_a_registry_a_confluent_frame_falls_back_to_hex_saying_why() {
        DecodedPayload p = bare.decode(kafka(framedOrder()), DecoderChoice.AUTO);

        assertThat(p.format()).isEqualTo(DecodedPayload.Format.HEX);
        assertThat(p.reason()).startsWith("looks like Confluent-framed Avro (schema id 1), but this connection has no schema registry"
                + " (set sitkit.schema-registry.url on the profile); not UTF-8 text");
        assertThat(p.text()).startsWith("00000000  00 00 00 00 01 06 6f 2d  31 06 63 2d 37 00 00 00  |......o-1.c-7...|");
    }

    @Test
    void an_unknown_schema_id_is_a_reason_not_a_crash() {
        byte[] framed = framedOrder();
        framed[4] = 9;
        DecodedPayload p = withSchemas.decode(kafka(framed), DecoderChoice.AUTO);

        assertThat(p.format()).isEqualTo(DecodedPayload.Format.HEX);
        assertThat(p.reason()).startsWith("cannot decode Avro value with schema id 9 at kafka:orders[0]@41: unknown schema id 9");
    }

    @Test
    void json_is_pretty_printed_and_text_stays_text() {
        DecodedPayload json = bare.decode(kafka("{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8)), DecoderChoice.AUTO);
        DecodedPayload text = bare.decode(kafka("hello world".getBytes(StandardCharsets.UTF_8)), DecoderChoice.AUTO);
        DecodedPayload forcedJson = bare.decode(kafka("{broken".getBytes(StandardCharsets.UTF_8)), DecoderChoice.JSON);

        assertThat(json.format()).isEqualTo(DecodedPayload.Format.JSON);
        assertThat(json.text()).isEqualTo("{\n  \"a\" : 1,\n  \"b\" : [ true ]\n}");
        assertThat(text.format()).isEqualTo(DecodedPayload.Format.TEXT);
        assertThat(text.text()).isEqualTo("hello world");
        assertThat(forcedJson.format()).isEqualTo(DecodedPayload.Format.TEXT);
        assertThat(forcedJson.reason()).startsWith("not JSON: Unexpected character ('b' (code 98))");
    }

    @Test
    void a_ten_mebibyte_message_is_previewed_truncated() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        big[0] = '{';
        DecodedPayload p = bare.decode(kafka(big), DecoderChoice.AUTO);

        assertThat(p.format()).isEqualTo(DecodedPayload.Format.TEXT);
        assertThat(p.truncated()).isTrue();
        assertThat(p.text()).hasSize(PayloadDecoding.TEXT_LIMIT);
        assertThat(p.reason()).isEqualTo("10,485,760 bytes: too large to pretty-print, shown as text");
        assertThat(p.label()).isEqualTo("Text · 10,485,760 bytes · preview truncated");
        assertThat(HexDump.of(big)).endsWith("… 10,420,224 more bytes not shown (10,485,760 in all)\n");
    }

    @Test
    void object_messages_are_shown_as_bytes_with_their_class_never_deserialized() {
        Message m = new Message(Destination.jmsQueue("q"), null, Headers.empty(), new byte[]{(byte) 0xac, (byte) 0xed, 0, 5},
                BodyType.OBJECT, null, Instant.now(), new JmsMetadata("ID:1", null, null, null, 4, true, null, false, "com.acme.Order"));

        DecodedPayload p = bare.decode(m, DecoderChoice.AUTO);

        assertThat(p.format()).isEqualTo(DecodedPayload.Format.HEX);
        assertThat(p.reason()).isEqualTo("a JMS ObjectMessage of com.acme.Order, shown as bytes and never deserialized");
    }

    @Test
    void the_filter_searches_decoded_avro_by_text_regex_json_path_key_and_header() {
        MessageRow row = MessageRow.of(kafka(framedOrder(), Header.of("eventType", "OrderPlaced")), 0, withSchemas, DecoderChoice.AUTO);

        assertThat(MessageFilter.none().withText("MUG-RED", false).matches(row)).isTrue();
        assertThat(MessageFilter.none().withText("MUG-(RED|BLUE)", true).matches(row)).isTrue();
        assertThat(MessageFilter.none().withJsonPath("$[?(@.total > 40)]").matches(row)).isTrue();
        assertThat(MessageFilter.none().withJsonPath("$[?(@.total > 50)]").matches(row)).isFalse();
        assertThat(MessageFilter.none().withJsonPath("$.lines[?(@.sku == 'MUG-RED')]").matches(row)).isTrue();
        assertThat(MessageFilter.none().withKey("o-1").withHeader("eventType=OrderPlaced").matches(row)).isTrue();
        assertThat(MessageFilter.none().withHeader("eventType=OrderPaid").matches(row)).isFalse();
        assertThat(MessageFilter.none().withTimeRange(Instant.parse("2026-11-25T11:00:00Z"), null).matches(row)).isFalse();
        assertThat(row.preview()).startsWith("{\"orderId\":\"o-1\",\"customerId\":\"c-7\"");
        assertThat(row.headers()).isEqualTo("eventType=OrderPlaced");
        assertThat(row.position()).isEqualTo("0 @ 41");
    }

    @Test
    void bad_filters_are_refused_with_the_fault_named() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageFilter.none().withText("(unclosed", true))
                .hasMessage("'(unclosed' is not a valid regular expression: Unclosed group near index 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageFilter.none().withJsonPath("total"))
                .hasMessage("invalid JSON path 'total': a path starts at the root, e.g. $.total");
    }

    @Test
    void two_avro_orders_differ_field_by_field_with_their_types_and_volatile_fields_skipped() {
        MessageRow left = MessageRow.of(kafka(framedOrder(), Header.of("eventType", "OrderPlaced")), 0, withSchemas, DecoderChoice.AUTO);
        byte[] other = ConfluentWireFormat.frame(1, AvroCodec.of(DemoTraffic.orderSchema()).encodeJson(
                ORDER.replace("42.5,\"lines\"", "40.0,\"lines\"").replace("10:00:00Z", "10:05:00Z")));
        MessageRow right = MessageRow.of(kafka(other, Header.of("eventType", "OrderUpdated")), 1, withSchemas, DecoderChoice.AUTO);

        MessageDiff.Result r = MessageDiff.of(List.of(), true).compare(left, right);

        assertThat(r.compared()).isEqualTo("Avro io.sitkit.demo.OrderPlaced");
        assertThat(r.lines()).containsExactly("$.total (double): expected 42.5 but was 40.0",
                "header eventType: expected 'OrderPlaced' but was 'OrderUpdated'");
        assertThat(MessageDiff.of(List.of(), false).compare(left, right).lines()).hasSize(3);
    }
}
