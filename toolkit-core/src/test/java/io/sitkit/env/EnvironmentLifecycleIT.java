package io.sitkit.env;

import io.sitkit.config.ConfigException;
import io.sitkit.config.SitkitConfig;
import io.sitkit.sandbox.Sandbox;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, using and closing the embedded environment: no threads or temp dirs left behind. */
class EnvironmentLifecycleIT {
    @Test
    void closeLeavesNoThreadsAndNoTempDirsAndIsIdempotent() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.empty());
        Path kafkaDir = env.kafkaBroker().orElseThrow().dataDir();
        Path activeMqDir = env.activeMqBroker().orElseThrow().dataDir();
        String activeMqName = env.activeMqBroker().orElseThrow().broker().getBrokerName();
        // Neither the bus nor the capture is closed here on purpose: closing the environment must close both.
        Bus bus = env.openBus();
        {
            Capture capture = bus.capture("kafka:lifecycle", "jms:queue:lifecycle", "jms:topic:lifecycle");
            bus.publish(OutgoingMessage.text("kafka:lifecycle", "k"));
            bus.publish(OutgoingMessage.text("jms:queue:lifecycle", "q"));
            bus.publish(OutgoingMessage.text("jms:topic:lifecycle", "t"));
            capture.await(Destination.kafka("lifecycle"), 1, Duration.ofSeconds(15));
            capture.await(Destination.jmsQueue("lifecycle"), 1, Duration.ofSeconds(15));
            capture.await(Destination.jmsTopic("lifecycle"), 1, Duration.ofSeconds(15));
            bus.browse(io.sitkit.core.BrowseRequest.of("kafka:lifecycle"));
            bus.listDestinations();
        }
        env.close();
        env.close();

        assertThat(Files.exists(kafkaDir)).as("Kafka temp dir deleted").isFalse();
        assertThat(Files.exists(activeMqDir)).as("ActiveMQ temp dir deleted").isFalse();
        assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("kafka:lifecycle", "late")))
                .hasMessageContaining("closed");
        Set<Thread> leaked = LeftoverThreads.since(before, activeMqName);
        assertThat(leaked).as("threads left after close: %s", LeftoverThreads.describe(leaked)).isEmpty();
    }

    @Test
    void eitherBrokerCanBeStartedAlone() {
        try (Environment kafkaOnly = Environments.start(SitkitConfig.of(Map.of("sitkit.jms.enabled", "false")))) {
            assertThat(kafkaOnly.kafkaBootstrapServers()).isPresent();
            assertThat(kafkaOnly.jmsBrokerUrl()).isEmpty();
            try (Bus bus = kafkaOnly.openBus()) {
                assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("jms:queue:x", "x")))
                        .isInstanceOf(SitkitException.class)
                        .hasMessageContaining("this environment has no JMS broker");
            }
        }
        try (Environment jmsOnly = Environments.start(SitkitConfig.of(Map.of("sitkit.kafka.enabled", "false")))) {
            assertThat(jmsOnly.kafkaBootstrapServers()).isEmpty();
            assertThat(jmsOnly.jmsBrokerUrl()).get().asString().startsWith("tcp://127.0.0.1:");
            assertThat(jmsOnly.connectionProperties()).containsOnlyKeys("sitkit.jms.url");
        }
    }

    @Test
    void withoutAutoCreationAMissingTopicIsNamedForCaptureAndPublish() {
        SitkitConfig config = SitkitConfig.of(Map.of("sitkit.jms.enabled", "false",
                "sitkit.kafka.auto-create-topics", "false", "sitkit.kafka.timeout", "2s"));
        try (Environment env = Environments.start(config); Bus bus = env.openBus()) {
            assertThatThrownBy(() -> bus.capture("kafka:no-such-topic"))
                    .isInstanceOf(io.sitkit.core.InvalidDestinationException.class)
                    .hasMessageContaining("cannot capture kafka:no-such-topic: the topic does not exist")
                    .hasMessageContaining("does not auto-create topics");
            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("kafka:no-such-topic", "x")))
                    .isInstanceOf(SitkitException.class)
                    .hasMessageContaining("publishing to kafka:no-such-topic timed out after PT2S")
                    .hasMessageContaining("the topic may not exist");
        }
    }

    @Test
    void anUnknownEnvironmentNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "cloud"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sitkit.environment = 'cloud' names no known environment; known: [embedded, external, testcontainers]");
    }

    @Test
    void anExternalEnvironmentWithoutBrokersSaysWhatToSet() {
        assertThatThrownBy(() -> Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "external"))))
                .hasMessageContaining("set sitkit.kafka.bootstrap-servers and/or sitkit.jms.url");
    }

    @Test
    void theSandboxPrintsHowToConnect() {
        try (EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.empty())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Sandbox.describe(env, SitkitConfig.empty(), new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("Kafka bootstrap servers : " + env.kafkaBootstrapServers().orElseThrow())
                    .contains("JMS broker URL          : " + env.jmsBrokerUrl().orElseThrow())
                    .contains("export SITKIT_KAFKA_BOOTSTRAP_SERVERS=")
                    .contains("started in ");
        }
    }
}
