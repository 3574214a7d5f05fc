package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test support, run by {@link CoreOnlyClasspathIT} in a JVM whose class path holds toolkit-core without
 * its optional broker servers: checks that they are absent, round-trips a message on each external
 * broker, and prints what the embedded environment says when asked to start. Exits 0 when all held.
 */
public final class CoreOnlyClient {
    private CoreOnlyClient() {
    }

    public static void main(String[] args) throws Exception {
        for (String server : List.of("kafka.server.KafkaRaftServer", "scala.Option", "org.apache.activemq.broker.BrokerService")) {
            try {
                Class.forName(server);
                System.out.println("PRESENT " + server);
                System.exit(2);
            } catch (ClassNotFoundException expected) {
                System.out.println("ABSENT " + server);
            }
        }
        SitkitConfig external = SitkitConfig.of(Map.of("sitkit.environment", "external", "sitkit.kafka.bootstrap-servers", args[0],
                "sitkit.jms.url", args[1], "sitkit.jms.queue-observation", "mirror"));
        Destination topic = Destination.kafka("core-only");
        Destination queue = Destination.jmsQueue("core-only");
        try (Environment env = Environments.start(external); Bus bus = env.openBus(); Capture capture = bus.capture(topic, queue)) {
            bus.publish(OutgoingMessage.text(topic, "k"));
            bus.publish(OutgoingMessage.text(queue, "j"));
            capture.await(topic, 1, Duration.ofSeconds(30));
            capture.await(queue, 1, Duration.ofSeconds(30));
            System.out.println("ROUND TRIP OK " + capture.size());
        }
        embedded("sitkit.jms.enabled");
        embedded("sitkit.kafka.enabled");
        System.exit(0);
    }

    /** Starts the embedded environment with {@code off} false, expecting a clear refusal. */
    private static void embedded(String off) {
        try (Environment env = Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "embedded", off, "false")))) {
            System.out.println("EMBEDDED STARTED " + env.name());
            System.exit(3);
        } catch (SitkitException e) {
            System.out.println("EMBEDDED REFUSED " + e.getMessage());
        }
    }
}
