package io.sitkit.junit.assertions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.diff.JsonDiff;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaDiff;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.junit.assertions.TestMessages.kafka;
import static io.sitkit.junit.assertions.TestMessages.kafkaBytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageAssertEquivalenceTest {
    private static final String ACTUAL = "{\"orderId\":\"o-1\",\"totalAmount\":42,\"items\":[{\"sku\":\"A\",\"qty\":3}],"
            + "\"timestamp\":\"2024-05-01\",\"traceId\":\"t1\"}";
    private static final String EXPECTED = "{\"orderId\":\"o-1\",\"total_amount\":42,\"items\":[{\"sku\":\"A\",\"qty\":2}],"
            + "\"timestamp\":\"2024-01-01\"}";
    private final Message order = kafka("orders", "o-1", ACTUAL);

    @Test
    void theSameDocumentInAnotherFieldOrderWithNumbersByValueIsEquivalent() {
        assertThat(kafka("orders", "o-1", "{\"a\":1,\"b\":[1,2]}")).isEquivalentTo("{\"b\":[1.0,2],\"a\":1.00}");
    }

    @Test
    void aDifferingPayloadListsEachDifferingFieldAndTheNamingHint() {
        assertThatThrownBy(() -> assertThat(order).isEquivalentTo(EXPECTED))
                .hasMessage("expected a payload equivalent to " + EXPECTED + "\n"
                        + "  compared by JsonDiff[strict]\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 4 fields differ:\n"
                        + "    $.total_amount: missing (the message has $.totalAmount)\n"
                        + "    $.items[0].qty: expected 2 but was 3\n"
                        + "    $.timestamp: expected \"2024-01-01\" but was \"2024-05-01\"\n"
                        + "    $.traceId: unexpected \"t1\"\n"
                        + "  payload: " + ACTUAL + "\n"
                        + "  hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
    }

    @Test
    void ignoredFieldsConfiguredFirstAreNotCompared() {
        assertThatThrownBy(() -> assertThat(order).ignoringFields("$.timestamp", "$..traceId").isEquivalentTo(EXPECTED))
                .hasMessage("expected a payload equivalent to " + EXPECTED + "\n"
                        + "  compared by JsonDiff[ignoring [$.timestamp, $..traceId]]\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 2 fields differ:\n"
                        + "    $.total_amount: missing (the message has $.totalAmount)\n"
                        + "    $.items[0].qty: expected 2 but was 3\n"
                        + "  payload: " + ACTUAL + "\n"
                        + "  hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
    }

    @Test
    void ignoringEveryDifferingFieldPasses() {
        assertThat(order).ignoringFields("$.timestamp", "$..traceId", "$.items[*].qty")
                .isEquivalentTo(EXPECTED.replace("total_amount", "totalAmount"));
    }

    @Test
    void extraFieldsAreAllowedWhenConfigured() {
        assertThat(order).allowingExtraFields()
                .isEquivalentTo("{\"orderId\":\"o-1\",\"totalAmount\":42.0}");
        assertThatThrownBy(() -> assertThat(order).isEquivalentTo("{\"orderId\":\"o-1\",\"totalAmount\":42.0}"))
                .hasMessageContaining("  but 3 fields differ:\n"
                        + "    $.items: unexpected [{\"sku\":\"A\",\"qty\":3}]\n");
    }

    @Test
    void arraysCompareAsMultisetsWhenOrderIsIgnored() {
        Message two = kafka("orders", "o-1", "{\"items\":[\"B\",\"A\"]}");
        assertThat(two).ignoringArrayOrder().isEquivalentTo("{\"items\":[\"A\",\"B\"]}");
        assertThatThrownBy(() -> assertThat(two).isEquivalentTo("{\"items\":[\"A\",\"B\"]}"))
                .hasMessage("expected a payload equivalent to {\"items\":[\"A\",\"B\"]}\n"
                        + "  compared by JsonDiff[strict]\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 2 fields differ:\n"
                        + "    $.items[0]: expected \"A\" but was \"B\"\n"
                        + "    $.items[1]: expected \"B\" but was \"A\"\n"
                        + "  payload: {\"items\":[\"B\",\"A\"]}");
    }

    @Test
    void aSharedDiffGivesItsRulesAndFurtherIgnoresAddToThem() {
        Message priced = kafka("orders", "o-1", "{\"price\":9.999,\"at\":1}");
        assertThat(priced).usingDiff(JsonDiff.strict().withNumericTolerance(0.01)).ignoringFields("$.at")
                .isEquivalentTo("{\"price\":10,\"at\":2}");
    }

    @Test
    void aParsedExpectedDocumentIsComparedTheSameWay() throws Exception {
        assertThat(order).allowingExtraFields().isEquivalentTo(new ObjectMapper().readTree("{\"orderId\":\"o-1\"}"));
        assertThatThrownBy(() -> assertThat(order).allowingExtraFields()
                .isEquivalentTo(new ObjectMapper().readTree("{\"orderId\":\"o-2\"}")))
                .hasMessage("expected a payload equivalent to {\"orderId\":\"o-2\"}\n"
                        + "  compared by JsonDiff[extra fields allowed]\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 1 field differs:\n"
                        + "    $.orderId: expected \"o-2\" but was \"o-1\"\n"
                        + "  payload: " + ACTUAL);
    }

    @Test
    void aSchemaDiffLabelsEachDifferenceWithTheDeclaredType() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":["
                + "{\"name\":\"orderId\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"int\"},"
                + "{\"name\":\"eventId\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"}}]}");
        Message placed = kafka("orders", "o-1", "{\"orderId\":\"o-1\",\"total\":42,\"eventId\":\"e-2\"}");
        String expected = "{\"orderId\":\"o-1\",\"total\":41,\"eventId\":\"e-1\"}";

        assertThatThrownBy(() -> assertThat(placed).usingSchema(SchemaDiff.avro(schema).ignoringVolatileFields()).isEquivalentTo(expected))
                .hasMessage("expected a payload equivalent to " + expected + "\n"
                        + "  compared by the schema diff\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 1 field differs:\n"
                        + "    $.total (int): expected 41 but was 42\n"
                        + "  payload: {\"orderId\":\"o-1\",\"total\":42,\"eventId\":\"e-2\"}");
        assertThat(placed).usingSchema(SchemaDiff.avro(schema)).ignoringFields("$.total", "$.eventId").isEquivalentTo(expected);
    }

    @Test
    void diffRulesCannotBeMixedWithASchemaDiffAndTheErrorSaysWhereToSetThem() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        assertThatThrownBy(() -> assertThat(order).allowingExtraFields().usingSchema(SchemaDiff.avro(schema)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("usingSchema(…) compares by the schema diff's own rules, but the JsonDiff rules were already set "
                        + "(JsonDiff[extra fields allowed]); configure them on the schema diff instead: "
                        + "schemaDiff.with(JsonDiff.strict().allowingExtraFields())");
        assertThatThrownBy(() -> assertThat(order).usingSchema(SchemaDiff.avro(schema)).ignoringArrayOrder())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ignoringArrayOrder() cannot change a schema diff's rules; configure them on the schema diff "
                        + "instead: schemaDiff.with(JsonDiff.strict().allowingExtraFields())");
    }

    @Test
    void anExpectedDocumentThatIsNotJsonIsAMisuseNamingIt() {
        assertThatThrownBy(() -> assertThat(order).isEquivalentTo("{orderId: 1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected JSON does not parse: ")
                .hasMessageEndingWith(": {orderId: 1}");
    }

    @Test
    void aMalformedIgnorePatternIsAMisuseNamingIt() {
        assertThatThrownBy(() -> assertThat(order).ignoringFields("timestamp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void aPayloadThatIsNotJsonFailsWithTheBytesAndTheDecoderHint() {
        assertThatThrownBy(() -> assertThat(kafkaBytes("orders", new byte[]{0, 1, 2})).isEquivalentTo("{\"a\":1}"))
                .hasMessage("expected a JSON payload equivalent to {\"a\":1}\n"
                        + "  on kafka:orders[0]@3\n"
                        + "  but the payload is not JSON\n"
                        + "  payload: 0x000102\n"
                        + "  hint: for Avro or other encodings, decode first: decodedWith(decoder)");
    }

    @Test
    void aTombstoneFailsSayingItHasNoPayload() {
        assertThatThrownBy(() -> assertThat(kafka("orders", "o-1", null)).isEquivalentTo("{\"a\":1}"))
                .hasMessage("expected a JSON payload equivalent to {\"a\":1}\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it has no payload\n"
                        + "  payload: null");
    }

    @Test
    void redactedFieldsShowNeitherValueAndSecretsAreMaskedEverywhere() {
        Message person = kafka("people", "p-1", "{\"ssn\":\"222-22-2222\",\"name\":\"Bob\",\"note\":\"pw hunter22\"}");
        Redactor redactor = Redactor.builder().fields("ssn").secretValues("hunter22").build();
        assertThatThrownBy(() -> assertThat(person).withRedactor(redactor)
                .isEquivalentTo("{\"ssn\":\"111-11-1111\",\"name\":\"Ann\",\"note\":\"pw hunter22\"}"))
                .hasMessage("expected a payload equivalent to {\"ssn\":\"******\",\"name\":\"Ann\",\"note\":\"pw ******\"}\n"
                        + "  compared by JsonDiff[strict]\n"
                        + "  on kafka:people[0]@7\n"
                        + "  but 2 fields differ:\n"
                        + "    $.ssn: differs (redacted)\n"
                        + "    $.name: expected \"Ann\" but was \"Bob\"\n"
                        + "  payload: {\"ssn\":\"******\",\"name\":\"Bob\",\"note\":\"pw ******\"}");
    }
}
