package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.tls.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedded ActiveMQ with users and passwords, and over TLS, reached through the external environment. */
class SecuredJmsIT {
    static final String USER = "bob";
    static final String PASSWORD = "bob-Known-Secret-2718";
    static final String WRONG_PASSWORD = "bob-Wrong-Secret-3141";
    private static EmbeddedActiveMq passwordBroker;
    private static EmbeddedActiveMq tlsBroker;

    @BeforeAll
    static void startBrokers() {
        passwordBroker = EmbeddedActiveMq.start(false, null, EmbeddedActiveMq.DEFAULT_MIRROR_PREFIX,
                EmbeddedActiveMqSecurity.none().withUser(USER, PASSWORD));
        tlsBroker = EmbeddedActiveMq.start(false, null, EmbeddedActiveMq.DEFAULT_MIRROR_PREFIX,
                EmbeddedActiveMqSecurity.none().withUser(USER, PASSWORD).withTls(true));
    }

    @AfterAll
    static void stopBrokers() {
        tlsBroker.close();
        passwordBroker.close();
    }

    static SitkitConfig externalConfig(EmbeddedActiveMq broker, String password) {
        SitkitConfig config = SitkitConfig.empty()
                .with("sitkit.environment", "external")
                .with("sitkit.jms.url", broker.brokerUrl())
                .with("sitkit.jms.timeout", "5s")
                .with("sitkit.jms.queue-observation", "mirror")
                .with("sitkit.jms.user", USER)
                .with("sitkit.jms.password", password);
        if (broker.tls().isPresent()) {
            TlsMaterial tls = broker.tls().get();
            config = config.with("sitkit.jms.ssl.truststore", tls.trustStore().toString())
                    .with("sitkit.jms.ssl.truststore-password", tls.password());
        }
        return config;
    }

    private static void publishesAndCaptures(SitkitConfig config, String queue) {
        try (Environment env = Environments.start(config);
             Bus bus = env.openBus();
             Capture capture = bus.capture("jms:queue:" + queue)) {
            bus.publish(OutgoingMessage.text("jms:queue:" + queue, "{\"paymentId\":\"p-1\"}"));

            assertThat(capture.await(Destination.jmsQueue(queue), 1, Duration.ofSeconds(10)))
                    .singleElement().satisfies(m -> assertThat(m.payloadText()).contains("{\"paymentId\":\"p-1\"}"));
        }
    }

    @Test
    void aUserWithTheRightPasswordPublishesAndCaptures() {
        assertThat(passwordBroker.brokerUrl()).startsWith("tcp://");
        publishesAndCaptures(externalConfig(passwordBroker, PASSWORD), "secured-payments");
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheBrokerAndUserButNotThePassword() {
        long t0 = System.nanoTime();
        try (Environment env = Environments.start(externalConfig(passwordBroker, WRONG_PASSWORD))) {
            assertThatThrownBy(() -> {
                try (Bus bus = env.openBus()) {
                    bus.publish(OutgoingMessage.text("jms:queue:secured-payments", "x"));
                }
            }).isInstanceOf(SitkitException.class)
                    .hasMessageStartingWith("JMS broker at " + passwordBroker.brokerUrl() + " refused the credentials of user 'bob'")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anSslConnectorWithATrustStoreAndPasswordPublishesAndCaptures() {
        assertThat(tlsBroker.brokerUrl()).startsWith("ssl://127.0.0.1:");
        publishesAndCaptures(externalConfig(tlsBroker, PASSWORD), "tls-payments");
    }

    @Test
    void anSslConnectorWithoutTheTrustStoreIsRefusedWithAHint() {
        SitkitConfig noTrust = externalConfig(tlsBroker, PASSWORD).with("sitkit.jms.ssl.truststore", null)
                .with("sitkit.jms.ssl.truststore-password", null);
        // The client's PKIX verdict and the socket's close race each other: every attempt must still say TLS.
        for (int attempt = 0; attempt < 10; attempt++) {
            try (Environment env = Environments.start(noTrust)) {
                assertThatThrownBy(() -> {
                    try (Bus bus = env.openBus()) {
                        bus.publish(OutgoingMessage.text("jms:queue:tls-payments", "x"));
                    }
                }).isInstanceOf(SitkitException.class)
                        .hasMessageStartingWith("TLS handshake with the JMS broker at " + tlsBroker.brokerUrl() + " failed")
                        .hasMessageContaining("; check sitkit.jms.ssl.truststore (does it trust the broker's certificate?)");
            }
        }
    }

    @Test
    void theEmbeddedEnvironmentConnectsItsOwnClientsToAPasswordAndTlsBroker() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.kafka.enabled", "false")
                .with("sitkit.embedded.jms.security", "password-tls");
        publishesAndCaptures(config, "embedded-secured");
    }

    @Test
    void configurationAndBrokerSecurityPrintNoSecret() {
        assertThat(externalConfig(tlsBroker, PASSWORD).toString()).doesNotContain(PASSWORD)
                .doesNotContain(tlsBroker.tls().orElseThrow().password());
        assertThat(EmbeddedActiveMqSecurity.none().withUser(USER, PASSWORD).toString())
                .isEqualTo("EmbeddedActiveMqSecurity[users={bob=******}, tls=false, clientCertificates=false]");
    }
}
