package io.sitkit.stub;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.match.Matchers;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static io.sitkit.expect.Count.atMost;
import static io.sitkit.expect.Count.exactly;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.matching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stubs on the real embedded brokers: request/reply on both transports and across them, scenarios, verification. */
@ExtendWith(SharedEmbedded.class)
class StubIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    Bus bus;
    Connection jms;
    Session session;

    @BeforeEach
    void open(EmbeddedEnvironment env) throws Exception {
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

    /** A reply and the id of the request it answers. */
    record Answer(TextMessage reply, String requestId) {
        String text() throws Exception {
            return reply.getText();
        }
    }

    /** A plain JMS requester: sends with a temporary reply queue and waits for the reply. */
    Answer request(String queue, String body, String correlationId) throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        try (MessageProducer p = session.createProducer(session.createQueue(queue));
             MessageConsumer c = session.createConsumer(replies)) {
            TextMessage m = session.createTextMessage(body);
            m.setJMSReplyTo(replies);
            if (correlationId != null) {
                m.setJMSCorrelationID(correlationId);
            }
            m.setStringProperty("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            m.setStringProperty("tenant", "acme");
            p.send(m);
            TextMessage reply = (TextMessage) c.receive(WAIT.toMillis());
            assertThat(reply).as("reply on the temporary queue").isNotNull();
            return new Answer(reply, m.getJMSMessageID());
        } finally {
            replies.delete();
        }
    }

    @Test
    void a_jms_request_is_answered_on_its_temporary_reply_queue_with_correlation_and_trace_carried_over() throws Exception {
        try (Stub stub = StubSpec.on("jms:queue:stub.payments").named("payment-gateway")
                .rule(Rule.when(jsonPath("$.amount").isGreaterThan(1000)).reply(Reply.json(
                        "{\"orderId\": \"{{ $.orderId }}\", \"status\": \"DECLINED\"}")))
                .rule(Rule.always().reply(Reply.json("{\"orderId\": \"{{ $.orderId }}\", \"status\": \"APPROVED\","
                        + " \"paymentId\": \"{{ uuid() }}\"}").withHeader("payment-status", "APPROVED")))
                .start(bus)) {
            Answer answer = request("stub.payments", "{\"orderId\":\"o-1\",\"amount\":40}", null);
            TextMessage approved = answer.reply();
            String requestId = answer.requestId();
            TextMessage declined = request("stub.payments", "{\"orderId\":\"o-2\",\"amount\":4000}", null).reply();

            assertThat(approved.getText()).startsWith("{\"orderId\": \"o-1\", \"status\": \"APPROVED\", \"paymentId\": \"");
            assertThat(approved.getJMSCorrelationID()).isEqualTo(requestId);
            assertThat(approved.getStringProperty("payment_HYPHEN_status")).isEqualTo("APPROVED");
            assertThat(approved.getStringProperty("tenant")).isEqualTo("acme");
            String trace = approved.getStringProperty("traceparent");
            assertThat(trace).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
            assertThat(declined.getText()).isEqualTo("{\"orderId\": \"o-2\", \"status\": \"DECLINED\"}");
            stub.received(exactly(2)).received(exactly(1), jsonPath("$.orderId").isEqualTo("o-2"));
            assertThat(stub.exchanges()).extracting(Exchange::rule)
                    .containsExactly("when any message", "when $.amount > 1000").doesNotContain((String) null);
        }
    }

    @Test
    void the_correlation_id_can_come_from_the_request_correlation_id() throws Exception {
        try (Stub stub = StubSpec.on("jms:queue:stub.by-correlation").correlateBy(StubSpec.CorrelateBy.CORRELATION_ID)
                .rule(Rule.always().reply(Reply.json("{}"))).start(bus)) {
            assertThat(request("stub.by-correlation", "{}", "order-77").reply().getJMSCorrelationID()).isEqualTo("order-77");
            stub.received(exactly(1));
        }
    }

    @Test
    void a_kafka_request_is_answered_on_the_topic_its_reply_topic_header_names_with_key_and_correlation_header() {
        bus.kafka().createTopics(List.of("stub.k.requests", "stub.k.replies"), 1);
        try (Stub stub = StubSpec.on("kafka:stub.k.requests")
                .rule(Rule.always().reply(Reply.json("{\"orderId\": \"{{ $.orderId }}\", \"seq\": {{ sequence() }}}")))
                .start(bus);
             Capture replies = bus.capture("kafka:stub.k.replies")) {
            bus.publish(OutgoingMessage.text("kafka:stub.k.requests", "{\"orderId\":\"o-9\"}").withKey("o-9")
                    .withHeader(StubSpec.KAFKA_REPLY_TOPIC, "stub.k.replies")
                    .withHeader(io.sitkit.core.Header.of(StubSpec.KAFKA_CORRELATION_ID, new byte[]{1, 2, 3, (byte) 0xff})));

            Message reply = replies.await(Destination.kafka("stub.k.replies"), 1, WAIT).get(0);
            assertThat(reply.keyText()).contains("o-9");
            assertThat(reply.payloadText()).contains("{\"orderId\": \"o-9\", \"seq\": 1}");
            assertThat(reply.headers().last(StubSpec.KAFKA_CORRELATION_ID).orElseThrow().value())
                    .containsExactly(1, 2, 3, (byte) 0xff);
            stub.received(exactly(1), Matchers.key("o-9"));
        }
    }

    @Test
    void a_kafka_request_gets_its_reply_on_jms_and_a_jms_request_on_kafka() {
        bus.kafka().createTopics(List.of("stub.x.kafka-requests", "stub.x.kafka-replies"), 1);
        try (Stub kafkaToJms = StubSpec.on("kafka:stub.x.kafka-requests")
                .rule(Rule.always().reply(Reply.json("{\"via\": \"jms\", \"orderId\": \"{{ $.orderId }}\"}"))).start(bus);
             Stub jmsToKafka = StubSpec.on("jms:queue:stub.x.jms-requests").replyTo("kafka:stub.x.kafka-replies")
                     .rule(Rule.always().reply(Reply.json("{\"via\": \"kafka\", \"orderId\": \"{{ $.orderId }}\"}"))).start(bus);
             Capture replies = bus.capture("jms:queue:stub.x.jms-replies", "kafka:stub.x.kafka-replies")) {
            bus.publish(OutgoingMessage.text("kafka:stub.x.kafka-requests", "{\"orderId\":\"o-k\"}").withKey("o-k")
                    .withHeader(StubSpec.KAFKA_REPLY_TOPIC, "jms:queue:stub.x.jms-replies")
                    .withHeader(StubSpec.KAFKA_CORRELATION_ID, "corr-k"));
            String jmsRequestId = bus.publish(OutgoingMessage.text("jms:queue:stub.x.jms-requests", "{\"orderId\":\"o-j\"}")
                    .withKey("o-j")).messageId();

            Message onJms = replies.await(Destination.jmsQueue("stub.x.jms-replies"), 1, WAIT).get(0);
            assertThat(onJms.payloadText()).contains("{\"via\": \"jms\", \"orderId\": \"o-k\"}");
            assertThat(onJms.jms().orElseThrow().correlationId()).isEqualTo("corr-k");
            assertThat(onJms.keyText()).contains("o-k");
            Message onKafka = replies.await(Destination.kafka("stub.x.kafka-replies"), 1, WAIT).get(0);
            assertThat(onKafka.payloadText()).contains("{\"via\": \"kafka\", \"orderId\": \"o-j\"}");
            assertThat(onKafka.headers().lastAsString(StubSpec.KAFKA_CORRELATION_ID)).contains(jmsRequestId);
            assertThat(onKafka.keyText()).contains("o-j");
            kafkaToJms.received(exactly(1));
            jmsToKafka.received(exactly(1));
        }
    }

    @Test
    void a_scenario_fails_the_first_call_then_succeeds_and_sequences_and_state_are_kept_per_key() throws Exception {
        try (Stub stub = StubSpec.on("jms:queue:stub.flaky").statePer(KeySource.jsonPath("$.orderId"))
                .rule(Rule.always().inState(Rule.STARTED).reply(Reply.json("{\"status\": \"ERROR\"}")).thenState("recovered"))
                .rule(Rule.always().inState("recovered")
                        .reply(Reply.json("{\"status\": \"PENDING\"}"), Reply.json("{\"status\": \"APPROVED\"}")))
                .start(bus)) {
            List<String> a = List.of(
                    request("stub.flaky", "{\"orderId\":\"a\"}", null).text(),
                    request("stub.flaky", "{\"orderId\":\"a\"}", null).text(),
                    request("stub.flaky", "{\"orderId\":\"b\"}", null).text(),
                    request("stub.flaky", "{\"orderId\":\"a\"}", null).text(),
                    request("stub.flaky", "{\"orderId\":\"a\"}", null).text());

            assertThat(a).containsExactly("{\"status\": \"ERROR\"}", "{\"status\": \"PENDING\"}", "{\"status\": \"ERROR\"}",
                    "{\"status\": \"APPROVED\"}", "{\"status\": \"APPROVED\"}");
            assertThat(stub.state("a")).isEqualTo("recovered");
            assertThat(stub.state("c")).isEqualTo(Rule.STARTED);
            assertThat(stub.exchanges().get(0).stateBefore()).isEqualTo("Started");
            assertThat(stub.exchanges().get(0).stateAfter()).isEqualTo("recovered");
        }
    }

    @Test
    void verification_failures_list_every_request_with_what_it_lacked() {
        try (Stub stub = StubSpec.on("jms:queue:stub.verify").named("payment-gateway").replyTo("jms:queue:stub.verify.replies")
                .rule(Rule.always().reply(Reply.json("{}"))).verifyTimeout(Duration.ofMillis(300)).start(bus)) {
            bus.publish(OutgoingMessage.text("jms:queue:stub.verify", "{\"orderId\":\"o-1\",\"amount\":5}").withKey("o-1"));
            stub.received(exactly(1));

            assertThatThrownBy(() -> stub.received(exactly(2), jsonPath("$.orderId").isEqualTo("o-2")))
                    .isInstanceOf(StubVerificationError.class)
                    .satisfies(e -> assertThat(e.getMessage().replaceAll("id=ID:\\S+", "id=<id>")).isEqualTo("""
                            expected exactly 2 requests matching $.orderId == "o-2"
                              at stub payment-gateway on jms:queue:stub.verify
                              within 300ms
                              but saw 0 matching of 1 received
                              the stub answered 1, no rule took 0, could not answer 0
                              nearest misses (1 of 1 on jms:queue:stub.verify):
                                jms:queue:stub.verify id=<id> key=o-1 {"orderId":"o-1","amount":5}
                                  FAIL $.orderId == "o-2": was "o-1\""""));
            assertThatThrownBy(() -> stub.received(atMost(0), matching("an order", m -> true)))
                    .satisfies(e -> assertThat(e.getMessage().replaceAll("id=ID:\\S+", "id=<id>")).isEqualTo("""
                            expected at most 0 requests matching an order
                              at stub payment-gateway on jms:queue:stub.verify
                              checked at once (at most: no wait)
                              but saw 1 matching of 1 received
                              the stub answered 1, no rule took 0, could not answer 0
                              matching requests (1 of 1):
                                jms:queue:stub.verify id=<id> key=o-1 {"orderId":"o-1","amount":5}"""));
        }
        try (Stub idle = StubSpec.on("jms:queue:stub.idle").rule(Rule.always().reply(Reply.none()))
                .verifyTimeout(Duration.ofMillis(100)).start(bus)) {
            assertThatThrownBy(() -> idle.received(exactly(1)))
                    .hasMessage("""
                            expected exactly 1 request matching any message
                              at stub stub of jms:queue:stub.idle on jms:queue:stub.idle
                              within 100ms
                              but saw 0 matching of 0 received
                              hint: nothing reached jms:queue:stub.idle; does the system under test send to this stub's\
                             destination (in a JUnit test, the test's name for it: bus.destination("jms:queue:stub.idle"))?""");
        }
    }

    @Test
    void a_request_without_reply_address_and_a_broken_template_are_recorded_not_lost() {
        try (Stub stub = StubSpec.on("jms:queue:stub.unroutable").named("unroutable")
                .rule(Rule.when(jsonPath("$.bad").exists()).reply(Reply.json("{\"x\": {{ $.missing }}}").to("jms:queue:stub.nowhere")))
                .rule(Rule.always().reply(Reply.json("{}")))
                .start(bus)) {
            bus.publish(OutgoingMessage.text("jms:queue:stub.unroutable", "{\"orderId\":\"o-1\"}"));
            bus.publish(OutgoingMessage.text("jms:queue:stub.unroutable", "{\"bad\":true}"));
            stub.received(exactly(2));

            List<Exchange> ex = stub.exchanges();
            assertThat(ex.get(0).error()).startsWith("unroutable has no reply address for jms:queue:stub.unroutable id=")
                    .endsWith(": the request has no JMSReplyTo and the stub names none (StubSpec.replyTo or Reply.to)");
            assertThat(ex.get(1).error()).startsWith("inline reply:1:");
            assertThat(ex.get(1).error()).contains("$.missing");
            assertThat(ex).allSatisfy(e -> assertThat(e.replies()).isEmpty());
        }
    }

    @Test
    void an_unmatched_request_is_recorded_without_a_rule_and_without_a_reply() {
        try (Stub stub = StubSpec.on("jms:queue:stub.unmatched").replyTo("jms:queue:stub.unmatched.replies")
                .rule(Rule.when(Matchers.key("only-this")).reply(Reply.json("{}"))).start(bus)) {
            bus.publish(OutgoingMessage.text("jms:queue:stub.unmatched", "{}").withKey("other"));
            stub.received(exactly(1));
            assertThat(stub.exchanges().get(0).matched()).isFalse();
            assertThat(stub.exchanges().get(0).replies()).isEmpty();
        }
    }
}
