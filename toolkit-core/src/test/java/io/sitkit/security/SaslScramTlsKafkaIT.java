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

/** An embedded broker with a SASL_SSL listener (SCRAM-SHA-512), reached through the external environment. */
class SaslScramTlsKafkaIT {
    static final String USER = "alice";
    static final String PASSWORD = "alice-Known-Secret-4711";
    static final String WRONG_PASSWORD = "wrong-Known-Secret-0815";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults()
                .withSecurity(EmbeddedKafkaSecurity.saslScramTls(Map.of(USER, PASSWORD))));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    static SitkitConfig externalConfig(EmbeddedKafkaBroker kafka, String user, String password) {
        SitkitConfig config = SitkitConfig.empty()
                .with("sitkit.environment", "external")
                .with("sitkit.kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("sitkit.kafka.timeout", "5s")
                .with("sitkit.kafka.client.sasl.jaas.config", EmbeddedKafkaSecurity.jaasConfig(user, password));
        for (Map.Entry<String, String> e : kafka.clientSecurityProperties().entrySet()) {
            config = config.with("sitkit.kafka.client." + e.getKey(), e.getValue());
        }
        return config;
    }

    @Test
    void theExternalEnvironmentPublishesAndCapturesWithScramOverTls() {
        assertThat(broker.clientSecurityProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        try (Environment env = Environments.start(externalConfig(broker, USER, PASSWORD));
             Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:secured-orders")) {
            bus.publish(OutgoingMessage.text("kafka:secured-orders", "{\"orderId\":\"o-1\"}").withKey("o-1"));

            List<Message> seen = capture.await(Destination.kafka("secured-orders"), 1, Duration.ofSeconds(10));

            assertThat(seen).singleElement().satisfies(m -> assertThat(m.payloadText()).contains("{\"orderId\":\"o-1\"}"));
        }
    }

    @Test
    void aWrongPasswordFailsFastNamingTheBrokerButNotThePassword() {
        long t0 = System.nanoTime();
        try (Environment env = Environments.start(externalConfig(broker, USER, WRONG_PASSWORD));
             Bus bus = env.openBus()) {
            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("kafka:secured-orders", "x")))
                    .isInstanceOf(SitkitException.class)
                    .hasMessageStartingWith("publishing to kafka:secured-orders failed: SASL authentication failed at Kafka "
                            + broker.bootstrapServers() + " (security.protocol SASL_SSL); check the user and password in"
                            + " sitkit.kafka.client.sasl.jaas.config and sitkit.kafka.client.sasl.mechanism (")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void usersSurviveARestartAndANewBrokerOnTheSameDataDir(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withDataDir(dir)
                .withSecurity(EmbeddedKafkaSecurity.saslScramTls(Map.of(USER, PASSWORD)));
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(config)) {
            first.restart();
            publishAndCapture(first, "after-restart");
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(config)) {
            publishAndCapture(second, "on-the-same-dir");
        }
    }

    private static void publishAndCapture(EmbeddedKafkaBroker kafka, String topic) {
        try (Environment env = Environments.start(externalConfig(kafka, USER, PASSWORD));
             Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:" + topic)) {
            bus.publish(OutgoingMessage.text("kafka:" + topic, "x"));
            assertThat(capture.await(Destination.kafka(topic), 1, Duration.ofSeconds(10))).hasSize(1);
        }
    }

    @Test
    void aCaptureWithAWrongPasswordFailsFastToo() {
        long t0 = System.nanoTime();
        try (Environment env = Environments.start(externalConfig(broker, USER, WRONG_PASSWORD));
             Bus bus = env.openBus()) {
            assertThatThrownBy(() -> bus.capture("kafka:secured-orders").close())
                    .isInstanceOf(SitkitException.class)
                    .hasMessageContaining("SASL authentication failed at Kafka " + broker.bootstrapServers())
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(WRONG_PASSWORD));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theEmbeddedEnvironmentConnectsItsOwnClientsWithAGeneratedScramUser() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.jms.enabled", "false")
                .with("sitkit.embedded.kafka.security", "sasl-scram-tls");
        try (Environment env = Environments.start(config);
             Bus bus = env.openBus();
             Capture capture = bus.capture("kafka:embedded-scram")) {
            bus.publish(OutgoingMessage.text("kafka:embedded-scram", "hello"));

            assertThat(capture.await(Destination.kafka("embedded-scram"), 1, Duration.ofSeconds(10))).hasSize(1);
        }
    }

    @Test
    void anUnknownSecurityModeIsRefusedWithTheChoices() {
        SitkitConfig config = SitkitConfig.empty().with("sitkit.jms.enabled", "false")
                .with("sitkit.embedded.kafka.security", "kerberos");
        assertThatThrownBy(() -> Environments.start(config).close())
                .hasMessage("sitkit.embedded.kafka.security: unknown embedded Kafka security 'kerberos';"
                        + " use none, sasl-scram-tls or mutual-tls");
    }

    @Test
    void configurationAndBrokerPrintNoSecret() {
        SitkitConfig config = externalConfig(broker, USER, PASSWORD);
        assertThat(config.toString()).doesNotContain(PASSWORD).doesNotContain(broker.tls().orElseThrow().password());
        assertThat(broker.config().toString()).contains("alice=******").doesNotContain(PASSWORD);
        assertThat(broker.tls().orElseThrow().toString()).doesNotContain(broker.tls().orElseThrow().password());
    }
}
