package io.sitkit.junit.assertions;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.Conformance;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.PlainAvro;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.junit.assertions.TestMessages.kafka;
import static io.sitkit.junit.assertions.TestMessages.kafkaBytes;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageAssertPayloadTest {
    private static final String ORDER = "{\"orderId\":\"o-1\",\"totalAmount\":42,\"items\":[{\"sku\":\"A\",\"qty\":2}]}";
    private final Message order = kafka("orders", "o-1", ORDER);
    private final Message binary = kafkaBytes("orders", new byte[]{0, 1, 2});

    /** Violations found when the eventType header is absent or the payload lacks $.total. */
    private static final Conformance PLACED = new Conformance() {
        @Override
        public List<String> violations(Message message) {
            List<String> out = new ArrayList<>();
            if (!message.headers().contains("eventType")) {
                out.add("header eventType: missing");
            }
            if (!message.payloadText().orElse("").contains("\"total\"")) {
                out.add("payload $: required property 'total' not found");
            }
            return out;
        }

        @Override
        public String describe() {
            return "contract orders-placed";
        }
    };

    @Test
    void aJsonPathWithTheExpectedValuePassesComparingNumbersByValue() {
        assertThat(order).hasJsonPath("$.totalAmount", 42.0).hasJsonPath("$.orderId", "o-1").hasJsonPath("$.items[*].sku", "A");
    }

    @Test
    void aJsonPathWithAnotherValueFailsWithTheValueAndThePayload() {
        assertThatThrownBy(() -> assertThat(order).hasJsonPath("$.totalAmount", 41))
                .hasMessage("expected $.totalAmount == 41\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but was 42\n"
                        + "  payload: " + ORDER);
    }

    @Test
    void aMissingJsonPathFailsWithTheNamingHint() {
        assertThatThrownBy(() -> assertThat(order).hasJsonPath("$.total_amount", 42))
                .hasMessage("expected $.total_amount == 42\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it was missing\n"
                        + "  payload: " + ORDER + "\n"
                        + "  hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
    }

    @Test
    void anExistingJsonPathPasses() {
        assertThat(order).hasJsonPath("$.items[0].qty");
    }

    @Test
    void aJsonPathThatSelectsNothingFailsTheExistenceCheck() {
        assertThatThrownBy(() -> assertThat(order).hasJsonPath("$.discount"))
                .hasMessage("expected $.discount exists\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it was missing\n"
                        + "  payload: " + ORDER);
    }

    @Test
    void aJsonPathOnAPayloadThatIsNotJsonFailsSayingSoWithTheBytesInHex() {
        assertThatThrownBy(() -> assertThat(binary).hasJsonPath("$.a"))
                .hasMessage("expected $.a exists\n"
                        + "  on kafka:orders[0]@3\n"
                        + "  but the payload is not JSON\n"
                        + "  payload: 0x000102");
    }

    @Test
    void anAbsentJsonPathPassesTheAbsenceCheck() {
        assertThat(order).doesNotHaveJsonPath("$.discount");
    }

    @Test
    void aPresentJsonPathFailsTheAbsenceCheckWithWhatWasFound() {
        assertThatThrownBy(() -> assertThat(order).doesNotHaveJsonPath("$.orderId"))
                .hasMessage("expected nothing at $.orderId\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but found \"o-1\"\n"
                        + "  payload: " + ORDER);
    }

    @Test
    void theAbsenceCheckOnAPayloadThatIsNotJsonFails() {
        assertThatThrownBy(() -> assertThat(binary).doesNotHaveJsonPath("$.a"))
                .hasMessage("expected nothing at $.a\n"
                        + "  on kafka:orders[0]@3\n"
                        + "  but the payload is not JSON\n"
                        + "  payload: 0x000102");
    }

    @Test
    void aPayloadContainingTheTextPasses() {
        assertThat(order).hasPayloadContaining("\"sku\":\"A\"");
    }

    @Test
    void aPayloadLackingTheTextFailsShowingThePayload() {
        assertThatThrownBy(() -> assertThat(order).hasPayloadContaining("o-2"))
                .hasMessage("expected the payload to contain \"o-2\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but the payload was " + ORDER);
    }

    @Test
    void aMatchingMatcherPasses() {
        assertThat(order).matches(key("o-1").and(jsonPath("$.totalAmount").isGreaterThan(40)));
    }

    @Test
    void aFailedMatcherListsEveryCheckWhatWasThereAndTheHint() {
        assertThatThrownBy(() -> assertThat(order).matches(key("o-1").and(jsonPath("$.total_amount").isEqualTo(42))))
                .hasMessage("expected a message matching key == \"o-1\" and $.total_amount == 42\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 1 of 2 checks failed:\n"
                        + "    ok   key == \"o-1\"\n"
                        + "    FAIL $.total_amount == 42: missing\n"
                        + "  payload: " + ORDER + "\n"
                        + "  hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
    }

    @Test
    void aConformingMessagePasses() {
        assertThat(kafka("orders", "o-1", "{\"total\":1}", Header.of("eventType", "OrderPlaced"))).conformsTo(PLACED);
    }

    @Test
    void aNonConformingMessageListsEachViolation() {
        assertThatThrownBy(() -> assertThat(order).conformsTo(PLACED))
                .hasMessage("expected a message conforming to contract orders-placed\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it has 2 violations:\n"
                        + "    header eventType: missing\n"
                        + "    payload $: required property 'total' not found\n"
                        + "  payload: " + ORDER);
    }

    @Test
    void sensitiveFieldsAreMaskedInPayloadsAndWhereverTheirValuesAppear() {
        Message withCard = kafka("orders", "o-1", "{\"orderId\":\"o-1\",\"card\":\"4111-1111\"}");
        assertThatThrownBy(() -> assertThat(withCard).withRedactor(Redactor.builder().fields("card").build())
                .matches(jsonPath("$.card").isEqualTo("4111-2222").and(key("o-1"))))
                .hasMessage("expected a message matching $.card == \"4111-2222\" and key == \"o-1\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but 1 of 2 checks failed:\n"
                        + "    FAIL $.card == \"4111-2222\": was \"******\"\n"
                        + "    ok   key == \"o-1\"\n"
                        + "  payload: {\"orderId\":\"o-1\",\"card\":\"******\"}");
    }

    @Test
    void anAvroPayloadDecodedWithADecoderAnswersJsonAssertions() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":["
                + "{\"name\":\"orderId\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"int\"}]}");
        Message avro = kafkaBytes("orders", AvroCodec.of(schema).encodeJson("{\"orderId\":\"o-1\",\"total\":42}"));

        assertThat(avro).decodedWith(PlainAvro.payloads(schema))
                .hasJsonPath("$.total", 42)
                .isEquivalentTo("{\"orderId\":\"o-1\",\"total\":42}");
        assertThatThrownBy(() -> assertThat(avro).decodedWith(PlainAvro.payloads(schema)).hasJsonPath("$.total", 41))
                .hasMessage("expected $.total == 41\n"
                        + "  on kafka:orders[0]@3\n"
                        + "  but was 42\n"
                        + "  payload: {\"orderId\":\"o-1\",\"total\":42}");
    }

    @Test
    void aPayloadTheDecoderCannotReadFailsWithTheDecodeError() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"OrderPlaced\",\"fields\":["
                + "{\"name\":\"orderId\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> assertThat(order).decodedWith(PlainAvro.payloads(schema)).hasJsonPath("$.orderId"))
                .hasMessage("expected a payload that decodes as Avro OrderPlaced\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but cannot decode Avro value of OrderPlaced at kafka:orders[0]@7: corrupt length or count prefix: "
                        + "Length is negative: -62 (64 bytes, first: 7b 22 6f 72 64 65 72 49 64 22 3a 22 6f 2d 31 22 …)\n"
                        + "  hint: is the payload encoded the way the decoder expects?");
    }
}
