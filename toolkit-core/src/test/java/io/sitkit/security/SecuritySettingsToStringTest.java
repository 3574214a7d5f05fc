package io.sitkit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;
import io.sitkit.tls.TlsMaterial;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every configuration value that can hold a credential prints it masked. */
class SecuritySettingsToStringTest {
    private static final String SECRET = "Known-Secret-9f86d081";

    @Test
    void theEmbeddedKafkaConfigMasksScramPasswordsAndCredentialBrokerProperties() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
                .withSecurity(EmbeddedKafkaSecurity.saslScramTls(Map.of("alice", SECRET)))
                .withBrokerProperty("listener.name.x.ssl.keystore.password", SECRET)
                .withBrokerProperty("num.io.threads", "3");

        assertThat(config.toString()).doesNotContain(SECRET)
                .contains("brokerProperties={listener.name.x.ssl.keystore.password=******, num.io.threads=3}")
                .contains("security=EmbeddedKafkaSecurity[sasl-scram-tls, users={alice=******}]");
    }

    @Test
    void tlsMaterialAndActiveMqSecurityMaskTheirPasswords() {
        TlsMaterial tls = new TlsMaterial(Path.of("s.p12"), Path.of("c.p12"), Path.of("t.p12"), SECRET);

        assertThat(tls).hasToString("TlsMaterial[serverKeyStore=s.p12, clientKeyStore=c.p12, trustStore=t.p12, password=******]");
        assertThat(EmbeddedActiveMqSecurity.none().withUser("bob", SECRET).withTls(true))
                .hasToString("EmbeddedActiveMqSecurity[users={bob=******}, tls=true, clientCertificates=false]");
        assertThat(EmbeddedActiveMqSecurity.none().withUser("bob", SECRET).withMutualTls())
                .hasToString("EmbeddedActiveMqSecurity[users={bob=******}, tls=true, clientCertificates=true]");
    }

    @Test
    void clientCertificatesNeedTlsAndGoWithIt() {
        assertThatThrownBy(() -> new EmbeddedActiveMqSecurity(Map.of(), false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client certificates need an ssl:// connector but tls is off; use withMutualTls()");
        assertThat(EmbeddedActiveMqSecurity.none().withMutualTls().withTls(false))
                .isEqualTo(EmbeddedActiveMqSecurity.none());
        assertThat(EmbeddedActiveMqSecurity.none().withMutualTls().withTls(true).clientCertificates()).isTrue();
    }

    @Test
    void clientSettingsAndTheConfigurationMaskJaasAndStorePasswords() {
        SitkitConfig config = SitkitConfig.empty()
                .with("sitkit.kafka.bootstrap-servers", "broker:9093")
                .with("sitkit.kafka.client.sasl.jaas.config", EmbeddedKafkaSecurity.jaasConfig("alice", SECRET))
                .with("sitkit.kafka.client.ssl.truststore.password", SECRET)
                .with("sitkit.jms.url", "ssl://mq:61617")
                .with("sitkit.jms.password", SECRET)
                .with("sitkit.jms.ssl.truststore", "/etc/trust.p12")
                .with("sitkit.jms.ssl.truststore-password", SECRET)
                .with("sitkit.jms.ssl.keystore", "/etc/client.p12")
                .with("sitkit.jms.ssl.keystore-password", SECRET)
                .with("sitkit.jms.ssl.key-password", SECRET + "-key");

        assertThat(config.toString()).doesNotContain(SECRET).contains("sitkit.jms.ssl.truststore=/etc/trust.p12",
                "sitkit.jms.ssl.keystore=/etc/client.p12", "sitkit.jms.ssl.keystore-password=******", "sitkit.jms.ssl.key-password=******");
        assertThat(KafkaSettings.from(config, null).toString()).doesNotContain(SECRET)
                .contains("sasl.jaas.config=******", "ssl.truststore.password=******");
        assertThat(JmsSettings.from(config, null, QueueObservation.NONE).toString()).doesNotContain(SECRET);
    }

    @Test
    void scramUsersAreValidatedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> EmbeddedKafkaSecurity.saslScramTls(Map.of("alice", "has space " + SECRET)))
                .hasMessage("the password of SCRAM user 'alice' must be non-empty and use only letters, digits and _.@+-");
        assertThatThrownBy(() -> EmbeddedKafkaSecurity.saslScramTls(Map.of("sitkit-broker", SECRET)))
                .hasMessage("SCRAM user 'sitkit-broker' is the broker's own; pick another name");
        assertThatThrownBy(() -> EmbeddedKafkaSecurity.saslScramTls(Map.of()))
                .hasMessage("SASL/SCRAM needs at least one user");
        assertThat(EmbeddedKafkaSecurity.Mode.parse("Mutual-TLS")).isEqualTo(EmbeddedKafkaSecurity.Mode.MUTUAL_TLS);
    }
}
