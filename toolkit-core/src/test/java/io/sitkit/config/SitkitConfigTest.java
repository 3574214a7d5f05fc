package io.sitkit.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitkitConfigTest {

    @Test
    void systemPropertiesBeatEnvironmentVariablesWhichBeatTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sitkit.properties");
        Files.writeString(file, "sitkit.kafka.bootstrap-servers=file:1\nsitkit.jms.url=tcp://file:1\nsitkit.kafka.timeout=7s\n");
        Properties sys = new Properties();
        sys.setProperty("sitkit.config.file", file.toString());
        sys.setProperty("sitkit.kafka.bootstrap-servers", "sys:1");
        Map<String, String> env = Map.of("SITKIT_KAFKA_BOOTSTRAP_SERVERS", "env:1", "SITKIT_JMS_URL", "tcp://env:1");

        SitkitConfig config = SitkitConfig.load(env, sys);

        assertThat(config.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS)).contains("sys:1");
        assertThat(config.get(ConfigKeys.JMS_URL)).contains("tcp://env:1");
        assertThat(config.duration(ConfigKeys.KAFKA_TIMEOUT, Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.source(ConfigKeys.JMS_URL)).contains("environment variable SITKIT_JMS_URL");
        assertThat(config.with(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS, "code:1").get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS))
                .contains("code:1");
    }

    @Test
    void yamlNestingIsFlattenedIntoTheSameKeys() {
        SitkitConfig config = SitkitConfig.parse("""
                sitkit:
                  kafka:
                    bootstrap-servers: broker:9092
                    client:
                      security.protocol: SASL_SSL
                  jms:
                    timeout: 500ms
                """, "sitkit.yaml");
        assertThat(config.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS)).contains("broker:9092");
        assertThat(config.withPrefix(ConfigKeys.KAFKA_CLIENT_PREFIX)).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.duration(ConfigKeys.JMS_TIMEOUT, Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void passThroughEnvironmentVariablesMapUnderscoresToDots() {
        SitkitConfig config = SitkitConfig.load(Map.of("SITKIT_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512"), new Properties());
        assertThat(config.withPrefix(ConfigKeys.KAFKA_CLIENT_PREFIX)).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void credentialsAreMaskedWhenConfigurationIsShown() {
        SitkitConfig config = SitkitConfig.of(Map.of(ConfigKeys.JMS_PASSWORD, "hunter2",
                "sitkit.kafka.client.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"s3cret\";"));
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains(Secrets.MASK);
    }

    @Test
    void aMalformedValueNamesKeySourceAndAcceptedForms() {
        SitkitConfig config = SitkitConfig.of(Map.of(ConfigKeys.KAFKA_TIMEOUT, "soon"));
        assertThatThrownBy(() -> config.duration(ConfigKeys.KAFKA_TIMEOUT, Duration.ZERO))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sitkit.kafka.timeout = 'soon' (from code) is not valid; expected a duration such as "
                        + "500ms, 10s, 2m, 1h or PT10S");
    }

    @Test
    void aMalformedSecretIsNotEchoed() {
        SitkitConfig config = SitkitConfig.of(Map.of("sitkit.jms.password-rotation", "x"));
        assertThatThrownBy(() -> config.integer("sitkit.jms.password-rotation", 1)).hasMessageNotContaining("'x'");
    }

    @Test
    void aMissingRequiredKeyNamesItsEnvironmentVariable() {
        assertThatThrownBy(() -> SitkitConfig.empty().required(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS))
                .hasMessageContaining("SITKIT_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void sizesAreReadInBytesWithBinaryUnits() {
        SitkitConfig c = SitkitConfig.of(java.util.Map.of("a", "1048576", "b", "256MiB", "c", "2 GiB", "d", "lots"));
        org.assertj.core.api.Assertions.assertThat(c.bytes("a", 0)).isEqualTo(1_048_576L);
        org.assertj.core.api.Assertions.assertThat(c.bytes("b", 0)).isEqualTo(256L << 20);
        org.assertj.core.api.Assertions.assertThat(c.bytes("c", 0)).isEqualTo(2L << 30);
        org.assertj.core.api.Assertions.assertThat(c.bytes("missing", 7)).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.bytes("d", 0)).hasMessageContaining("a size in bytes such as 1048576 or 256MiB");
    }
}
