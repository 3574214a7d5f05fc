package io.sitkit.env;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * toolkit-core's broker servers are optional: a user who only connects to external brokers runs
 * without Kafka's server, Scala and ActiveMQ's broker. Proved in a JVM whose class path is this
 * test's minus every Kafka artifact but kafka-clients, all of Scala, every ActiveMQ artifact but
 * activemq-client (Artemis too) and Testcontainers, against brokers in yet another JVM.
 */
class CoreOnlyClasspathIT {

    static boolean optional(String entry) {
        String p = entry.replace(File.separatorChar, '/');
        return p.contains("/org/apache/kafka/") && !p.contains("/kafka-clients/")
                || p.contains("/org/scala-lang/")
                || p.contains("/org/apache/activemq/") && !p.contains("/activemq-client/")
                || p.contains("/org/testcontainers/");
    }

    @Test
    void theExternalEnvironmentWorksWithoutTheBrokerServersAndTheEmbeddedOneSaysWhatItNeeds() throws Exception {
        List<String> all = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> removed = all.stream().filter(CoreOnlyClasspathIT::optional).toList();
        assertThat(removed).as("the class path holds the servers to remove")
                .anyMatch(e -> e.contains("kafka_2.13")).anyMatch(e -> e.contains("activemq-broker"));
        String coreOnly = all.stream().filter(e -> !optional(e)).collect(Collectors.joining(File.pathSeparator));

        try (ChildBrokers.Running brokers = ChildBrokers.start()) {
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", coreOnly, CoreOnlyClient.class.getName(), brokers.bootstrap(), brokers.jmsUrl())
                    .redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean ended = client.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = output.get(10, TimeUnit.SECONDS);
            assertThat(ended).as("the core-only client ended within 120 s; its output:\n" + out).isTrue();
            assertThat(client.exitValue()).as(out).isZero();
            assertThat(out).contains("ABSENT kafka.server.KafkaRaftServer", "ABSENT scala.Option",
                    "ABSENT org.apache.activemq.broker.BrokerService", "ROUND TRIP OK 2",
                    "EMBEDDED REFUSED embedded Kafka needs org.apache.kafka:kafka_2.13",
                    "EMBEDDED REFUSED embedded ActiveMQ needs org.apache.activemq:activemq-broker on the classpath");
        }
    }
}
