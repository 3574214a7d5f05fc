package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.net.NetworkProxy;
import io.sitkit.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedded ActiveMQ whose ssl:// connector requires a client certificate, reached through the external environment. */
class MutualTlsJmsIT {
    private static final String QUEUE = "mtls-payments";
    private static final String REFUSED_PREFIX = "TLS handshake with the JMS broker at %s failed while publishing to jms:queue:"
            + QUEUE + ": ";
    private static final String TRUST_HINT = "; check sitkit.jms.ssl.truststore (does it trust the broker's certificate?)";
    private static EmbeddedActiveMq broker;
    private static TlsMaterial tls;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedActiveMq.start(false, null, EmbeddedActiveMq.DEFAULT_MIRROR_PREFIX,
                EmbeddedActiveMqSecurity.none().withMutualTls());
        tls = broker.tls().orElseThrow();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** Trust store only: what a client without a certificate has. */
    private static SitkitConfig trustOnly() {
        return SitkitConfig.empty()
                .with("sitkit.environment", "external")
                .with("sitkit.kafka.enabled", "false")
                .with("sitkit.jms.url", broker.brokerUrl())
                .with("sitkit.jms.timeout", "5s")
                .with("sitkit.jms.queue-observation", "mirror")
                .with("sitkit.jms.ssl.truststore", tls.trustStore().toString())
                .with("sitkit.jms.ssl.truststore-password", tls.password());
    }

    private static SitkitConfig withClientCertificate(Path keyStore, String password) {
        return trustOnly().with("sitkit.jms.ssl.keystore", keyStore.toString())
                .with("sitkit.jms.ssl.keystore-password", password);
    }

    private static void publishesAndCaptures(SitkitConfig config, String queue) {
        try (Environment env = Environments.start(config);
             Bus bus = env.openBus();
             Capture capture = bus.capture("jms:queue:" + queue)) {
            bus.publish(OutgoingMessage.text("jms:queue:" + queue, "{\"paymentId\":\"p-7\"}"));

            assertThat(capture.await(Destination.jmsQueue(queue), 1, Duration.ofSeconds(10)))
                    .singleElement().satisfies(m -> assertThat(m.payloadText()).hasValue("{\"paymentId\":\"p-7\"}"));
        }
    }

    /** Publishing with {@code config} fails within 5 s; the failure. */
    private static SitkitException refusal(SitkitConfig config) {
        long t0 = System.nanoTime();
        SitkitException refused;
        try (Environment env = Environments.start(config)) {
            refused = org.junit.jupiter.api.Assertions.assertThrows(SitkitException.class, () -> {
                try (Bus bus = env.openBus()) {
                    bus.publish(OutgoingMessage.text("jms:queue:" + QUEUE, "x"));
                }
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time to the refusal").isLessThan(Duration.ofSeconds(5));
        return refused;
    }

    @Test
    void aClientWithTheBrokersClientCertificatePublishesAndCaptures() {
        assertThat(broker.brokerUrl()).matches("ssl://127\\.0\\.0\\.1:\\d+");
        publishesAndCaptures(withClientCertificate(tls.clientKeyStore(), tls.password()), QUEUE);
    }

    @Test
    void aClientWithoutACertificateIsRefusedNamingTheBrokerAndTheKeyStoreKeys() {
        // TLS 1.3 tells the client of its missing certificate after its side of the handshake: the client sees a
        // broken pipe, a closed connection or a failed channel, depending on timing. Every attempt must say the same.
        for (int attempt = 0; attempt < 10; attempt++) {
            SitkitException refused = refusal(trustOnly());

            assertThat(refused).isNotInstanceOf(BrokerUnavailableException.class)
                    .hasMessageStartingWith(REFUSED_PREFIX.formatted(broker.brokerUrl()))
                    .hasMessageEndingWith(TRUST_HINT + "; no client certificate was offered: if the broker requires one"
                            + " (mutual TLS), set sitkit.jms.ssl.keystore and sitkit.jms.ssl.keystore-password");
            assertThat(refused.toString()).doesNotContain(tls.password());
        }
    }

    @Test
    void aCertificateTheBrokerDoesNotTrustIsRefusedNamingTheKeyStore(@TempDir Path dir) {
        TlsMaterial stranger = TlsMaterial.generate(dir);

        SitkitException refused = refusal(withClientCertificate(stranger.clientKeyStore(), stranger.password()));

        assertThat(refused).hasMessageStartingWith(REFUSED_PREFIX.formatted(broker.brokerUrl()))
                .hasMessageEndingWith(TRUST_HINT + " and sitkit.jms.ssl.keystore (does the broker trust its client certificate?)");
        assertThat(refused.toString()).doesNotContain(stranger.password()).doesNotContain(tls.password());
    }

    @Test
    void theEmbeddedEnvironmentConnectsItsOwnClientsToAMutualTlsBroker() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.kafka.enabled", "false")
                .with("sitkit.embedded.jms.security", "mutual-tls");
        publishesAndCaptures(config, "embedded-mtls");
    }

    @Test
    void withAPasswordToo_andBehindItsProxy_theBrokerStillWantsTheCertificate() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.kafka.enabled", "false")
                .with("sitkit.embedded.jms.security", "password-mutual-tls").with("sitkit.embedded.proxy", "true");
        try (EmbeddedEnvironment env = (EmbeddedEnvironment) Environments.start(config);
             Bus bus = env.openBus();
             Capture capture = bus.capture("jms:queue:proxied-mtls")) {
            bus.publish(OutgoingMessage.text("jms:queue:proxied-mtls", "through the proxy, with a certificate"));

            assertThat(capture.await(Destination.jmsQueue("proxied-mtls"), 1, Duration.ofSeconds(10))).hasSize(1);
            NetworkProxy proxy = env.proxies().get("activemq");
            assertThat(env.jmsSettings().orElseThrow().address()).isEqualTo("ssl://" + proxy.address());
            assertThat(proxy.stats().bytesToTarget()).as(proxy.stats().toString()).isPositive();
            assertThat(env.activeMqBroker().orElseThrow().broker().getTransportConnectors().get(0).getUri().getQuery())
                    .isEqualTo("needClientAuth=true");
        }
    }

    @Test
    void theClientKeyStoreSettingsPrintNoSecret() {
        SitkitConfig config = withClientCertificate(tls.clientKeyStore(), tls.password())
                .with("sitkit.jms.ssl.key-password", tls.password());

        assertThat(config.toString()).doesNotContain(tls.password())
                .contains("sitkit.jms.ssl.keystore=" + tls.clientKeyStore(), "sitkit.jms.ssl.keystore-password=******",
                        "sitkit.jms.ssl.key-password=******");
        assertThat(JmsSettings.from(config, null, QueueObservation.MIRROR).toString()).doesNotContain(tls.password());
        assertThat(tls.toString()).doesNotContain(tls.password());
    }
}
