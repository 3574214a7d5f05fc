package io.sitkit.junit.assertions;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.junit.assertions.TestMessages.jms;
import static io.sitkit.junit.assertions.TestMessages.kafka;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageAssertHeadersTest {
    private final Message order = kafka("orders", "o-1", "{\"orderId\":\"o-1\"}",
            Header.of("traceparent", "00-abc"), Header.of("eventType", "OrderPlaced"));
    private final Message payment = jms("payments", "ID:1", "c-1", "{}", 0, Header.typed("retries", "3"));

    @Test
    void aMessageOnTheExpectedDestinationPasses() {
        assertThat(order).isOn("kafka:orders");
    }

    @Test
    void aMessageOnAnotherDestinationFailsNamingWhereItWas() {
        assertThatThrownBy(() -> assertThat(order).isOn("kafka:payments"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected a message on kafka:payments\n"
                        + "  but it was on kafka:orders[0]@7");
    }

    @Test
    void aDescriptionSetWithAsPrefixesTheFailure() {
        assertThatThrownBy(() -> assertThat(order).as("the placed order").isOn("jms:queue:orders"))
                .hasMessage("[the placed order] expected a message on jms:queue:orders\n"
                        + "  but it was on kafka:orders[0]@7");
    }

    @Test
    void aNullMessageFailsAsAssertJSays() {
        assertThatThrownBy(() -> assertThat((Message) null).hasKey("o-1"))
                .hasMessage("\nExpecting actual not to be null");
    }

    @Test
    void theExpectedKeyPasses() {
        assertThat(order).hasKey("o-1");
    }

    @Test
    void anotherKeyFailsWithTheKeyItHad() {
        assertThatThrownBy(() -> assertThat(order).hasKey("o-2"))
                .hasMessage("expected key \"o-2\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but was \"o-1\"");
    }

    @Test
    void aMessageWithoutKeyFailsSayingSo() {
        assertThatThrownBy(() -> assertThat(kafka("orders", null, "{}")).hasKey("o-1"))
                .hasMessage("expected key \"o-1\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but no key");
    }

    @Test
    void presentHeadersWithTheirValuesPass() {
        assertThat(order).hasHeader("traceparent").hasHeader("eventType", "OrderPlaced")
                .hasHeaderMatching("traceparent", "00-[a-f0-9]+");
    }

    @Test
    void aMissingHeaderFailsListingTheHeadersAndHintingAtTheSpelling() {
        assertThatThrownBy(() -> assertThat(order).hasHeader("traceParent"))
                .hasMessage("expected header traceParent present\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it was absent\n"
                        + "  headers: traceparent=00-abc, eventType=OrderPlaced\n"
                        + "  hint: header `traceParent` missing; the message has `traceparent` (different case)");
    }

    @Test
    void aHeaderWithAnotherValueFailsWithTheValue() {
        assertThatThrownBy(() -> assertThat(order).hasHeader("eventType", "OrderPaid"))
                .hasMessage("expected header eventType == \"OrderPaid\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but was \"OrderPlaced\"\n"
                        + "  headers: traceparent=00-abc, eventType=OrderPlaced");
    }

    @Test
    void aHeaderNotMatchingTheRegexFailsWithTheValue() {
        assertThatThrownBy(() -> assertThat(order).hasHeaderMatching("traceparent", "00-[0-9]+"))
                .hasMessage("expected header traceparent matches /00-[0-9]+/\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but was \"00-abc\"\n"
                        + "  headers: traceparent=00-abc, eventType=OrderPlaced");
    }

    @Test
    void aMessageWithoutHeadersSaysNone() {
        assertThatThrownBy(() -> assertThat(kafka("orders", "o-1", "{}")).hasHeader("traceparent"))
                .hasMessage("expected header traceparent present\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it was absent\n"
                        + "  headers: (none)");
    }

    @Test
    void aTypedPropertyOfTheRightTypeAndValuePasses() {
        assertThat(jms("payments", "ID:2", null, "{}", 0, Header.typed("retries", 3))).hasProperty("retries", 3);
    }

    @Test
    void aPropertyOfAnotherTypeFailsNamingBothTypes() {
        assertThatThrownBy(() -> assertThat(payment).hasProperty("retries", 3))
                .hasMessage("expected property retries == 3 (Integer)\n"
                        + "  on jms:queue:payments id=ID:1\n"
                        + "  but was \"3\" (STRING)\n"
                        + "  headers: retries=3 (STRING)\n"
                        + "  hint: the text matches but the property's type is STRING, not Integer");
    }

    @Test
    void theExpectedCorrelationIdPasses() {
        assertThat(payment).hasCorrelationId("c-1");
    }

    @Test
    void anotherCorrelationIdFailsWithTheOneItHad() {
        assertThatThrownBy(() -> assertThat(payment).hasCorrelationId("c-2"))
                .hasMessage("expected JMSCorrelationID \"c-2\"\n"
                        + "  on jms:queue:payments id=ID:1\n"
                        + "  but was \"c-1\"");
    }

    @Test
    void aJmsMessageWithoutCorrelationIdFailsSayingItHadNone() {
        assertThatThrownBy(() -> assertThat(jms("payments", "ID:3", null, "{}", 0)).hasCorrelationId("c-1"))
                .hasMessage("expected JMSCorrelationID \"c-1\"\n"
                        + "  on jms:queue:payments id=ID:3\n"
                        + "  but it had none");
    }

    @Test
    void aKafkaRecordHasNoCorrelationIdAndTheHintSaysWhatToAssertInstead() {
        assertThatThrownBy(() -> assertThat(order).hasCorrelationId("c-1"))
                .hasMessage("expected JMSCorrelationID \"c-1\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but it is not a JMS message\n"
                        + "  hint: a correlation id is a JMS header; on Kafka assert the key or a header: hasKey(…), hasHeader(…)");
    }

    @Test
    void sensitiveHeadersAreMaskedInFailures() {
        Message withToken = kafka("orders", "o-1", "{}", Header.of("authToken", "tok-12345"), Header.of("status", "NEW"));
        assertThatThrownBy(() -> assertThat(withToken).withRedactor(Redactor.builder().secretValues("tok-12345").build())
                .hasHeader("status", "PAID"))
                .hasMessage("expected header status == \"PAID\"\n"
                        + "  on kafka:orders[0]@7\n"
                        + "  but was \"NEW\"\n"
                        + "  headers: authToken=******, status=NEW");
    }

    @Test
    void aFailMessageSetWithWithFailMessageReplacesOurs() {
        assertThatThrownBy(() -> assertThat(order).withFailMessage("wrong topic").isOn("kafka:payments"))
                .hasMessage("wrong topic");
    }
}
