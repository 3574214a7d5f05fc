package io.sitkit.config;

import io.sitkit.jms.JmsSettings;
import io.sitkit.kafka.KafkaSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void theConfigurationsDescriptionHidesCredentialsWrittenIntoUrls() {
        SitkitConfig c = SitkitConfig.of(Map.of(
                "sitkit.jms.url", "failover:(tcp://admin:hunter2@mq:61616)?jms.password=hunter3&jms.prefetchPolicy.all=10",
                "sitkit.schema-registry.url", "https://ci:hunter5@registry:8081/apis?token=hunter6",
                "sitkit.schema-registry.basic.auth.user.info", "ci:hunter7"));
        assertThat(c.toString()).doesNotContain("hunter").contains("mq:61616").contains("registry:8081")
                .contains("jms.prefetchPolicy.all=10");
        assertThat(c.describe().get("sitkit.jms.url"))
                .startsWith("failover:(tcp://******@mq:61616)?jms.password=******&jms.prefetchPolicy.all=10");
    }

    @Test
    void anInvalidValueIsQuotedWithoutTheCredentialsOfItsUrl() {
        SitkitConfig c = SitkitConfig.of(Map.of("sitkit.kafka.timeout", "http://u:hunter8@host?secret=hunter9"));
        assertThatThrownBy(() -> c.duration("sitkit.kafka.timeout", java.time.Duration.ofSeconds(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sitkit.kafka.timeout")
                .hasMessageNotContaining("hunter");
    }

    @Test
    void kafkaClientPropertiesHideCredentialsInUrls() {
        KafkaSettings s = KafkaSettings.of("broker:9093")
                .withClientProperty("sasl.oauthbearer.jwks.endpoint.url", "https://id:hunter10@idp/keys?client_secret=hunter11");
        assertThat(s.toString()).doesNotContain("hunter").contains("idp/keys");
    }

    @Test
    void urlCredentialsAreMaskedWhereverTheyStandAndNeighboursAreKept() {
        assertThat(Secrets.redactUrls("tcp://u:p@ss@h:61616")).isEqualTo("tcp://******@h:61616");
        assertThat(Secrets.redactUrls("failover:(tcp://a:1?wireFormat.password=x,tcp://b:2)?randomize=false"))
                .isEqualTo("failover:(tcp://a:1?wireFormat.password=******,tcp://b:2)?randomize=false");
        assertThat(Secrets.redactUrls("https://h/p?pwd=1&apikey=2&api_key=3&sig=4&X-Amz-Signature=5&client_secret=6&access_token=7"))
                .isEqualTo("https://h/p?pwd=******&apikey=******&api_key=******&sig=******&X-Amz-Signature=******"
                        + "&client_secret=******&access_token=******");
        assertThat(Secrets.redactUrls("jdbc:sqlserver://h;user=sa;password=x;db=a")).isEqualTo("jdbc:sqlserver://h;user=sa;password=******;db=a");
        assertThat(Secrets.redactUrls("https://h/p?tokenType=jwt&max_tokens=5#frag")).isEqualTo("https://h/p?tokenType=jwt&max_tokens=5#frag");
        assertThat(Secrets.redactUrls("tcp://mq:61616,ops@example.com")).isEqualTo("tcp://mq:61616,ops@example.com");
    }

    @Test
    void textWithoutUrlCredentialsIsLeftAsItIs() {
        assertThat(Secrets.redactUrls("tcp://mq:61616?jms.prefetchPolicy.all=10 (mail ops@example.com)"))
                .isEqualTo("tcp://mq:61616?jms.prefetchPolicy.all=10 (mail ops@example.com)");
        assertThat(Secrets.redactUrls(null)).isNull();
    }
}
