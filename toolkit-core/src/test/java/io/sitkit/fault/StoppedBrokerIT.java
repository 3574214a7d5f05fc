package io.sitkit.fault;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Capture;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.expect.CaptureBlindException;
import io.sitkit.expect.Expectations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static io.sitkit.match.Matchers.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Brokers that were up and then stopped: every operation fails within the configured bound with one
 * message that names the broker address and what was attempted. Expectations come first, so that the
 * Kafka one is already waiting when its capture notices the outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoppedBrokerIT {
    private static final Duration T = Duration.ofSeconds(2);
    /** T, plus the one-second reachability probe, plus slack for a loaded machine. */
    private static final Duration CALL_BOUND = T.plusSeconds(2);
    private static final String HINT = "(sitkit.kafka.timeout); check that the broker runs and that "
            + "sitkit.kafka.bootstrap-servers is right";
    private static EmbeddedEnvironment env;
    private static Bus bus;
    private static Capture kafkaCapture;
    private static Capture jmsCapture;
    private static String kafka;
    private static String jms;

    @BeforeAll
    static void startUseThenStopBothBrokers() {
        env = (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of(
                "sitkit.kafka.timeout", "2s", "sitkit.jms.timeout", "2s")));
        bus = env.openBus();
        bus.publish(OutgoingMessage.text("kafka:orders", "before"));       // metadata cached, connections open
        bus.publish(OutgoingMessage.text("jms:queue:payments", "before"));
        kafkaCapture = bus.capture("kafka:orders");
        jmsCapture = bus.capture("jms:queue:payments");
        kafka = env.kafkaBroker().orElseThrow().bootstrapServers();
        jms = env.activeMqBroker().orElseThrow().brokerUrl();
        env.kafkaBroker().orElseThrow().stop();
        env.activeMqBroker().orElseThrow().stop();
    }

    @AfterAll
    static void close() {
        env.close();
    }

    /** Runs {@code action}, asserts it failed within {@code bound}, and returns its message. */
    private static String failsWithin(Duration bound, Class<? extends Throwable> type, Executable action) {
        long t0 = System.nanoTime();
        Throwable thrown = catchThrowable(action::execute);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("failed after %d ms: %s%n", took.toMillis(), thrown);
        assertThat(thrown).isInstanceOf(type);
        assertThat(took).as("time to fail").isLessThan(bound);
        return thrown.getMessage();
    }

    @Test
    @Order(1)
    void aWaitingKafkaExpectationEndsOnceTheCaptureHasHadNoBrokerForTheTimeout() {
        String message = failsWithin(T.plusSeconds(2), CaptureBlindException.class, () -> Expectations.of(kafkaCapture)
                .expect("kafka:orders").message(key("o-1")).within(Duration.ofSeconds(30)));

        assertThat(message).matches(Pattern.quote("""
                expected a message matching key == "o-1"
                  on kafka:orders
                  within 30s (looking back at earlier messages)
                  but the capture stopped seeing messages while waiting:
                  kafka:orders failed: io.sitkit.core.BrokerUnavailableException: Kafka at %s is unreachable: \
                capturing [kafka:orders] had no broker connection for PT2S %s
                  kafka:orders is blind since\s""".formatted(kafka, HINT)) + "\\S+: no connection to Kafka at " + kafka);
    }

    @Test
    @Order(2)
    void aWaitingJmsExpectationEndsAtOnceWhenItsConnectionIsLost() {
        String message = failsWithin(Duration.ofSeconds(1), CaptureBlindException.class, () -> Expectations.of(jmsCapture)
                .expect("jms:queue:payments").message(key("o-1")).within(Duration.ofSeconds(30)));

        assertThat(message).matches(Pattern.quote("""
                expected a message matching key == "o-1"
                  on jms:queue:payments
                  within 30s (looking back at earlier messages)
                  but the capture stopped seeing messages while waiting:
                  jms:queue:payments failed: io.sitkit.core.SitkitException: connection to JMS broker %s lost: \
                """.formatted(jms)) + "java\\.(io|net)\\.\\w+(: Connection reset)?");
    }

    @Test
    void publishingToAStoppedKafkaFailsWithinTheBound() {
        assertThat(failsWithin(CALL_BOUND, BrokerUnavailableException.class,
                () -> bus.publish(OutgoingMessage.text("kafka:orders", "after"))))
                .isEqualTo("Kafka at " + kafka + " is unreachable: publishing to kafka:orders got no answer within PT2S " + HINT);
    }

    @Test
    void capturingAStoppedKafkaFailsWithinTheBound() {
        assertThat(failsWithin(CALL_BOUND, BrokerUnavailableException.class, () -> bus.capture("kafka:orders")))
                .isEqualTo("Kafka at " + kafka + " is unreachable: starting a capture of [kafka:orders] got no answer within PT2S " + HINT);
    }

    @Test
    void browsingAStoppedKafkaFailsWithinTheBound() {
        assertThat(failsWithin(CALL_BOUND, BrokerUnavailableException.class, () -> bus.browse(BrowseRequest.of("kafka:orders"))))
                .isEqualTo("Kafka at " + kafka + " is unreachable: browsing kafka:orders got no answer within PT2S " + HINT);
    }

    private static String refused(String what) {
        return "JMS broker at " + jms + " is unreachable: " + what + " failed: Could not connect to broker URL: " + jms
                + ". Reason: java.net.ConnectException: Connection refused";
    }

    @Test
    void publishingToAStoppedActiveMqFailsWithinTheBound() {
        assertThat(failsWithin(T, BrokerUnavailableException.class,
                () -> bus.publish(OutgoingMessage.text("jms:queue:payments", "after"))))
                .isEqualTo(refused("publishing to jms:queue:payments"));
    }

    @Test
    void capturingAStoppedActiveMqFailsWithinTheBound() {
        assertThat(failsWithin(T, BrokerUnavailableException.class, () -> bus.capture("jms:queue:payments")))
                .isEqualTo(refused("capturing [jms:queue:payments]"));
    }

    @Test
    void browsingAStoppedActiveMqFailsWithinTheBound() {
        assertThat(failsWithin(T, BrokerUnavailableException.class, () -> bus.browse(BrowseRequest.of("jms:queue:payments"))))
                .isEqualTo(refused("browsing jms:queue:payments"));
    }
}
