package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The external environment against brokers in another JVM process, configured the way a user
 * would: a properties file plus environment-variable style keys.
 */
class ExternalEnvironmentIT {
    private static ChildBrokers.Running child;
    private static String bootstrap;
    private static String jmsUrl;

    @BeforeAll
    static void startBrokersInAnotherProcess() throws Exception {
        child = ChildBrokers.start();
        bootstrap = child.bootstrap();
        jmsUrl = child.jmsUrl();
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void theSameApiWorksAgainstBrokersInAnotherProcess(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("sitkit.yaml");
        Files.writeString(file, """
                sitkit:
                  environment: external
                  kafka:
                    bootstrap-servers: %s
                    client:
                      client.dns.lookup: use_all_dns_ips
                  jms:
                    url: %s
                    queue-observation: mirror
                """.formatted(bootstrap, jmsUrl));
        java.util.Properties sys = new java.util.Properties();
        sys.setProperty("sitkit.config.file", file.toString());
        SitkitConfig config = SitkitConfig.load(Map.of("SITKIT_JMS_TIMEOUT", "5s"), sys);

        try (Environment env = Environments.start(config); Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:external-orders", "jms:queue:external-payments")) {
            assertThat(env.name()).isEqualTo("external");
            assertThat(env.kafkaBootstrapServers()).contains(bootstrap);
            bus.publish(OutgoingMessage.text("kafka:external-orders", "{\"orderId\":\"o-1\"}").withKey("o-1"));
            bus.publish(OutgoingMessage.text("jms:queue:external-payments", "{\"orderId\":\"o-1\"}").withCorrelationId("o-1"));
            assertThat(capture.await(Destination.kafka("external-orders"), 1, Duration.ofSeconds(15)).get(0).keyText()).contains("o-1");
            assertThat(capture.await(Destination.jmsQueue("external-payments"), 1, Duration.ofSeconds(15)).get(0)
                    .jms().orElseThrow().correlationId()).isEqualTo("o-1");
            assertThat(bus.jms().receive(Destination.jmsQueue("external-payments"), Duration.ofSeconds(5))).isPresent();
            assertThat(bus.listDestinations()).extracting(i -> i.destination().toString())
                    .contains("kafka:external-orders", "jms:queue:external-payments");
        }
    }

    @Test
    void queueCaptureOnAnExternalBrokerWithoutObservationFailsFastNamingTheFeature() {
        SitkitConfig config = SitkitConfig.of(Map.of("sitkit.environment", "external", "sitkit.jms.url", jmsUrl));
        try (Environment env = Environments.start(config); Bus bus = env.openBus()) {
            assertThatThrownBy(() -> bus.capture("jms:queue:anything"))
                    .isInstanceOf(SitkitException.class)
                    .hasMessageContaining("mirrored queues")
                    .hasMessageContaining("Artemis non-exclusive divert")
                    .hasMessageContaining("sitkit.jms.queue-observation=browse");
            // topics need no broker feature
            try (Capture topics = bus.capture("jms:topic:anything")) {
                assertThat(topics.destinations()).containsExactly(Destination.jmsTopic("anything"));
            }
        }
    }

    @Test
    void browseModeIsAvailableAsALabelledLossyFallback() {
        SitkitConfig config = SitkitConfig.of(Map.of("sitkit.environment", "external", "sitkit.jms.url", jmsUrl,
                "sitkit.jms.queue-observation", "browse", "sitkit.jms.browse-interval", "50ms"));
        try (Environment env = Environments.start(config); Bus bus = env.openBus()) {
            bus.publish(OutgoingMessage.text("jms:queue:browsed", "already there"));
            try (Capture capture = bus.capture("jms:queue:browsed")) {
                bus.publish(OutgoingMessage.text("jms:queue:browsed", "new"));
                List<io.sitkit.core.Message> seen = capture.await(Destination.jmsQueue("browsed"), 1, Duration.ofSeconds(10));
                assertThat(seen.get(0).payloadText()).contains("new");
            }
            assertThat(bus.jms().purge(Destination.jmsQueue("browsed"))).isEqualTo(2);
        }
    }
}
