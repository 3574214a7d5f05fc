package io.sitkit.schema.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.TestMessages;
import io.sitkit.schema.TestSchemas;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaValidatorTest {
    private static final String VALID_ORDER = """
            {"orderId": "6f1c1f0e-8a7b-4c3e-9d2a-1b2c3d4e5f60",
             "customer": {"customerId": "CUS-000042", "name": "Ann Smith", "email": "ann@example.com"},
             "items": [{"sku": "SKU-000001", "qty": 2, "unitPrice": 9.99}],
             "total": 19.98, "currency": "EUR", "status": "PLACED", "placedAt": "2026-03-01T10:15:30Z"}
            """;

    private final JsonSchemaValidator orders = TestSchemas.json("order-placed-v1");

    @Test
    void aValidPayloadHasNoViolations() {
        assertThat(orders.validate(VALID_ORDER)).isEmpty();
    }

    @Test
    void eachViolationNamesTheInstancePathTheKeywordAndTheProblem() {
        // given an order with a bad quantity, an unknown status, a bad email and no placedAt
        String order = """
                {"orderId": "6f1c1f0e-8a7b-4c3e-9d2a-1b2c3d4e5f60",
                 "customer": {"customerId": "CUS-000042", "email": "ann.example.com"},
                 "items": [{"sku": "SKU-000001", "qty": 0, "unitPrice": 9.99}],
                 "total": 9.99, "currency": "EUR", "status": "LOST"}
                """;

        // when it is validated
        // then each violation says where, which keyword and what
        assertThat(orders.validate(order)).containsExactly(
                new JsonViolation("$.customer.email", "format", "does not match the email pattern must be a valid RFC 5321 Mailbox"),
                new JsonViolation("$.items[0].qty", "minimum", "must have a minimum value of 1"),
                new JsonViolation("$.status", "enum", "does not have a value in the enumeration [\"PLACED\", \"PAID\", \"SHIPPED\", \"REFUNDED\"]"),
                new JsonViolation("$", "required", "required property 'placedAt' not found"));
    }

    @Test
    void aViolationPrintsAsPathMessageAndKeyword() {
        assertThat(new JsonViolation("$.items[0].qty", "minimum", "must have a minimum value of 1"))
                .hasToString("$.items[0].qty: must have a minimum value of 1 (minimum)");
    }

    @Test
    void bytesTextAndTreeGiveTheSameViolations() throws Exception {
        String order = VALID_ORDER.replace("\"qty\": 2", "\"qty\": \"two\"");

        var fromText = orders.validate(order);

        assertThat(orders.validate(order.getBytes(StandardCharsets.UTF_8))).isEqualTo(fromText);
        assertThat(orders.validate(new ObjectMapper().readTree(order))).isEqualTo(fromText);
        assertThat(fromText).containsExactly(new JsonViolation("$.items[0].qty", "type", "string found, integer expected"));
    }

    @Test
    void aPayloadThatIsNotJsonIsOneSyntaxViolationWithLineAndColumn() {
        String broken = "{\"orderId\": \"6f1c1f0e\",\n \"total\": 9.99,,\n}";

        assertThat(orders.validate(broken)).containsExactly(new JsonViolation("$", "syntax",
                "not valid JSON at line 2, column 16: Unexpected character (',' (code 44)): was expecting double-quote to start field name"));
    }

    @Test
    void anEmptyPayloadOrTrailingTextIsASyntaxViolation() {
        assertThat(orders.validate(new byte[0])).containsExactly(
                new JsonViolation("$", "syntax", "empty payload, expected a JSON document"));
        assertThat(orders.validate(VALID_ORDER.trim() + " {}")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("not valid JSON at line 4, column 93: more after the end"
                        + " of the JSON value (a second value or stray characters)"));
    }

    @Test
    void aDuplicateKeyIsASyntaxViolation() {
        assertThat(orders.validate("{\"total\": 1,\n \"total\": 2}")).containsExactly(new JsonViolation("$", "syntax",
                "not valid JSON at line 2, column 9: Duplicate field 'total'"));
    }

    @Test
    void aMessageConformsWhenItsPayloadValidatesAndOtherwiseListsEachViolation() {
        var good = TestMessages.kafka("orders", 7, "o-1", VALID_ORDER, 0);
        var bad = TestMessages.kafka("orders", 8, "o-1", VALID_ORDER.replace("\"EUR\"", "\"euro\""), 0);
        var tombstone = TestMessages.kafka("orders", 9, "o-1", null, 0);

        assertThat(orders.violations(good)).isEmpty();
        assertThat(orders.violations(bad)).containsExactly("$.currency: does not match the regex pattern ^[A-Z]{3}$ (pattern)");
        assertThat(orders.violations(tombstone)).containsExactly(
                "$: message at kafka:orders[0]@9 has no payload, expected a JSON document (syntax)");
        assertThat(orders.describe()).isEqualTo("JSON Schema classpath:schemas/json/order-placed-v1.json (draft 2020-12)");
    }

    @Test
    void oneValidatorServesManyThreadsAtOnce() throws Exception {
        String bad = VALID_ORDER.replace("\"qty\": 2", "\"qty\": 0");
        List<JsonViolation> expected = orders.validate(bad);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String payload = i % 2 == 0 ? VALID_ORDER : bad;
                results.add(pool.submit(() -> orders.validate(payload).equals(payload.equals(bad) ? expected : List.of())));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aViolationIsValidatedOnConstruction() {
        assertThatThrownBy(() -> new JsonViolation("items[0]", "type", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("violation path must start with '$', was 'items[0]'");
        assertThatThrownBy(() -> new JsonViolation("$", " ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("violation keyword must not be blank, was ' '");
    }

    @Test
    void theDocumentIsACopyThatCallersCannotChange() {
        var document = orders.document();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove("required");

        assertThat(orders.document().has("required")).isTrue();
        assertThat(orders.validate("{}")).isNotEmpty();
    }
}
