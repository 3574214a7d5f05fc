package io.sitkit.stub;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.sitkit.expect.Count.exactly;
import static io.sitkit.match.Matchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The example stub file (docs/stubs) on the real embedded brokers: JMS and Kafka request/reply, and its interceptor. */
@ExtendWith(SharedEmbedded.class)
class StubFilesIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The example file, on names of this class's own so no other test's leftovers meet it. */
    static final StubSet EXAMPLE = StubFiles.read(Path.of("../docs/stubs/checkout-neighbours.yaml"))
            .renamed(d -> new Destination(d.transport(), d.kind(), "yit." + d.name()));
    EmbeddedEnvironment env;
    Bus bus;
    Connection jms;
    Session session;

    @BeforeEach
    void open(EmbeddedEnvironment env) throws Exception {
        this.env = env;
        bus = env.openBus();
        jms = new ActiveMQConnectionFactory(env.jmsBrokerUrl().orElseThrow()).createConnection();
        jms.start();
        session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void close() throws Exception {
        jms.close();
        bus.close();
    }

    /** A plain JMS requester: sends with a temporary reply queue and returns the reply with the request's message id. */
    record Answer(TextMessage reply, String requestId) {
    }

    Answer request(String queue, String body, String channel) throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        try (MessageProducer p = session.createProducer(session.createQueue(queue));
             MessageConsumer c = session.createConsumer(replies)) {
            TextMessage m = session.createTextMessage(body);
            m.setJMSReplyTo(replies);
            if (channel != null) {
                m.setStringProperty("x-channel", channel);
            }
            p.send(m);
            TextMessage reply = (TextMessage) c.receive(WAIT.toMillis());
            assertThat(reply).as("reply on the temporary queue to " + body).isNotNull();
            return new Answer(reply, m.getJMSMessageID());
        } finally {
            replies.delete();
        }
    }

    static Set<String> stubThreads() {
        return StubLoadIT.stubThreads();
    }

    @Test
    void the_yaml_payment_gateway_answers_jms_requests_on_their_temporary_queues_by_its_rules_and_states() throws Exception {
        Set<String> before = stubThreads();
        try (RunningStubs running = EXAMPLE.start(bus)) {
            Answer approved = request("yit.payment.requests", "{\"orderId\":\"o-1\",\"amount\":40}", null);
            Answer declined = request("yit.payment.requests", "{\"orderId\":\"o-2\",\"amount\":4000}", null);
            Answer pending = request("yit.payment.requests", "{\"orderId\":\"o-3\",\"amount\":10}", "web");
            Answer checked = request("yit.payment.requests", "{\"orderId\":\"o-3\",\"amount\":10}", "web");
            bus.publish(OutgoingMessage.text("jms:queue:yit.payment.requests", "{\"ping\":1}"));

            assertThat(approved.reply().getText()).matches(
                    "\\{\"orderId\": \"o-1\", \"status\": \"APPROVED\", \"paymentId\": \"[0-9a-f-]{36}\"}\\n");
            assertThat(approved.reply().getJMSCorrelationID()).isEqualTo(approved.requestId());
            assertThat(approved.reply().getStringProperty("payment_HYPHEN_status")).isEqualTo("APPROVED");
            assertThat(declined.reply().getText()).isEqualTo("{\"orderId\":\"o-2\",\"status\":\"DECLINED\"}");
            assertThat(pending.reply().getText()).matches("\\{\"orderId\": \"o-3\", \"status\": \"PENDING\", \"retryInMs\": 1[0-9]{2}}");
            assertThat(pending.reply().getStringProperty("x_HYPHEN_channel")).isEqualTo("web");
            assertThat(checked.reply().getText()).startsWith("{\"orderId\": \"o-3\", \"status\": \"APPROVED\"");
            Stub gateway = running.stub("payment-gateway");
            gateway.received(exactly(5)).received(exactly(2), jsonPath("$.orderId").isEqualTo("o-3"));
            assertThat(gateway.state("o-3")).isEqualTo("checked");
            assertThat(gateway.exchanges()).extracting(Exchange::rule).containsExactly("approved", "over the limit",
                    "a web payment is checked first", "approved", "health checks are taken, not answered");
            assertThat(gateway.exchanges().get(4).replies()).isEmpty();
        }
        org.apache.activemq.broker.region.Destination queue = env.activeMqBroker().orElseThrow().broker()
                .getDestination(new ActiveMQQueue("yit.payment.requests"));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.getConsumers().isEmpty());
        assertThat(stubThreads()).isSubsetOf(before);
    }

    @Test
    void the_yaml_stock_service_answers_kafka_requests_in_sequence_per_key_on_the_default_or_requested_topic() {
        Destination replies = Destination.kafka("yit.stock.replies");
        try (RunningStubs running = EXAMPLE.start(bus);
             Capture out = bus.capture("kafka:yit.stock.replies", "kafka:yit.stock.errors", "kafka:yit.stock.custom")) {
            for (int n = 1; n <= 3; n++) {
                bus.publish(OutgoingMessage.text("kafka:yit.stock.requests", "{\"quantity\":2}").withKey("sku-1"));
                out.await(replies, n, WAIT);
            }
            bus.publish(OutgoingMessage.text("kafka:yit.stock.requests", "{\"quantity\":5}").withKey("sku-2")
                    .withHeader(StubSpec.KAFKA_REPLY_TOPIC, "yit.stock.custom").withHeader(StubSpec.KAFKA_CORRELATION_ID, "c-2"));
            bus.publish(OutgoingMessage.text("kafka:yit.stock.requests", "{\"quantity\":1}").withKey("x-9"));

            List<Message> reserved = out.await(replies, 3, WAIT);
            assertThat(reserved).extracting(m -> m.payloadText().orElseThrow()).containsExactly(
                    "{\"sku\": \"sku-1\", \"reserved\": 2}", "{\"sku\": \"sku-1\", \"reserved\": 2}",
                    "{\"sku\": \"sku-1\", \"reserved\": 0, \"soldOut\": true}");
            assertThat(reserved).allSatisfy(m -> assertThat(m.keyText()).contains("sku-1"));
            assertThat(reserved.get(1).headers().lastAsString("stock-level")).contains("low");
            Message custom = out.await(Destination.kafka("yit.stock.custom"), 1, WAIT).get(0);
            assertThat(custom.payloadText()).contains("{\"sku\": \"sku-2\", \"reserved\": 5}");
            assertThat(custom.headers().lastAsString(StubSpec.KAFKA_CORRELATION_ID)).contains("c-2");
            Message unknown = out.await(Destination.kafka("yit.stock.errors"), 1, WAIT).get(0);
            assertThat(unknown.payloadText()).contains("UNKNOWN x-9");
            running.stub("stock-service").received(exactly(5));
        }
    }

    @Test
    void the_yaml_interceptor_relays_the_order_feed_duplicating_every_third_message() {
        try (Capture orders = bus.capture("kafka:yit.orders")) {
            try (RunningStubs running = EXAMPLE.start(bus)) {
                for (int i = 1; i <= 6; i++) {
                    bus.publish(OutgoingMessage.text("kafka:yit.orders.raw", "{\"orderId\":\"o-" + i + "\"}").withKey("o-" + i));
                }
                List<Message> got = orders.await(Destination.kafka("yit.orders"), 8, WAIT);

                assertThat(got).extracting(m -> m.keyText().orElseThrow())
                        .containsExactly("o-1", "o-2", "o-3", "o-3", "o-4", "o-5", "o-6", "o-6");
                Interceptor chaos = running.interceptor("orders-chaos");
                assertThat(chaos.received()).isEqualTo(6);
                assertThat(chaos.forwarded()).isEqualTo(8);
                assertThat(running.describe()).containsExactly(
                        "stub payment-gateway on jms:queue:yit.payment.requests",
                        "stub stock-service on kafka:yit.stock.requests",
                        "interceptor orders-chaos from kafka:yit.orders.raw to kafka:yit.orders (duplicate (every 3))");
            }
        }
    }

    @Test
    void a_set_that_fails_to_start_closes_what_it_had_started() throws Exception {
        StubSpec good = StubSpec.on("jms:queue:yit.half.good").rule(Rule.always().reply(Reply.none()));
        StubSpec ruleless = StubSpec.on("jms:queue:yit.half.bad");
        StubSet set = StubSet.of("half.yaml", List.of(good, ruleless), List.of());

        assertThatThrownBy(() -> set.start(bus)).isInstanceOf(IllegalStateException.class)
                .hasMessage("stub of jms:queue:yit.half.bad has no rules; add one with rule(Rule.always().reply(...))");
        org.apache.activemq.broker.region.Destination queue = env.activeMqBroker().orElseThrow().broker()
                .getDestination(new ActiveMQQueue("yit.half.good"));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.getConsumers().isEmpty());
        assertThat(queue.getConsumers()).isEmpty();
    }
}
