package io.sitkit.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.Samples;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTest {
    static final Schema ORDER = AvroSchemas.load(Path.of("src/test/resources/avro")).get("io.sitkit.samples.orders.OrderPlaced");
    static final AvroCodec CODEC = AvroCodec.of(ORDER);

    static Object order(String from, String to) {
        return CODEC.decode(CODEC.encodeJson(Samples.ORDER_JSON.replace(from, to)));
    }

    @Test
    void differences_between_avro_records_carry_the_type_the_schema_declares() {
        Object expected = order("x", "x");
        Object actual = CODEC.decode(CODEC.encodeJson(Samples.ORDER_JSON.replace("\"quantity\":2", "\"quantity\":3")
                .replace("\"amount\":39.80", "\"amount\":59.70").replace("\"status\":\"PLACED\"", "\"status\":\"PAID\"")
                .replace("\"couponCode\":\"WINTER10\"", "\"couponCode\":null")));

        assertThat(SchemaDiff.avro(ORDER).compare(expected, actual)).extracting(SchemaDiff.TypedDifference::describe)
                .containsExactly(
                        "$.status (enum OrderStatus): expected \"PLACED\" but was \"PAID\"",
                        "$.lines[0].quantity (int): expected 2 but was 3",
                        "$.total.amount (decimal(12,2)): expected 39.80 but was 59.70",
                        "$.couponCode (string): expected a string (\"WINTER10\") but was null");
    }

    @Test
    void volatile_fields_are_ignored_by_pattern_or_by_what_the_schema_says_they_are() {
        Object expected = order("x", "x");
        Object actual = CODEC.decode(CODEC.encodeJson(Samples.ORDER_JSON
                .replace("7f0c2a4e-53b5-4a8e-9a43-1c1c0d5c7a11", "00000000-0000-4000-8000-000000000000")
                .replace("2026-11-25T07:00:00Z", "2026-11-25T08:15:00Z").replace("\"channel\":\"web\"", "\"channel\":\"app\"")));

        assertThat(SchemaDiff.avro(ORDER).compare(expected, actual)).hasSize(3);
        assertThat(SchemaDiff.avro(ORDER).ignoringVolatileFields().compare(expected, actual))
                .extracting(SchemaDiff.TypedDifference::describe)
                .containsExactly("$.attributes.channel (string): expected \"web\" but was \"app\"");
        assertThat(SchemaDiff.avro(ORDER).ignoring("$.eventId", "$.placedAt", "$.attributes.*").compare(expected, actual)).isEmpty();
    }

    @Test
    void json_schema_documents_get_their_declared_types_too() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var schema = mapper.readTree(Path.of("src/test/resources/contracts/schemas/payment-request.schema.json").toFile());

        var diffs = SchemaDiff.jsonSchema(schema).compare(
                mapper.readTree("{\"paymentId\":\"p-1\",\"amount\":10,\"currency\":\"EUR\"}"),
                mapper.readTree("{\"paymentId\":\"p-1\",\"amount\":\"10\",\"currency\":\"EUR\",\"bonus\":true}"));

        assertThat(diffs).extracting(SchemaDiff.TypedDifference::describe).containsExactly(
                "$.amount (number): expected a number (10) but was a string (\"10\")",
                "$.bonus: unexpected true");
    }
}
