package io.sitkit.junit.stubs;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.stub.RunningStubs;
import io.sitkit.stub.StubFileException;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.List;

import static io.sitkit.expect.Count.exactly;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stub file the sandbox runs ({@code docs/stubs/checkout-neighbours.yaml}) drives the same
 * stubs in a JUnit test, on the test's own destination names, and they stop with the test.
 */
@SitTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YamlStubsIT {
    static final Path EXAMPLE = Path.of("../docs/stubs/checkout-neighbours.yaml");
    /** The delay thread the stock-service stub starts for its delayed replies; it must not outlive the test. */
    static final String STOCK_DELAY_THREAD = "sitkit-stub-delay-stock-service";

    static boolean stockDelayThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(STOCK_DELAY_THREAD));
    }

    /** Waits (bounded) for the delay thread to end: a closed stub's executor has terminated, its thread may still be exiting. */
    static boolean stockDelayThreadEnds() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(STOCK_DELAY_THREAD)) {
                t.join(5_000);
            }
        }
        return !stockDelayThreadAlive();
    }

    @Test
    @Order(1)
    void the_files_stubs_answer_jms_and_kafka_requests_and_relay_on_the_tests_own_names(SitBus bus, SitEnvironment env)
            throws Exception {
        RunningStubs neighbours = bus.stubs(EXAMPLE);
        String paymentQueue = bus.destination("jms:queue:payment.requests").name();
        assertThat(paymentQueue).as("the test's own name").isNotEqualTo("payment.requests");
        Capture out = bus.capture("kafka:stock.replies", "kafka:orders");

        try (Connection jms = new ActiveMQConnectionFactory(env.jmsBrokerUrl()).createConnection()) {
            jms.start();
            Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer producer = session.createProducer(session.createQueue(paymentQueue));
            MessageConsumer consumer = session.createConsumer(replies);
            TextMessage request = session.createTextMessage("{\"orderId\":\"j-1\",\"amount\":75}");
            request.setJMSReplyTo(replies);
            producer.send(request);

            TextMessage reply = (TextMessage) consumer.receive(10_000);
            assertThat(reply).as("payment-gateway's reply on the temporary queue").isNotNull();
            assertThat(reply.getText()).startsWith("{\"orderId\": \"j-1\", \"status\": \"APPROVED\", \"paymentId\": \"");
            assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        }
        bus.publish("kafka:stock.requests", "sku-4", "{\"quantity\":3}");
        bus.publish("kafka:stock.requests", "sku-4", "{\"quantity\":1}");
        List<Message> stock = out.await(bus.destination("kafka:stock.replies"), 2, ofSeconds(10));
        assertThat(stock).extracting(m -> m.payloadText().orElseThrow())
                .containsExactly("{\"sku\": \"sku-4\", \"reserved\": 3}", "{\"sku\": \"sku-4\", \"reserved\": 1}");
        for (int i = 1; i <= 3; i++) {
            bus.publish("kafka:orders.raw", "o-" + i, "{\"orderId\":\"o-" + i + "\"}");
        }
        assertThat(out.await(bus.destination("kafka:orders"), 4, ofSeconds(10))).extracting(m -> m.keyText().orElseThrow())
                .containsExactly("o-1", "o-2", "o-3", "o-3");

        neighbours.stub("payment-gateway").received(exactly(1));
        neighbours.stub("stock-service").received(exactly(2));
        assertThat(stockDelayThreadAlive()).as("the stock service delayed its second reply on its delay thread").isTrue();
    }

    @Test
    @Order(2)
    void the_stubs_of_the_previous_test_were_closed_after_it() throws InterruptedException {
        assertThat(stockDelayThreadEnds()).as(STOCK_DELAY_THREAD + " ends after its test").isTrue();
    }

    @Test
    @Order(3)
    void a_broken_stub_file_fails_the_test_with_its_place_and_starts_nothing(SitBus bus) {
        assertThatThrownBy(() -> bus.stubs(Path.of("src/test/resources/stubs/broken.yaml")))
                .isInstanceOf(StubFileException.class)
                .hasMessage("src/test/resources/stubs/broken.yaml:6:24: stubs[0].rules[0].when.jsonPath.$.amount: unknown test"
                        + " 'above'; known tests: equals, notEquals, greaterThan, greaterThanOrEqual,"
                        + " lessThan, lessThanOrEqual, matches, contains, exists, absent");
    }
}
