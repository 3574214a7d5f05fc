package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Both embedded brokers secured at once: sitkit's own clients connect, and closing leaves nothing behind. */
class SecuredEmbeddedEnvironmentIT {
    /**
     * JVM-wide daemons that are not ours to stop: Kafka's metrics ticker and the JDK's process reaper
     * (kept after keytool ran).
     */
    private static final Set<String> KNOWN_JVM_WIDE = Set.of("metrics-meter-tick-thread", "process reaper");

    /**
     * Threads started since {@code before} that are still alive after a bounded join (some, like
     * Netty's global executor left by other tests, end by themselves within a second), except JVM-wide
     * daemons and, when another Kafka broker was already running in this JVM (a shared test
     * environment), Kafka's purgatory timer threads {@code executor-*}, which that broker starts lazily.
     */
    private static Set<Thread> leftoverThreads(Set<Thread> before) throws InterruptedException {
        boolean otherBroker = before.stream().anyMatch(t -> t.getName().startsWith("kafka-request-handler")
                || t.getName().startsWith("ExpirationReaper"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !t.isDaemon()) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !(t.isDaemon() && KNOWN_JVM_WIDE.stream().anyMatch(t.getName()::startsWith)))
                .filter(t -> !(otherBroker && t.getName().startsWith("executor-")))
                .collect(Collectors.toSet());
    }

    @Test
    void aScramTlsKafkaAndAPasswordTlsActiveMqServeCapturesAndCloseWithoutLeaks() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.empty()
                .with("sitkit.embedded.kafka.security", "sasl-scram-tls")
                .with("sitkit.embedded.jms.security", "password-tls"));
        Path kafkaDir = env.kafkaBroker().orElseThrow().dataDir();
        Path activeMqDir = env.activeMqBroker().orElseThrow().dataDir();
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
        Set<Thread> leaked = leftoverThreads(before);
        assertThat(leaked).as("threads left after close: %s",
                leaked.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).toList()).isEmpty();
    }
}
