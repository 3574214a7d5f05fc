package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An embedded broker with an SSL listener that requires client certificates, reached through the external environment. */
class MutualTlsKafkaIT {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults().withSecurity(EmbeddedKafkaSecurity.mutualTls()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static SitkitConfig externalConfig(Map<String, String> clientProperties) {
        SitkitConfig config = SitkitConfig.empty()
                .with("sitkit.environment", "external")
                .with("sitkit.kafka.bootstrap-servers", broker.bootstrapServers())
                .with("sitkit.kafka.timeout", "5s");
        for (Map.Entry<String, String> e : clientProperties.entrySet()) {
            config = config.with("sitkit.kafka.client." + e.getKey(), e.getValue());
        }
        return config;
    }

    @Test
    void aClientWithATrustedCertificatePublishesAndCaptures() {
        assertThat(broker.clientSecurityProperties()).containsEntry("security.protocol", "SSL")
                .containsKey("ssl.keystore.location");
        try (Environment env = Environments.start(externalConfig(broker.clientSecurityProperties()));
             Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:mtls-orders")) {
            bus.publish(OutgoingMessage.text("kafka:mtls-orders", "{\"orderId\":\"o-2\"}"));

            List<Message> seen = capture.await(Destination.kafka("mtls-orders"), 1, Duration.ofSeconds(10));

            assertThat(seen).singleElement().satisfies(m -> assertThat(m.payloadText()).contains("{\"orderId\":\"o-2\"}"));
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedWithAClearMessage() {
        Map<String, String> trustOnly = new java.util.TreeMap<>(broker.clientSecurityProperties());
        trustOnly.keySet().removeIf(k -> k.startsWith("ssl.keystore") || k.equals("ssl.key.password"));
        // TLS 1.3 tells the client of a missing certificate only after its side of the handshake: every attempt
        // must still fail at once and say so.
        for (int attempt = 0; attempt < 10; attempt++) {
            long t0 = System.nanoTime();
            try (Environment env = Environments.start(externalConfig(trustOnly));
                 Bus bus = env.openBus()) {
                assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("kafka:mtls-orders", "x")))
                        .isInstanceOf(SitkitException.class)
                        .hasMessageStartingWith("publishing to kafka:mtls-orders failed: TLS authentication failed at Kafka "
                                + broker.bootstrapServers() + " (security.protocol SSL); check sitkit.kafka.client.ssl.truststore.*")
                        .hasMessageContaining("sitkit.kafka.client.ssl.keystore.* (a client certificate the broker trusts)")
                        .satisfies(e -> assertThat(e.toString()).doesNotContain(broker.tls().orElseThrow().password()));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void theEmbeddedEnvironmentConnectsItsOwnClientsToAMutualTlsBroker() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.jms.enabled", "false")
                .with("sitkit.embedded.kafka.security", "mutual-tls");
        try (Environment env = Environments.start(config);
             Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:embedded-mtls")) {
            bus.publish(OutgoingMessage.text("kafka:embedded-mtls", "hello"));

            assertThat(capture.await(Destination.kafka("embedded-mtls"), 1, Duration.ofSeconds(10))).hasSize(1);
        }
    }
}
