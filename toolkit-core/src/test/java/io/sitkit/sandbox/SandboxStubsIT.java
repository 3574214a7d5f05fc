package io.sitkit.sandbox;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.stub.StubFileException;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sitkit.expect.Count.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox started with {@code sitkit.sandbox.stubs}: the example file's stubs answer, and are listed and closed with it. */
class SandboxStubsIT {
    static final String EXAMPLE = "../docs/stubs/checkout-neighbours.yaml";

    static Set<String> sitkitThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sitkit-stub") || n.startsWith("sitkit-capture")).collect(Collectors.toSet());
    }

    @Test
    void the_sandbox_starts_the_configured_stub_files_lists_them_and_they_answer_until_it_closes() throws Exception {
        Set<String> before = sitkitThreads();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SitkitConfig config = SitkitConfig.of(Map.of(ConfigKeys.SANDBOX_STUBS, " " + EXAMPLE + " ,"));

        try (Sandbox sandbox = Sandbox.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("""
                      Stubs from ../docs/stubs/checkout-neighbours.yaml (sitkit.sandbox.stubs):
                        stub payment-gateway on jms:queue:payment.requests
                        stub stock-service on kafka:stock.requests
                        interceptor orders-chaos from kafka:orders.raw to kafka:orders (duplicate (every 3))
                      As environment variables for your services:
                    """).doesNotContain("Press Ctrl-C");

            String url = sandbox.environment().jmsBrokerUrl().orElseThrow();
            try (Connection jms = new ActiveMQConnectionFactory(url).createConnection()) {
                jms.start();
                Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                TemporaryQueue replies = session.createTemporaryQueue();
                MessageProducer producer = session.createProducer(session.createQueue("payment.requests"));
                MessageConsumer consumer = session.createConsumer(replies);
                TextMessage request = session.createTextMessage("{\"orderId\":\"s-1\",\"amount\":5000}");
                request.setJMSReplyTo(replies);
                producer.send(request);

                TextMessage reply = (TextMessage) consumer.receive(10_000);
                assertThat(reply).as("the sandbox's payment-gateway stub answers").isNotNull();
                assertThat(reply.getText()).isEqualTo("{\"orderId\":\"s-1\",\"status\":\"DECLINED\"}");
                assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            }
            assertThat(sandbox.stubs()).singleElement().satisfies(s -> s.stub("payment-gateway").received(exactly(1)));
        }
        assertThat(sitkitThreads()).isSubsetOf(before);
    }

    @Test
    void a_stub_file_that_cannot_be_read_stops_the_sandbox_before_any_broker_starts() {
        SitkitConfig config = SitkitConfig.of(Map.of(ConfigKeys.SANDBOX_STUBS, EXAMPLE + ",missing/stubs.yaml"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        assertThatThrownBy(() -> Sandbox.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isInstanceOf(StubFileException.class)
                .hasMessage("missing/stubs.yaml: cannot read the stub file: java.nio.file.NoSuchFileException: missing/stubs.yaml");
        assertThat(printed.size()).as("nothing printed: no environment was started").isZero();
    }
}
