package io.sitkit.correlate;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.internal.CaptureBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import static io.sitkit.core.TestMessages.jms;
import static io.sitkit.core.TestMessages.kafka;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {
    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void eachKeySourceFindsTheKeyWhereItLives() {
        Message order = kafka("orders", 0, "k-1", "{\"orderId\":\"o-1\",\"customer\":{\"id\":7}}", 0, Header.of("traceparent", TRACE));
        Message reply = jms("jms:queue:replies", "ID:2", "ID:1", "ok", 0, Header.typed("orderId", "o-1"));

        assertThat(KeySource.kafkaKey().keyOf(order)).hasValue("k-1");
        assertThat(KeySource.jsonPath("$.orderId").keyOf(order)).hasValue("o-1");
        assertThat(KeySource.jsonPath("$.customer.id").keyOf(order)).hasValue("7");
        assertThat(KeySource.jsonPath("$['customer']['id']").keyOf(order)).hasValue("7");
        assertThat(KeySource.traceId().keyOf(order)).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(KeySource.header("orderId").keyOf(reply)).hasValue("o-1");
        assertThat(KeySource.jmsCorrelationId().keyOf(reply)).hasValue("ID:1");
        assertThat(KeySource.jmsMessageId().keyOf(reply)).hasValue("ID:2");
        assertThat(KeySource.jmsMessageId().keyOf(order)).isEmpty();
        assertThat(KeySource.jsonPath("$.orderId").keyOf(reply)).as("not JSON").isEmpty();
    }

    @Test
    void aMalformedTraceparentCarriesNoKey() {
        Message m = kafka("orders", 0, null, "{}", 0, Header.of("traceparent", "00-zzzz-01"));
        assertThat(KeySource.traceId().keyOf(m)).isEmpty();
        Message zero = kafka("orders", 0, null, "{}", 0, Header.of("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"));
        assertThat(KeySource.traceId().keyOf(zero)).isEmpty();
    }

    @Test
    void differentDestinationsMayCarryTheSameKeyDifferently() {
        CorrelationRules rules = CorrelationRules.byDefault(KeySource.kafkaKey())
                .on("kafka:orders", KeySource.jsonPath("$.orderId"))
                .on("jms:queue:payments", KeySource.header("orderId"));
        List<Message> messages = List.of(
                kafka("orders", 0, "x", "{\"orderId\":\"o-1\"}", 0),
                jms("jms:queue:payments", "ID:1", null, "pay", 12, Header.typed("orderId", "o-1")),
                kafka("shipments", 0, "o-1", "{}", 40),
                kafka("orders", 1, "y", "{\"orderId\":\"o-2\"}", 5));

        FlowIndex index = FlowIndex.of(messages, rules);
        Flow flow = index.flow("o-1").orElseThrow();

        assertThat(flow.destinations()).containsExactly(Destination.kafka("orders"), Destination.jmsQueue("payments"),
                Destination.kafka("shipments"));
        assertThat(flow.hops()).extracting(Hop::latency).containsExactly(Duration.ofMillis(12), Duration.ofMillis(28));
        assertThat(flow.duration()).isEqualTo(Duration.ofMillis(40));
        assertThat(index.flow("o-2").orElseThrow().messages()).hasSize(1);
        assertThat(index.flow("o-3")).isEmpty();
        assertThat(index.keys()).containsExactlyInAnyOrder("o-1", "o-2");
    }

    @Test
    void flowsAreOrderedByCaptureTimeWhateverTheArrivalOrder() {
        List<Message> messages = List.of(kafka("b", 0, "k", "{}", 30), kafka("a", 0, "k", "{}", 10), kafka("c", 0, "k", "{}", 20));
        Flow flow = FlowIndex.of(messages, CorrelationRules.byDefault(KeySource.kafkaKey())).flow("k").orElseThrow();
        assertThat(flow.destinations()).extracting(Destination::name).containsExactly("a", "c", "b");
        assertThat(flow.describe()).isEqualTo("""
                flow k (3 messages)
                  +0ms kafka:a[0]@0
                  +10ms kafka:c[0]@0
                  +20ms kafka:b[0]@0""");
    }

    @Test
    void anIndexOverALiveCaptureReadsOnlyWhatArrivedSinceItsLastCall() {
        CaptureBuffer capture = new CaptureBuffer(new LinkedHashSet<>(List.of(Destination.kafka("orders"))), 100, "from now:");
        FlowIndex index = FlowIndex.over(capture, CorrelationRules.byDefault(KeySource.kafkaKey()));
        capture.accept(kafka("orders", 0, "k", "{}", 0));
        assertThat(index.flow("k").orElseThrow().messages()).hasSize(1);
        capture.accept(kafka("orders", 1, "k", "{}", 5));
        capture.accept(kafka("orders", 2, "j", "{}", 6));
        assertThat(index.catchUp()).isEqualTo(3);
        assertThat(index.flow("k").orElseThrow().messages()).hasSize(2);
        assertThat(index.keyCount()).isEqualTo(2);
    }

    @Test
    void destinationsWithoutARuleAreNotCorrelatedUnlessThereIsADefault() {
        CorrelationRules only = CorrelationRules.none().on("kafka:orders", KeySource.kafkaKey());
        assertThat(only.keyOf(kafka("orders", 0, "k", "{}", 0))).hasValue("k");
        assertThat(only.keyOf(kafka("other", 0, "k", "{}", 0))).isEmpty();
        assertThat(only.toString()).isEqualTo("CorrelationRules{kafka:orders by key, others by nothing}");
    }

    @Test
    void rulesDescribeThemselvesInTheOrderTheyWereGiven() {
        CorrelationRules rules = CorrelationRules.byDefault(KeySource.header("orderId"))
                .on("kafka:shipments", KeySource.kafkaKey()).on("jms:queue:payments", KeySource.jmsCorrelationId())
                .on("kafka:orders", KeySource.jsonPath("$.orderId")).on("jms:queue:audit", KeySource.traceId());

        assertThat(rules.toString()).isEqualTo("CorrelationRules{kafka:shipments by key, jms:queue:payments by JMSCorrelationID,"
                + " kafka:orders by $.orderId, jms:queue:audit by traceparent trace id, others by header orderId}");
    }
}
