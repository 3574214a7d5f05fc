package io.sitkit.fault;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's broker waits for the controller quorum to approve its controlled shutdown, and Kafka
 * gives that five minutes. With the quorum gone, that wait is bounded; and a whole cluster stops
 * its brokers before any controller, so no broker is left waiting for an approval that cannot come.
 */
class ClusterShutdownIT {

    @Test
    void theLastNodeOfAClusterWhoseQuorumIsGoneStopsWithinTheBoundNotAfterFiveMinutes() {
        try (EmbeddedEnvironment env = cluster()) {
            EmbeddedKafkaBroker kafka = env.kafkaBroker().orElseThrow();
            roundTrip(env);
            kafka.stopNode(1);
            kafka.stopNode(2);   // its controller takes the quorum's majority with it

            long t0 = System.nanoTime();
            kafka.stopNode(3);   // no controller can approve this broker's controlled shutdown
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("last node of a cluster without a quorum stopped in " + took.toMillis() + " ms");
            // 15 s bound plus the rest of the shutdown; Kafka's own bound would be 5 minutes.
            assertThat(took).isLessThan(Duration.ofSeconds(60));
            assertThat(kafka.isRunning()).isFalse();
        }
    }

    @Test
    void aWholeClusterStopsItsBrokersBeforeItsControllersAndStopsPromptly() {
        try (EmbeddedEnvironment env = cluster()) {
            EmbeddedKafkaBroker kafka = env.kafkaBroker().orElseThrow();
            roundTrip(env);
            long t0 = System.nanoTime();
            kafka.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("cluster of 3 stopped in " + took.toMillis() + " ms");
            // Every controlled shutdown approved while all controllers ran: nowhere near the 15 s bound.
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static EmbeddedEnvironment cluster() {
        return (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of("sitkit.embedded.kafka.brokers", "3",
                "sitkit.jms.enabled", "false", "sitkit.kafka.timeout", "5s")));
    }

    private static void roundTrip(EmbeddedEnvironment env) {
        try (Bus bus = env.openBus()) {
            Destination topic = Destination.kafka("shutdown-" + System.nanoTime());
            bus.kafka().createTopic(topic.name(), 3, (short) 3, Map.of());
            assertThat(bus.publish(OutgoingMessage.text(topic, "before the stop")).offset()).isZero();
        }
    }
}
