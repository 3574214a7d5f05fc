package io.sitkit.config;

import io.sitkit.jms.JmsSettings;
import io.sitkit.kafka.KafkaSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsNeverPrintedTest {

    @Test
    void kafkaSettingsMaskJaasConfigAndPasswords() {
        KafkaSettings s = KafkaSettings.of("broker:9093")
                .withClientProperty("sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"p4ss\";")
                .withClientProperty("ssl.truststore.password", "trustme");
        assertThat(s.toString()).doesNotContain("p4ss").doesNotContain("trustme").contains("broker:9093");
    }

    @Test
    void jmsSettingsHideThePasswordAndCredentialsInTheUrl() {
        JmsSettings s = JmsSettings.activeMq("tcp://admin:hunter2@mq:61616?jms.password=hunter3").withCredentials("app", "hunter4");
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("hunter3").doesNotContain("hunter4")
                .contains("mq:61616").contains("app");
        assertThat(s.address()).isEqualTo("tcp://******@mq:61616?jms.password=******");
    }

    @Test
    void jmsSettingsFromConfigurationKeepThePasswordOutOfTheAddress() {
        JmsSettings s = JmsSettings.from(SitkitConfig.of(Map.of("sitkit.jms.user", "app", "sitkit.jms.password", "s3cr3t")),
                "tcp://mq:61616", io.sitkit.jms.QueueObservation.NONE);
        assertThat(s.toString()).doesNotContain("s3cr3t");
        assertThat(s.password()).isEqualTo("s3cr3t");
    }
}
