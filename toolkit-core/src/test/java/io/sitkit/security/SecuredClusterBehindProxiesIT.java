package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.net.NetworkProxy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secured listeners and the embedded cluster and proxies together: every node of a cluster has the
 * secured listener and advertises its proxy under it; the proxies relay TLS unchanged.
 */
class SecuredClusterBehindProxiesIT {

    @Test
    void aScramTlsClusterOfThreeAndAPasswordTlsActiveMqServeSitkitOnlyThroughTheirProxies() throws Exception {
        try (EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of(
                "sitkit.embedded.kafka.brokers", "3", "sitkit.embedded.proxy", "true",
                "sitkit.embedded.kafka.security", "sasl-scram-tls", "sitkit.embedded.jms.security", "password-tls")));
             Bus bus = env.openBus();
             Admin admin = Admin.create(adminProperties(env.kafkaSettings().orElseThrow()))) {
            EmbeddedKafkaBroker kafka = env.kafkaBroker().orElseThrow();
            Map<String, NetworkProxy> proxies = env.proxies();
            KafkaSettings settings = env.kafkaSettings().orElseThrow();
            assertThat(settings.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
            assertThat(settings.bootstrapServers()).isEqualTo(proxies.get("kafka-1").address() + ","
                    + proxies.get("kafka-2").address() + "," + proxies.get("kafka-3").address());
            assertThat(env.jmsBrokerUrl()).contains("ssl://" + proxies.get("activemq").address());
            assertThat(admin.describeCluster().nodes().get())
                    .extracting(n -> "kafka-" + n.id() + "=" + n.host() + ":" + n.port())
                    .containsExactlyInAnyOrder("kafka-1=" + proxies.get("kafka-1").address(),
                            "kafka-2=" + proxies.get("kafka-2").address(), "kafka-3=" + proxies.get("kafka-3").address());

            bus.kafka().createTopic("secured-spread", 3, (short) 3, Map.of("min.insync.replicas", "2"));
            TopicDescription topic = admin.describeTopics(List.of("secured-spread")).allTopicNames().get().get("secured-spread");
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.isr()).as("in-sync replicas of " + p).hasSize(3));
            try (Capture capture = bus.capture("kafka:secured-spread", "jms:queue:secured-proxied")) {
                for (int i = 0; i < 30; i++) {
                    bus.publish(OutgoingMessage.text("kafka:secured-spread", "m-" + i).withKey("k-" + i));
                }
                bus.publish(OutgoingMessage.text("jms:queue:secured-proxied", "via the proxy, over TLS"));

                assertThat(capture.await(Destination.kafka("secured-spread"), 30, Duration.ofSeconds(20))).hasSize(30);
                assertThat(capture.await(Destination.jmsQueue("secured-proxied"), 1, Duration.ofSeconds(10)))
                        .extracting(m -> m.payloadText().orElseThrow()).containsExactly("via the proxy, over TLS");
            }
            proxies.forEach((name, p) -> assertThat(p.stats().bytesToTarget()).as(name + ": " + p.stats()).isPositive());

            kafka.restartNode(2);
            bus.publish(OutgoingMessage.text("kafka:secured-spread", "after the restart").withKey("k-0"));
            // Node 2 replicates again over the secured listener, through the proxies, as the broker's SCRAM user.
            await("node 2 back in every in-sync replica set").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(admin.describeTopics(List.of("secured-spread")).allTopicNames().get().get("secured-spread")
                            .partitions()).allSatisfy(p -> assertThat(p.isr()).extracting(n -> n.id()).contains(2)));
        }
    }

    @Test
    void aMutualTlsBrokerAdvertisesItsProxyAndSitkitConnectsThroughIt() throws Exception {
        try (EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of(
                "sitkit.embedded.proxy", "true", "sitkit.jms.enabled", "false",
                "sitkit.embedded.kafka.security", "mutual-tls")));
             Bus bus = env.openBus();
             Admin admin = Admin.create(adminProperties(env.kafkaSettings().orElseThrow()))) {
            NetworkProxy proxy = env.proxies().get("kafka-1");
            assertThat(env.kafkaSettings().orElseThrow().bootstrapServers()).isEqualTo(proxy.address());
            assertThat(admin.describeCluster().nodes().get()).extracting(n -> n.host() + ":" + n.port())
                    .containsExactly(proxy.address());

            try (Capture capture = bus.capture("kafka:mtls-proxied")) {
                bus.publish(OutgoingMessage.text("kafka:mtls-proxied", "with a client certificate"));
                assertThat(capture.await(Destination.kafka("mtls-proxied"), 1, Duration.ofSeconds(15))).hasSize(1);
            }
            assertThat(proxy.stats().bytesToTarget()).as(proxy.stats().toString()).isPositive();
        }
    }

    private static Map<String, Object> adminProperties(KafkaSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put("bootstrap.servers", settings.bootstrapServers());
        return props;
    }
}
