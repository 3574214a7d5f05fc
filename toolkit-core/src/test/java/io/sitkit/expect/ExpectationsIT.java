package io.sitkit.expect;

import io.sitkit.core.Capture;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sitkit.match.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expectations against real embedded Kafka and ActiveMQ, with a relay of plain clients as the system under test. */
@ExtendWith(SharedEmbedded.class)
class ExpectationsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private EmbeddedEnvironment env;
    private Bus bus;
    private String orders;
    private String payments;
    private String shipments;

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        this.env = env;
        bus = env.openBus();
        String id = info.getTestMethod().orElseThrow().getName() + "-" + RUN.incrementAndGet();
        orders = "orders-" + id;
        payments = "payments-" + id;
        shipments = "shipments-" + id;
        bus.kafka().createTopic(orders, 1);
        bus.kafka().createTopic(shipments, 1);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    private CorrelationRules rules() {
        return CorrelationRules.byDefault(KeySource.kafkaKey())
                .on("kafka:" + orders, KeySource.jsonPath("$.orderId"))
                .on("jms:queue:" + payments, KeySource.header("orderId"));
    }

    @Test
    void aThreeHopFlowAcrossKafkaAndJmsIsFollowedByItsKey() throws Exception {
        try (Capture capture = bus.capture("kafka:" + orders, "jms:queue:" + payments, "kafka:" + shipments);
             Relay relay = new Relay(env.kafkaBootstrapServers().orElseThrow(), env.jmsBrokerUrl().orElseThrow(), orders, payments,
                     shipments, false)) {
            Expectations expect = Expectations.of(capture).withCorrelation(rules());
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-1\",\"total\":42}"));
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-2\",\"total\":7}"));

            Flow flow = expect.expectFlow("o-1").through("kafka:" + orders, "jms:queue:" + payments, "kafka:" + shipments)
                    .eachHopWithin(Duration.ofSeconds(10))
                    .consistent(FieldMapping.of("kafka:" + orders, "$.total").and("jms:queue:" + payments, "$.amount"))
                    .within(WAIT);

            assertThat(flow.messages()).hasSize(3);
            assertThat(flow.hops()).allSatisfy(h -> assertThat(h.latency()).isLessThan(Duration.ofSeconds(10)));
            assertThat(expect.flows().flow("o-2")).isPresent();
        }
    }

    @Test
    void aFieldRenamedBetweenServicesBreaksTheFlowsFieldConsistency() throws Exception {
        try (Capture capture = bus.capture("kafka:" + orders, "jms:queue:" + payments, "kafka:" + shipments);
             Relay relay = new Relay(env.kafkaBootstrapServers().orElseThrow(), env.jmsBrokerUrl().orElseThrow(), orders, payments,
                     shipments, true)) {
            Expectations expect = Expectations.of(capture).withCorrelation(rules());
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-1\",\"total\":42}"));
            assertThatThrownBy(() -> expect.expectFlow("o-1").through("kafka:" + orders, "jms:queue:" + payments)
                    .consistent(FieldMapping.of("kafka:" + orders, "$.total").and("jms:queue:" + payments, "$.amount"))
                    .within(WAIT))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but $.amount is missing on jms:queue:" + payments);
        }
    }

    @Test
    void aNegativeExpectationPassesOnHealthyCapturesAndFailsOnAnUnexpectedMessage() {
        try (Capture capture = bus.capture("kafka:" + orders, "jms:queue:" + payments)) {
            Expectations expect = Expectations.of(capture);
            bus.publish(OutgoingMessage.text("jms:queue:" + payments, "{\"status\":\"OK\"}"));
            expect.expect("jms:queue:" + payments).noMessage(payloadContains("FAILED")).within(Duration.ofMillis(300));

            bus.publish(OutgoingMessage.text("jms:queue:" + payments, "{\"status\":\"FAILED\"}"));
            assertThatThrownBy(() -> expect.expect("jms:queue:" + payments).noMessage(payloadContains("FAILED")).within(WAIT))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but saw 1 matching");
        }
    }

    @Test
    void anOrderingViolationAcrossTransportsIsReported() {
        try (Capture capture = bus.capture("kafka:" + orders, "jms:queue:" + payments)) {
            Expectations expect = Expectations.of(capture);
            bus.publish(OutgoingMessage.text("jms:queue:" + payments, "{\"orderId\":\"o-3\"}"));
            expect.expect("jms:queue:" + payments).message(anyMessage()).within(WAIT);
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-3\"}").withKey("o-3"));
            assertThatThrownBy(() -> expect.expectOrder("kafka:" + orders, key("o-3"))
                    .before("jms:queue:" + payments, jsonPath("$.orderId").isEqualTo("o-3")).within(WAIT))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but the second came first");
        }
    }

    @Test
    void duplicatesPerKeyAreDetected() {
        try (Capture capture = bus.capture("kafka:" + orders)) {
            Expectations expect = Expectations.of(capture);
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-4\"}").withKey("o-4"));
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-5\"}").withKey("o-5"));
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-4\"}").withKey("o-4"));
            expect.expect("kafka:" + orders).messages(anyMessage()).count(Count.atLeast(3)).within(WAIT);
            assertThatThrownBy(() -> expect.expect("kafka:" + orders).atMostOncePerKey(KeySource.jsonPath("$.orderId")).now())
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but key o-4 was seen twice:");
        }
    }

    @Test
    void aNamingMismatchNearMissIsExplainedToTheCharacter() {
        try (Capture capture = bus.capture("kafka:" + orders)) {
            Expectations expect = Expectations.of(capture);
            bus.publish(OutgoingMessage.text("kafka:" + orders, "{\"orderId\":\"o-7\",\"totalAmount\":42}").withKey("o-7"));
            expect.expect("kafka:" + orders).message(key("o-7")).within(WAIT);

            assertThatThrownBy(() -> expect.expect("kafka:" + orders)
                    .message(jsonPath("$.orderId").isEqualTo("o-7").and(jsonPath("$.total_amount").isEqualTo(42)))
                    .within(Duration.ofMillis(200)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessage("""
                            expected a message matching $.orderId == "o-7" and $.total_amount == 42
                              on kafka:%1$s
                              within 200ms (looking back at earlier messages)
                              but saw 0 matching
                              seen since the capture started: kafka:%1$s=1
                              nearest misses (1 of 1 on kafka:%1$s):
                                kafka:%1$s[0]@0 key=o-7 {"orderId":"o-7","totalAmount":42}
                                  ok   $.orderId == "o-7"
                                  FAIL $.total_amount == 42: missing
                              capture started from now: kafka:%1$s from now at offsets {0=0}
                              hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)"""
                            .formatted(orders));
        }
    }
}
