package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.env.LeftoverThreads;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Both embedded brokers secured at once: sitkit's own clients connect, and closing leaves nothing behind. */
class SecuredEmbeddedEnvironmentIT {
    @Test
    void aScramTlsKafkaAndAPasswordTlsActiveMqServeCapturesAndCloseWithoutLeaks() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.empty()
                .with("sitkit.embedded.kafka.security", "sasl-scram-tls")
                .with("sitkit.embedded.jms.security", "password-tls"));
        Path kafkaDir = env.kafkaBroker().orElseThrow().dataDir();
        Path activeMqDir = env.activeMqBroker().orElseThrow().dataDir();
        String activeMqName = env.activeMqBroker().orElseThrow().broker().getBrokerName();
        assertThat(env.jmsBrokerUrl()).get().asString().startsWith("ssl://127.0.0.1:");
        assertThat(kafkaDir.resolve("tls/truststore.p12")).isNotEmptyFile();
        assertThat(activeMqDir.resolve("tls/server.p12")).isNotEmptyFile();
        try (Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:secured-lifecycle", "jms:queue:secured-lifecycle")) {
            bus.publish(OutgoingMessage.text("kafka:secured-lifecycle", "k"));
            bus.publish(OutgoingMessage.text("jms:queue:secured-lifecycle", "q"));

            assertThat(capture.await(Destination.kafka("secured-lifecycle"), 1, Duration.ofSeconds(15))).hasSize(1);
            assertThat(capture.await(Destination.jmsQueue("secured-lifecycle"), 1, Duration.ofSeconds(15))).hasSize(1);
        }
        env.close();

        assertThat(Files.exists(kafkaDir)).as("Kafka temp dir, certificates and secret deleted").isFalse();
        assertThat(Files.exists(activeMqDir)).as("ActiveMQ temp dir and certificates deleted").isFalse();
        Set<Thread> leaked = LeftoverThreads.since(before, activeMqName);
        assertThat(leaked).as("threads left after close: %s", LeftoverThreads.describe(leaked)).isEmpty();
    }
}
