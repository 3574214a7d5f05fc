package io.sitkit.stub;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environment;
import io.sitkit.env.ProtectedEnvironments;
import io.sitkit.env.SharedEmbedded;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sitkit.expect.Count.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stubs and relays on a protected environment go through the core's guard: refused while locked
 * (nothing of the file starts), running once unlocked, their replies and the writes of their start
 * audited; and a stub counts the requests it handled.
 */
@ExtendWith(SharedEmbedded.class)
class StubProtectionIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String FILE = """
            stubs:
              - name: stock-service
                listen: kafka:prot.stock.requests
                replyTo: kafka:prot.stock.replies
                rules:
                  - reply: {json: '{"sku": "{{ key }}", "reserved": 1}'}
              - name: payment-gateway
                listen: jms:queue:prot.payment.requests
                rules:
                  - reply: none
            interceptors:
              - name: orders-chaos
                from: kafka:prot.orders.raw
                to: kafka:prot.orders
            """;

    static Environment protectedEnvironment(EmbeddedEnvironment shared, Path audit) {
        return ProtectedEnvironments.start(shared, "stub-staging", audit, Map.of());
    }

    @Test
    void a_locked_protected_environment_refuses_to_start_a_stub_file_and_nothing_of_it_listens(EmbeddedEnvironment shared) throws Exception {
        Path audit = ProtectedEnvironments.newAuditFile();
        StubSet set = StubFiles.parse(FILE, "prot.yaml");
        try (Environment env = protectedEnvironment(shared, audit); Bus bus = env.openBus()) {
            assertThat(bus.protection()).isSameAs(env.protection());

            assertThatThrownBy(() -> set.start(bus)).isInstanceOf(ProtectedEnvironmentException.class)
                    .hasMessage("refused to start stub stock-service on kafka:prot.stock.requests: environment 'stub-staging' is"
                            + " protected; unlock it on purpose with protection().unlock(\"stub-staging\"), or run against an"
                            + " unprotected environment");
            assertThatThrownBy(() -> set.stubs().get(1).start(bus))
                    .hasMessageStartingWith("refused to start stub payment-gateway on jms:queue:prot.payment.requests: ");
            assertThatThrownBy(() -> set.interceptors().get(0).start(bus))
                    .hasMessageStartingWith("refused to start a relay from kafka:prot.orders.raw to kafka:prot.orders: ");

            org.apache.activemq.broker.region.Destination queue = shared.activeMqBroker().orElseThrow().broker()
                    .getDestination(new ActiveMQQueue("prot.payment.requests"));
            assertThat(queue == null || queue.getConsumers().isEmpty()).as("no consumer on the stub's queue").isTrue();
            assertThat(audit).doesNotExist();
        }
    }

    @Test
    void once_unlocked_the_stubs_answer_count_their_requests_and_every_reply_is_audited(EmbeddedEnvironment shared) throws Exception {
        Path audit = ProtectedEnvironments.newAuditFile();
        StubSet set = StubFiles.parse(FILE, "prot.yaml");
        try (Environment env = protectedEnvironment(shared, audit); Bus bus = env.openBus();
             Bus tester = shared.openBus()) {
            env.protection().unlock("stub-staging");
            try (RunningStubs running = set.start(bus);
                 Capture replies = tester.capture("kafka:prot.stock.replies")) {
                Stub stock = running.stub("stock-service");
                assertThat(stock.requestCount()).isZero();

                tester.publish(OutgoingMessage.text("kafka:prot.stock.requests", "{\"quantity\":1}").withKey("sku-1"));
                tester.publish(OutgoingMessage.text("kafka:prot.stock.requests", "{\"quantity\":1}").withKey("sku-2"));
                replies.await(Destination.kafka("prot.stock.replies"), 2, WAIT);

                stock.received(exactly(2));
                assertThat(stock.requestCount()).isEqualTo(2);
                assertThat(running.stub("payment-gateway").requestCount()).isZero();
            }
        }
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).filteredOn(l -> l.contains("\"action\":\"publish\"")).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("\"environment\":\"stub-staging\",\"action\":\"publish\",\"destination\":\"kafka:prot.stock.replies\""));
        // starting them wrote too: the JMS stub takes requests off its queue, and the captures of the
        // stub and the relay created their topics, missing on this broker until then
        assertThat(lines).filteredOn(l -> !l.contains("\"action\":\"publish\"")).map(l -> l.replaceAll("^.*\"action\"", "\"action\""))
                .containsExactlyInAnyOrder("\"action\":\"consume\",\"destination\":\"jms:queue:prot.payment.requests\"}",
                        "\"action\":\"create topic\",\"destination\":\"kafka:prot.stock.requests\"}",
                        "\"action\":\"create topic\",\"destination\":\"kafka:prot.orders.raw\"}");
    }
}
