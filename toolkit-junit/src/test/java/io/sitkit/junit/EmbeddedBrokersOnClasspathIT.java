package io.sitkit.junit;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Depending on toolkit-junit alone is enough to run both embedded brokers. */
class EmbeddedBrokersOnClasspathIT {

    @Test
    void theEmbeddedEnvironmentStartsFromThisModulesClasspathAlone() {
        try (Environment env = Environments.embedded(); Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:junit-classpath", "jms:queue:junit-classpath")) {
            bus.publish(OutgoingMessage.text("kafka:junit-classpath", "k"));
            bus.publish(OutgoingMessage.text("jms:queue:junit-classpath", "j"));
            assertThat(capture.await(Destination.kafka("junit-classpath"), 1, Duration.ofSeconds(15))).hasSize(1);
            assertThat(capture.await(Destination.jmsQueue("junit-classpath"), 1, Duration.ofSeconds(15))).hasSize(1);
        }
    }
}
