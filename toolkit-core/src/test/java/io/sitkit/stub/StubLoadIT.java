package io.sitkit.stub;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.fault.Fault;
import io.sitkit.fault.FaultPlan;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.sitkit.expect.Count.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A thousand requests in flight at once, each answered with its own correlation; nothing left behind after close. */
@ExtendWith(SharedEmbedded.class)
class StubLoadIT {
    static final int REQUESTS = 1_000;
    static final Duration WAIT = Duration.ofSeconds(30);

    static Set<String> stubThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sitkit-stub") || n.startsWith("sitkit-capture-kafka")).collect(Collectors.toSet());
    }

    @Test
    void a_thousand_queued_jms_requests_are_each_answered_with_their_own_message_id(EmbeddedEnvironment env) {
        try (Bus bus = env.openBus(); Capture replies = bus.capture("jms:queue:load.replies")) {
            Map<String, String> orderByMessageId = new HashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                String id = bus.publish(OutgoingMessage.text("jms:queue:load.requests", "{\"orderId\":\"o-" + i + "\"}")
                        .withReplyTo("jms:queue:load.replies")).messageId();
                orderByMessageId.put(id, "o-" + i);
            }
            // all 1,000 are waiting in the queue before the stub takes the first
            assertThat(bus.jms().depth(Destination.jmsQueue("load.requests"))).isEqualTo(REQUESTS);
            Set<String> before = stubThreads();
            try (Stub stub = StubSpec.on("jms:queue:load.requests")
                    .rule(Rule.always().reply(Reply.json("{\"orderId\": \"{{ $.orderId }}\"}")))
                    .faults(FaultPlan.of(Fault.randomDelay(Duration.ZERO, Duration.ofMillis(20)).withProbability(0.5)), 7)
                    .start(bus)) {
                List<Message> got = replies.await(Destination.jmsQueue("load.replies"), REQUESTS, WAIT);
                for (Message reply : got) {
                    String request = reply.jms().orElseThrow().correlationId();
                    assertThat(reply.payloadText()).contains("{\"orderId\": \"" + orderByMessageId.get(request) + "\"}");
                }
                assertThat(got.stream().map(m -> m.jms().orElseThrow().correlationId()).distinct()).hasSize(REQUESTS);
                stub.received(exactly(REQUESTS));
            }
            org.apache.activemq.broker.region.Destination queue = env.activeMqBroker().orElseThrow().broker()
                    .getDestination(new ActiveMQQueue("load.requests"));
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.getConsumers().isEmpty());
            assertThat(stubThreads()).isSubsetOf(before);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_thousand_kafka_requests_in_flight_are_answered_by_their_correlation_header(EmbeddedEnvironment env) {
        try (Bus bus = env.openBus()) {
            bus.kafka().createTopics(List.of("load.k.requests", "load.k.replies"), 3);
            Set<String> before = stubThreads();
            try (Capture replies = bus.capture("kafka:load.k.replies");
                 Stub stub = StubSpec.on("kafka:load.k.requests")
                         .rule(Rule.always().reply(Reply.json("{\"orderId\": \"{{ $.orderId }}\"}"))).start(bus)) {
                CompletableFuture<?>[] sent = new CompletableFuture<?>[REQUESTS];
                for (int i = 0; i < REQUESTS; i++) {
                    sent[i] = bus.publishAsync(OutgoingMessage.text("kafka:load.k.requests", "{\"orderId\":\"o-" + i + "\"}")
                            .withKey("k-" + (i % 17)).withHeader(StubSpec.KAFKA_REPLY_TOPIC, "load.k.replies")
                            .withHeader(StubSpec.KAFKA_CORRELATION_ID, "c-" + i));
                }
                CompletableFuture.allOf(sent).join();
                List<Message> got = replies.await(Destination.kafka("load.k.replies"), REQUESTS, WAIT);
                for (Message reply : got) {
                    String correlation = reply.headers().lastAsString(StubSpec.KAFKA_CORRELATION_ID).orElseThrow();
                    assertThat(reply.payloadText()).contains("{\"orderId\": \"o-" + correlation.substring(2) + "\"}");
                    assertThat(reply.keyText()).contains("k-" + Integer.parseInt(correlation.substring(2)) % 17);
                }
                assertThat(got.stream().map(m -> m.headers().lastAsString(StubSpec.KAFKA_CORRELATION_ID).orElseThrow()).distinct())
                        .hasSize(REQUESTS);
                stub.received(exactly(REQUESTS));
            }
            assertThat(stubThreads()).isSubsetOf(before);
        }
    }
}
