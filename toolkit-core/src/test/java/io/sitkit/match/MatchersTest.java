package io.sitkit.match;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import org.junit.jupiter.api.Test;

import static io.sitkit.core.TestMessages.jms;
import static io.sitkit.core.TestMessages.kafka;
import static io.sitkit.match.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchersTest {
    private static final Message ORDER = kafka("orders", 3, "o-1",
            "{\"orderId\":\"o-1\",\"totalAmount\":42,\"items\":[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":1}],\"note\":null}", 0,
            Header.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), Header.of("source", "checkout"));
    private static final Message PAYMENT = jms("jms:queue:payments", "ID:1", "corr-9", "paid 42 EUR", 5,
            Header.typed("orderId", "o-1"), Header.typed("retries", 3), Header.typed("JMSXDeliveryCount", 4));

    @Test
    void keyMatchersCompareTheKeyAsText() {
        assertThat(key("o-1").matches(ORDER)).isTrue();
        assertThat(key("o-2").matches(ORDER)).isFalse();
        assertThat(keyMatches("o-\\d").matches(ORDER)).isTrue();
        assertThat(key("o-1").matches(PAYMENT)).isFalse();
        assertThat(key("o-2").explain(ORDER)).containsExactly(new Check("key == \"o-2\"", false, "was \"o-1\"", null));
    }

    @Test
    void headerMatchersReadTheLastHeaderAndTypedPropertiesByText() {
        assertThat(header("source").matches(ORDER)).isTrue();
        assertThat(header("source", "checkout").matches(ORDER)).isTrue();
        assertThat(headerMatches("traceparent", "00-.*-01").matches(ORDER)).isTrue();
        assertThat(header("retries", "3").matches(PAYMENT)).isTrue();
        assertThat(header("missing").explain(ORDER).get(0).actual()).isEqualTo("absent (headers: traceparent, source)");
    }

    @Test
    void propertyMatchersCompareTypeAndValue() {
        assertThat(property("retries", 3).matches(PAYMENT)).isTrue();
        assertThat(property("retries", "3").matches(PAYMENT)).isFalse();
        assertThat(property("retries", 3).describe()).isEqualTo("property retries == 3 (Integer)");
        assertThat(correlationId("corr-9").matches(PAYMENT)).isTrue();
        assertThat(correlationId("corr-9").explain(ORDER).get(0).actual()).isEqualTo("not a JMS message");
        assertThat(deliveryCountAtLeast(4).matches(PAYMENT)).isTrue();
        assertThat(deliveryCountAtLeast(5).matches(PAYMENT)).isFalse();
        assertThat(redelivered().matches(PAYMENT)).isTrue();
    }

    @Test
    void payloadMatchersWorkOnTheUtf8Text() {
        assertThat(payloadContains("42 EUR").matches(PAYMENT)).isTrue();
        assertThat(payloadMatches("paid \\d+").matches(PAYMENT)).isTrue();
        assertThat(payloadContains("USD").explain(PAYMENT).get(0).actual()).isEqualTo("payload was paid 42 EUR");
    }

    @Test
    void jsonPathConditionsCompareNumbersByValueAndStringsExactly() {
        assertThat(jsonPath("$.totalAmount").isEqualTo(42.0).matches(ORDER)).isTrue();
        assertThat(jsonPath("$.totalAmount").isEqualTo("42").matches(ORDER)).isFalse();
        assertThat(jsonPath("$.totalAmount").isGreaterThan(41).matches(ORDER)).isTrue();
        assertThat(jsonPath("$.totalAmount").isLessThanOrEqualTo(42).matches(ORDER)).isTrue();
        assertThat(jsonPath("$.totalAmount").isLessThan(42).matches(ORDER)).isFalse();
        assertThat(jsonPath("$.orderId").matches("o-\\d+").matches(ORDER)).isTrue();
        assertThat(jsonPath("$.orderId").isNotEqualTo("o-2").matches(ORDER)).isTrue();
        assertThat(jsonPath("$.items[1].sku").isEqualTo("B").matches(ORDER)).isTrue();
        assertThat(jsonPath("$.items[*].qty").isEqualTo(1).matches(ORDER)).isTrue();
        assertThat(jsonPath("$.items[?(@.qty > 1)].sku").isEqualTo("A").matches(ORDER)).isTrue();
    }

    @Test
    void presenceAndAbsenceTreatJsonNullAsPresent() {
        assertThat(jsonPath("$.note").exists().matches(ORDER)).isTrue();
        assertThat(jsonPath("$.nothing").exists().matches(ORDER)).isFalse();
        assertThat(jsonPath("$.nothing").isAbsent().matches(ORDER)).isTrue();
        assertThat(jsonPath("$.orderId").isAbsent().explain(ORDER).get(0).actual()).isEqualTo("was \"o-1\"");
        assertThat(jsonPath("$.nothing").isAbsent().matches(PAYMENT)).as("not JSON").isFalse();
    }

    @Test
    void aMissingFieldNamedInAnotherStyleGivesAHint() {
        Check check = jsonPath("$.total_amount").isEqualTo(42).explain(ORDER).get(0);
        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).isEqualTo("missing");
        assertThat(check.hint()).contains("total_amount").contains("totalAmount");
        assertThat(check.render()).isEqualTo("FAIL $.total_amount == 42: missing");
    }

    @Test
    void jsonEquivalenceExplainsANearMissFieldByField() {
        MessageMatcher m = jsonEquivalentTo("{\"orderId\":\"o-1\",\"total_amount\":42,\"items\":[],\"note\":null}",
                io.sitkit.diff.JsonDiff.strict().ignoring("$.items").allowingExtraFields());
        assertThat(m.matches(ORDER)).isFalse();
        assertThat(m.explain(ORDER)).extracting(Check::render)
                .containsExactly("ok   payload is JSON", "FAIL $.total_amount: missing (the message has $.totalAmount)");
        assertThat(jsonEquivalentTo("{\"orderId\":\"o-1\",\"totalAmount\":42.0,\"note\":null}",
                io.sitkit.diff.JsonDiff.strict().ignoring("$.items")).matches(ORDER)).isTrue();
        assertThat(jsonEquivalentTo("{}").explain(PAYMENT)).extracting(Check::render).containsExactly("FAIL payload is JSON: it is not");
        assertThatThrownBy(() -> jsonEquivalentTo("{oops")).hasMessageStartingWith("expected JSON does not parse: ");
    }

    @Test
    void nonJsonPayloadsSimplyDoNotMatch() {
        assertThat(jsonPath("$.a").isEqualTo(1).matches(PAYMENT)).isFalse();
        assertThat(jsonPath("$.a").isEqualTo(1).explain(PAYMENT).get(0).actual()).isEqualTo("payload is not JSON");
    }

    @Test
    void compositesDescribeThemselvesAndExplainEveryPart() {
        MessageMatcher m = key("o-1").and(jsonPath("$.totalAmount").isEqualTo(41)).and(not(header("x")).or(destination("kafka:other")));
        assertThat(m.describe()).isEqualTo("key == \"o-1\" and $.totalAmount == 41 and (not (header x present) or destination == kafka:other)");
        assertThat(m.matches(ORDER)).isFalse();
        assertThat(m.explain(ORDER)).extracting(Check::render).containsExactly(
                "ok   key == \"o-1\"", "FAIL $.totalAmount == 41: was 42", "ok   not (header x present)");
        assertThat(anyOf(key("x"), key("o-1")).matches(ORDER)).isTrue();
        assertThat(allOf(key("o-1"), destination("kafka:orders")).matches(ORDER)).isTrue();
    }

    @Test
    void customPredicatesCarryTheirDescriptionAndNeverThrow() {
        MessageMatcher big = matching("payload over 10 bytes", msg -> msg.payloadSize() > 10);
        assertThat(big.matches(ORDER)).isTrue();
        assertThat(big.describe()).isEqualTo("payload over 10 bytes");
        MessageMatcher broken = matching("throws", msg -> {
            throw new IllegalStateException("boom");
        });
        assertThat(broken.matches(ORDER)).isFalse();
    }

    @Test
    void throwingConditionsDoNotMatchAndSayWhy() {
        MessageMatcher uuid = jsonPath("$.orderId").satisfies("is a UUID", v -> java.util.UUID.fromString(v.asText()) != null);
        assertThat(uuid.matches(ORDER)).isFalse();
        MessageMatcher npe = matching("reads a missing key", msg -> msg.key().length > 100);
        assertThat(npe.explain(PAYMENT).get(0).actual()).startsWith("the predicate threw java.lang.NullPointerException");
    }

    @Test
    void plainPredicatesJoinMatchersAndStayMatchers() {
        MessageMatcher m = key("o-1").and(msg -> msg.payloadSize() > 10).negate();
        assertThat(m.describe()).isEqualTo("not (key == \"o-1\" and custom predicate)");
        assertThat(m.matches(ORDER)).isFalse();
        assertThat(key("x").or(msg -> true).matches(ORDER)).isTrue();
    }

    @Test
    void anInvalidJsonPathIsRejectedWithThePath() {
        assertThatThrownBy(() -> jsonPath("$.items[0").isEqualTo(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON path '$.items[0': ");
        assertThatThrownBy(() -> jsonPath("orderId")).hasMessage("invalid JSON path 'orderId': a path starts at the root, e.g. $.orderId");
        assertThatThrownBy(() -> jsonPath("$[")).hasMessage("invalid JSON path '$[': it ends before a bracket, quote or filter"
                + " is closed, or cannot be read");
    }
}
