package io.sitkit.fault;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.net.NetworkProxy;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitkit.embedded.proxy=true}: every embedded broker, each node of a Kafka cluster included, behind its own proxy. */
class EmbeddedProxyIT {

    @Test
    void everyNodeAdvertisesItsProxyAndEveryClientGoesThroughOne() throws Exception {
        try (EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of(
                "sitkit.embedded.proxy", "true", "sitkit.embedded.kafka.brokers", "3")));
             Bus bus = env.openBus();
             Admin admin = Admin.create(Map.of("bootstrap.servers", env.kafkaSettings().orElseThrow().bootstrapServers()))) {
            Map<String, NetworkProxy> proxies = env.proxies();
            assertThat(proxies).containsOnlyKeys("kafka-1", "kafka-2", "kafka-3", "activemq");
            assertThat(admin.describeCluster().nodes().get()).extracting(n -> "kafka-" + n.id() + "=" + n.host() + ":" + n.port())
                    .containsExactlyInAnyOrder("kafka-1=" + proxies.get("kafka-1").address(),
                            "kafka-2=" + proxies.get("kafka-2").address(), "kafka-3=" + proxies.get("kafka-3").address());
            assertThat(env.kafkaSettings().orElseThrow().bootstrapServers()).doesNotContain(env.kafkaBroker().orElseThrow().nodeAddress(1));

            bus.kafka().createTopic("spread", 3, (short) 3, Map.of());
            try (Capture capture = bus.capture("kafka:spread", "jms:queue:proxied")) {
                for (int i = 0; i < 30; i++) {
                    bus.publish(OutgoingMessage.text("kafka:spread", "m-" + i).withKey("k-" + i));
                }
                bus.publish(OutgoingMessage.text("jms:queue:proxied", "via the proxy"));
                capture.await(Destination.kafka("spread"), 30, Duration.ofSeconds(15));
                capture.await(Destination.jmsQueue("proxied"), 1, Duration.ofSeconds(10));
            }
            proxies.forEach((name, p) -> System.out.println(name + ": " + p.stats()));
            proxies.values().forEach(p -> assertThat(p.stats().bytesToTarget()).as(p.toString()).isPositive());

            proxies.values().forEach(p -> p.setLatency(Duration.ofMillis(50)));
            long t0 = System.nanoTime();
            bus.publish(OutgoingMessage.text("kafka:spread", "late").withKey("k-0"));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("publish with 50 ms each way on every proxy: " + took.toMillis() + " ms");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }
}
