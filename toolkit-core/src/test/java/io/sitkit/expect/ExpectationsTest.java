package io.sitkit.expect;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.internal.CaptureBuffer;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.sitkit.core.TestMessages.jms;
import static io.sitkit.core.TestMessages.kafka;
import static io.sitkit.match.Matchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expectations over a capture buffer fed the way transports feed it; broker-backed cases are in ExpectationsIT. */
class ExpectationsTest {
    private static final Duration SHORT = Duration.ofMillis(50);
    private final CaptureBuffer capture = new CaptureBuffer(new LinkedHashSet<>(List.of(
            Destination.kafka("orders"), Destination.jmsQueue("payments"), Destination.kafka("shipments"))), 1000, "from now:");
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final Expectations expect = Expectations.of(capture).withCorrelation(CorrelationRules.byDefault(KeySource.kafkaKey())
            .on("kafka:orders", KeySource.jsonPath("$.orderId"))
            .on("jms:queue:payments", KeySource.header("orderId")));

    @AfterEach
    void stop() {
        later.shutdownNow();
        capture.close();
    }

    @Test
    void aMessageAlreadyCapturedSatisfiesTheExpectationAtOnce() {
        capture.accept(kafka("orders", 0, "o-1", "{\"orderId\":\"o-1\"}", 0));
        Message m = expect.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("o-1")).within(Duration.ZERO);
        assertThat(m.keyText()).hasValue("o-1");
    }

    @Test
    void theExpectationReturnsAsSoonAsALaterMessageArrives() {
        later.schedule(() -> capture.accept(kafka("orders", 0, "o-1", "{\"orderId\":\"o-1\"}", 0)), 30, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        expect.expect("kafka:orders").message(key("o-1")).within(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void onlyNewIgnoresWhatWasCapturedBefore() {
        capture.accept(kafka("orders", 0, "o-1", "{}", 0));
        DestinationExpectation fresh = expect.expect("kafka:orders").onlyNew();
        assertThatThrownBy(() -> fresh.message(key("o-1")).within(SHORT)).isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("(new messages only)");
        capture.accept(kafka("orders", 1, "o-1", "{}", 1));
        assertThat(fresh.message(key("o-1")).within(SHORT).kafka().orElseThrow().offset()).isEqualTo(1);
    }

    @Test
    void aQueueWatchedThroughAnEmptyMirrorTopicGetsAHintAboutTheBrokersMirroring() {
        capture.own(new io.sitkit.core.CaptureSession() {
            @Override
            public String describe() {
                return "jms:queue:payments via mirror topic VirtualTopic.Mirror.payments";
            }

            @Override
            public void close() {
            }
        });
        capture.accept(kafka("orders", 0, "o-1", "{}", 0));
        assertThatThrownBy(() -> expect.expect("jms:queue:payments").message(key("o-1")).within(SHORT))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("hint: jms:queue:payments was watched through its mirror topic and showed no message at all")
                .hasMessageContaining("Artemis: a non-exclusive divert");
        capture.accept(jms("jms:queue:payments", "ID:1", null, "pay", 1));
        assertThatThrownBy(() -> expect.expect("jms:queue:payments").message(key("o-1")).within(SHORT))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageNotContaining("mirror topic and showed no message");
    }

    @Test
    void aMissingMessageReportsWhatWasSeenAndTheNearestMissWithANamingHint() {
        capture.accept(kafka("orders", 0, "o-2", "{\"orderId\":\"o-2\",\"totalAmount\":42}", 0));
        capture.accept(kafka("orders", 1, "o-1", "{\"orderId\":\"o-1\",\"totalAmount\":42}", 1));
        capture.accept(jms("jms:queue:payments", "ID:1", null, "pay", 2));

        assertThatThrownBy(() -> expect.expect("kafka:orders")
                .message(jsonPath("$.orderId").isEqualTo("o-1").and(jsonPath("$.total_amount").isEqualTo(42))).within(SHORT))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessage("""
                        expected a message matching $.orderId == "o-1" and $.total_amount == 42
                          on kafka:orders
                          within 50ms (looking back at earlier messages)
                          but saw 0 matching
                          seen since the capture started: kafka:orders=2, jms:queue:payments=1, kafka:shipments=0
                          nearest misses (2 of 2 on kafka:orders):
                            kafka:orders[0]@1 key=o-1 {"orderId":"o-1","totalAmount":42}
                              ok   $.orderId == "o-1"
                              FAIL $.total_amount == 42: missing
                            kafka:orders[0]@0 key=o-2 {"orderId":"o-2","totalAmount":42}
                              FAIL $.orderId == "o-1": was "o-2"
                              FAIL $.total_amount == 42: missing
                          capture started from now:
                          hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)""");
    }

    @Test
    void countsExactlyAtLeastAndAtMost() {
        capture.accept(kafka("orders", 0, "o-1", "{}", 0));
        capture.accept(kafka("orders", 1, "o-1", "{}", 1));
        assertThat(expect.expect("kafka:orders").messages(key("o-1")).count(Count.exactly(2)).within(SHORT)).hasSize(2);
        assertThat(expect.expect("kafka:orders").messages(key("o-1")).count(Count.atLeast(1)).within(SHORT)).hasSize(2);
        assertThat(expect.expect("kafka:orders").messages(key("o-1")).count(Count.atMost(2)).within(SHORT)).hasSize(2);
        assertThatThrownBy(() -> expect.expect("kafka:orders").messages(key("o-1")).count(Count.atMost(1)).within(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("""
                        expected at most 1 message matching key == "o-1"
                          on kafka:orders
                          within 30s (looking back at earlier messages)
                          but saw 2 matching""");
        assertThatThrownBy(() -> expect.expect("kafka:orders").messages(key("o-1")).count(Count.exactly(3)).within(SHORT))
                .hasMessageContaining("but saw 2 matching");
    }

    @Test
    void aNegativeExpectationPassesOnlyAfterItsWholeWindow() {
        capture.accept(kafka("orders", 0, "o-1", "{}", 0));
        long t0 = System.nanoTime();
        expect.expect("kafka:orders").noMessage(key("o-2")).within(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aNegativeExpectationFailsAtTheFirstMatchNamingIt() {
        // onlyNew() marks its start when called: the message is scheduled only after, so it is always new.
        NoMessageExpectation none = expect.expect("kafka:orders").onlyNew().noMessage(key("o-2"));
        later.schedule(() -> capture.accept(kafka("orders", 4, "o-2", "{\"status\":\"FAILED\"}", 0)), 20, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> none.within(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("expected no message matching key == \"o-2\"\n  on kafka:orders\n  within 30s (new messages only)\n  but saw 1 matching")
                .hasMessageContaining("    kafka:orders[0]@4 key=o-2 {\"status\":\"FAILED\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aNegativeExpectationOverABlindCaptureIsAnEnvironmentErrorNotAPass() {
        // Blind when the window opens and all through it (a report scheduled into a 100 ms window could come after it on a loaded machine).
        capture.health(Destination.kafka("orders"), "no connection to Kafka at 127.0.0.1:1");
        assertThatThrownBy(() -> expect.expect("kafka:orders").noMessage(key("o-2")).within(Duration.ofMillis(100)))
                .isInstanceOf(CaptureBlindException.class)
                .hasMessageStartingWith("cannot confirm no message matching key == \"o-2\" on kafka:orders within 100ms: "
                        + "the capture was not healthy for the whole window:\n  kafka:orders is blind since ")
                .hasMessageEndingWith(": no connection to Kafka at 127.0.0.1:1");
    }

    @Test
    void aFailedCaptureEndsTheWaitAtOnce() {
        later.schedule(() -> capture.failed(Destination.jmsQueue("payments"), new IllegalStateException("connection lost")), 20,
                TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> expect.expect("jms:queue:payments").message(anyMessage()).within(Duration.ofSeconds(30)))
                .isInstanceOf(CaptureBlindException.class)
                .hasMessageContaining("jms:queue:payments failed: java.lang.IllegalStateException: connection lost");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEnvironmentErrorIsRedactedToo() {
        capture.failed(Destination.jmsQueue("payments"), new IllegalStateException("login refused for password s3cr3t-pass"));
        Expectations redacting = expect.withRedactor(Redactor.builder().secretValues("s3cr3t-pass").build());
        assertThatThrownBy(() -> redacting.expect("jms:queue:payments").noMessage(anyMessage()).within(Duration.ofSeconds(30)))
                .isInstanceOf(CaptureBlindException.class)
                .hasMessageContaining("login refused for password ******")
                .hasMessageNotContaining("s3cr3t-pass");
    }

    @Test
    void orderingPassesWhenAComesBeforeBAndFailsAtOnceWhenBComesFirst() {
        capture.accept(kafka("orders", 0, "o-1", "{\"orderId\":\"o-1\"}", 0));
        capture.accept(jms("jms:queue:payments", "ID:1", null, "pay", 5, Header.typed("orderId", "o-1")));
        assertThat(expect.expectOrder("kafka:orders", key("o-1")).before("jms:queue:payments", header("orderId", "o-1")).within(SHORT))
                .hasSize(2);

        capture.accept(jms("jms:queue:payments", "ID:2", null, "pay", 6, Header.typed("orderId", "o-2")));
        capture.accept(kafka("orders", 1, "o-2", "{\"orderId\":\"o-2\"}", 9));
        assertThatThrownBy(() -> expect.expectOrder("kafka:orders", key("o-2")).before("jms:queue:payments", header("orderId", "o-2"))
                .within(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessage("""
                        expected key == "o-2" on kafka:orders before header orderId == "o-2" on jms:queue:payments
                          within 30s
                          but the second came first
                          second:
                            jms:queue:payments id=ID:2 pay
                          first:
                            kafka:orders[0]@1 key=o-2 {"orderId":"o-2"}
                          seen since the capture started: kafka:orders=2, jms:queue:payments=2, kafka:shipments=0
                          capture started from now:""");
    }

    @Test
    void perKeyOrderAndDuplicatesAreCheckedPerKey() {
        capture.accept(kafka("orders", 0, "a", "{\"seq\":1}", 0));
        capture.accept(kafka("orders", 1, "b", "{\"seq\":1}", 1));
        capture.accept(kafka("orders", 2, "a", "{\"seq\":2}", 2));
        expect.expect("kafka:orders").inOrderPerKey(KeySource.kafkaKey(), "$.seq").now();
        assertThatThrownBy(() -> expect.expect("kafka:orders").atMostOncePerKey(KeySource.kafkaKey()).now())
                .hasMessage("""
                        expected at most one message per key
                          on kafka:orders
                          within 0ms (looking back at earlier messages)
                          but key a was seen twice:
                            kafka:orders[0]@0 key=a {"seq":1}
                            kafka:orders[0]@2 key=a {"seq":2}
                          seen since the capture started: kafka:orders=3, jms:queue:payments=0, kafka:shipments=0
                          capture started from now:""");

        later.schedule(() -> capture.accept(kafka("orders", 3, "a", "{\"seq\":1}", 3)), 20, TimeUnit.MILLISECONDS);
        assertThatThrownBy(() -> expect.expect("kafka:orders").inOrderPerKey(KeySource.kafkaKey(), "$.seq").during(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("but key a went from $.seq 2 to 1:");
    }

    @Test
    void aFlowPassesThroughItsHopsInOrderWithConsistentFields() {
        capture.accept(kafka("orders", 0, "x", "{\"orderId\":\"o-1\",\"total\":42}", 0));
        capture.accept(jms("jms:queue:payments", "ID:1", null, "{\"amount\":42.0}", 15, Header.typed("orderId", "o-1")));
        capture.accept(kafka("shipments", 0, "o-1", "{}", 40));

        Flow flow = expect.expectFlow("o-1").through("kafka:orders", "jms:queue:payments", "kafka:shipments")
                .eachHopWithin(Duration.ofSeconds(1))
                .consistent(FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount"))
                .within(SHORT);
        assertThat(flow.hops()).hasSize(2);

        assertThatThrownBy(() -> expect.expectFlow("o-1").through("kafka:orders", "jms:queue:payments").hopWithin(1, Duration.ofMillis(10))
                .within(SHORT)).hasMessageContaining("but hop 1 kafka:orders -> jms:queue:payments took 15ms, over its bound of 10ms");
        assertThatThrownBy(() -> expect.expectFlow("o-1").through("kafka:orders", "jms:queue:payments")
                .consistent(FieldMapping.of("kafka:orders", "$.orderId").and("jms:queue:payments", "$.amount")).within(SHORT))
                .hasMessageContaining("but $.orderId on kafka:orders is \"o-1\" while $.amount on jms:queue:payments is 42.0");
    }

    @Test
    void aHopThatNeverComesFailsAtItsOwnBoundNotAtTheOverallDeadline() {
        Instant now = Instant.now();
        capture.accept(new Message(Destination.kafka("orders"), null, io.sitkit.core.Headers.empty(),
                "{\"orderId\":\"o-5\"}".getBytes(), io.sitkit.core.BodyType.BYTES, now, now, new io.sitkit.core.KafkaMetadata(0, 9, "CreateTime", -1)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> expect.expectFlow("o-5").through("kafka:orders", "jms:queue:payments")
                .hopWithin(1, Duration.ofMillis(300)).within(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("but hop 1 kafka:orders -> jms:queue:payments was not reached within its bound of 300ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBrokenFlowNamesTheHopsReachedAndTheHopThatBroke() {
        capture.accept(kafka("orders", 0, "x", "{\"orderId\":\"o-1\"}", 0));
        capture.accept(jms("jms:queue:payments", "ID:1", null, "{}", 15, Header.typed("orderId", "o-1")));
        capture.accept(kafka("shipments", 0, "o-9", "{}", 40));

        assertThatThrownBy(() -> expect.expectFlow("o-1").through("kafka:orders", "jms:queue:payments", "kafka:shipments")
                .within(SHORT))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessage("""
                        expected flow o-1 through kafka:orders -> jms:queue:payments -> kafka:shipments
                          correlated by kafka:orders by $.orderId, jms:queue:payments by header orderId, kafka:shipments by key
                          within 50ms
                          but it broke at hop 2 jms:queue:payments -> kafka:shipments: no message with key o-1 on kafka:shipments after the one on jms:queue:payments
                          reached:
                            1. at +0ms: kafka:orders[0]@0 key=x {"orderId":"o-1"}
                            2. hop 1 in 15ms: jms:queue:payments id=ID:1 {}
                          seen since the capture started: kafka:orders=1, jms:queue:payments=1, kafka:shipments=1
                          capture started from now:
                          on kafka:shipments (1 message) the keys by key were: o-9""");
    }

    @Test
    void aKeySeenOffTheRouteOnADestinationOfTheMissingKindIsNamedInAHint() {
        capture.accept(jms("jms:queue:payments", "ID:7", null, "{\"orderId\":\"o-7\"}", 0));
        capture.accept(kafka("orders", 0, "x", "{\"orderId\":\"o-7\"}", 5));
        Expectations byOrder = expect.withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.orderId")));

        assertThatThrownBy(() -> byOrder.expectFlow("o-7").through("jms:queue:payments", "kafka:shipments").within(SHORT))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageEndingWith("\n  hint: key o-7 was seen on kafka:orders, which the flow does not pass through"
                        + " — sent to the wrong destination?");
    }

    @Test
    void failureMessagesAreRedacted() {
        capture.accept(kafka("orders", 0, "o-1", "{\"orderId\":\"o-1\",\"cardNumber\":\"4111111111111111\",\"token\":\"s3cr3t-t0ken\"}", 0));
        Expectations redacting = expect.withRedactor(Redactor.builder().fields("cardNumber").secretValues("s3cr3t-t0ken").build());
        assertThatThrownBy(() -> redacting.expect("kafka:orders").message(jsonPath("$.cardNumber").isEqualTo("4111111111111111")
                .and(payloadContains("s3cr3t-t0ken")).and(key("o-2"))).within(SHORT))
                .hasMessageNotContaining("4111111111111111")
                .hasMessageNotContaining("s3cr3t-t0ken")
                .hasMessageContaining("ok   $.cardNumber == \"******\"")
                .hasMessageContaining("FAIL key == \"o-2\": was \"o-1\"");
    }

    @Test
    void aKeyedExpectationSeesEveryMessageOfItsKeyWhateverItsTimestamp() {
        capture.accept(kafka("shipments", 0, "k", "{\"bad\":false}", 50));
        Expectations keyed = expect.withCorrelation(CorrelationRules.byDefault(KeySource.kafkaKey()));
        keyed.flows().catchUp();
        // Arrives while the expectation waits, with an earlier own timestamp: a flow would sort it first.
        later.schedule(() -> capture.accept(kafka("shipments", 1, "k", "{\"bad\":true}", 10)), 30, TimeUnit.MILLISECONDS);
        assertThatThrownBy(() -> keyed.expect("kafka:shipments").forKey("k").noMessage(jsonPath("$.bad").isEqualTo(true))
                .within(Duration.ofSeconds(30)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("on kafka:shipments, key k by key");
        assertThat(keyed.expect("kafka:shipments").forKey("k").messages(anyMessage()).count(Count.exactly(2)).within(SHORT)).hasSize(2);
        assertThatThrownBy(() -> keyed.expect("kafka:shipments").onlyNew().forKey("k"))
                .hasMessageStartingWith("forKey(…) reads the flow index");
    }

    @Test
    void aNegativeExpectationOverACaptureThatDroppedMessagesIsAnEnvironmentError() {
        CaptureBuffer small = new CaptureBuffer(java.util.Set.of(Destination.kafka("orders")), 1, "from now:");
        small.accept(kafka("orders", 0, "a", "{}", 0));
        small.accept(kafka("orders", 1, "b", "{\"status\":\"FAILED\"}", 1));
        assertThatThrownBy(() -> Expectations.of(small).expect("kafka:orders").noMessage(jsonPath("$.status").isEqualTo("FAILED"))
                .within(Duration.ZERO))
                .isInstanceOf(CaptureBlindException.class)
                .hasMessageContaining("1 message(s) were dropped at the capture's buffer bound");
    }

    @Test
    void aMessageWithoutItsSequenceNumberBreaksPerKeyOrder() {
        capture.accept(kafka("orders", 0, "a", "{\"seq\":\"2\"}", 0));
        capture.accept(kafka("orders", 1, "a", "{\"seq\":\"1\"}", 1));
        assertThatThrownBy(() -> expect.expect("kafka:orders").inOrderPerKey(KeySource.kafkaKey(), "$.seq").now())
                .hasMessageContaining("but key a went from $.seq 2 to 1:");
        CaptureBuffer other = new CaptureBuffer(java.util.Set.of(Destination.kafka("orders")), 10, "from now:");
        other.accept(kafka("orders", 0, "b", "{\"seq\":1}", 0));
        other.accept(kafka("orders", 1, "b", "{}", 1));
        assertThatThrownBy(() -> Expectations.of(other).expect("kafka:orders").inOrderPerKey(KeySource.kafkaKey(), "$.seq").now())
                .hasMessageContaining("but key b has no number at $.seq:");
    }

    @Test
    void aFlowWithoutACorrelationRuleIsRefusedAtOnce() {
        assertThatThrownBy(() -> Expectations.of(capture).expectFlow("o-1").through("kafka:orders"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no correlation rule covers kafka:orders");
        assertThatThrownBy(() -> expect.expectFlow("o-1").through("kafka:orders").consistent(FieldMapping.of("kafka:shipments", "$.x")).within(SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which the flow does not pass through");
    }

    @Test
    void anExpectationOnADestinationThatIsNotCapturedIsRefusedAtOnce() {
        assertThatThrownBy(() -> expect.expect("kafka:other"))
                .hasMessage("kafka:other is not captured here; captured: [kafka:orders, jms:queue:payments, kafka:shipments]"
                        + " — add it to the capture before the system under test runs");
    }

    @Test
    void expectationsComposeWithAwaitilityForConditionsOutsideTheBus() {
        java.util.concurrent.atomic.AtomicBoolean rowWritten = new java.util.concurrent.atomic.AtomicBoolean();
        later.schedule(() -> {
            capture.accept(kafka("orders", 0, "o-1", "{}", 0));
            rowWritten.set(true);
        }, 20, TimeUnit.MILLISECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).untilAsserted(() -> {
            assertThat(rowWritten).isTrue();
            expect.expect("kafka:orders").message(key("o-1")).within(Duration.ZERO);
        });
    }

    @Test
    void customConditionsAreReevaluatedAsMessagesArrive() {
        later.schedule(() -> capture.accept(kafka("shipments", 0, "o-1", "{}", 0)), 20, TimeUnit.MILLISECONDS);
        expect.until("a shipment", () -> capture.messages(Destination.kafka("shipments")).size() == 1, Duration.ofSeconds(30));
        assertThatThrownBy(() -> expect.until("two shipments", () -> capture.size() == 2, SHORT))
                .hasMessageStartingWith("expected two shipments\n  within 50ms\n  but it did not hold");
    }
}
