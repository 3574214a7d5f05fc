package io.sitkit.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownKeysTest {

    @Test
    void aMistypedKeyInOneOfSitkitsNamespacesIsUnknownAndTheNearestKeyIsSuggested() {
        assertThat(UnknownKeys.isUnknown("sitkit.kafka.bootstrap-server")).isTrue();
        assertThat(UnknownKeys.nearest("sitkit.kafka.bootstrap-server")).hasValue(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS);
        assertThat(UnknownKeys.isUnknown("sitkit.jms.queue-observaton")).isTrue();
        assertThat(UnknownKeys.nearest("sitkit.jms.queue-observaton")).hasValue(ConfigKeys.JMS_QUEUE_OBSERVATION);
        assertThat(UnknownKeys.isUnknown("sitkit.schema-registry.uri")).isTrue();
        assertThat(UnknownKeys.nearest("sitkit.schema-registry.uri")).hasValue(ConfigKeys.SCHEMA_REGISTRY_URL);
        assertThat(UnknownKeys.nearest("sitkit.something.entirely.else.and.long")).isEmpty();
        // only keys of the same namespace are offered, compared after it
        assertThat(UnknownKeys.nearest("sitkit.jms.pass")).hasValue(ConfigKeys.JMS_PASSWORD);
        assertThat(UnknownKeys.nearest("sitkit.jms.nothing-like-any")).isEmpty();
        assertThat(UnknownKeys.nearestVariable("SITKIT_KAFKA_BOOTSTRAP_SERVER")).hasValue("SITKIT_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(UnknownKeys.nearestVariable("SITKIT_JMS_UR")).hasValue("SITKIT_JMS_URL");
    }

    @Test
    void aKafkaPropertyWithoutItsPrefixIsPointedToTheClientPrefix() {
        assertThat(UnknownKeys.isUnknown("sitkit.kafka.security.protocol")).isTrue();
        assertThat(UnknownKeys.nearest("sitkit.kafka.security.protocol")).hasValue("sitkit.kafka.client.security.protocol");
    }

    @Test
    void knownKeysPassThroughKeysAndOtherNamespacesAreLeftAlone() {
        assertThat(ConfigKeys.ALL).noneMatch(UnknownKeys::isUnknown);
        assertThat(UnknownKeys.isUnknown("sitkit.kafka.client.sasl.mechanism")).isFalse();
        assertThat(UnknownKeys.isUnknown("sitkit.kafka.broker.log.retention.ms")).isFalse();
        assertThat(UnknownKeys.isUnknown("sitkit.fx.demo-traffic")).isFalse();
        assertThat(UnknownKeys.isUnknown("sitkit.samples.bugs")).isFalse();
        assertThat(UnknownKeys.isUnknown("other.kafka.bootstrap-server")).isFalse();
    }

    @Test
    void environmentVariablesAreCheckedTheSameWay() {
        assertThat(UnknownKeys.isUnknownVariable("SITKIT_KAFKA_BOOTSTRAP_SERVER")).isTrue();
        assertThat(UnknownKeys.isUnknownVariable("SITKIT_SCHEMA_REGISTRY_URI")).isTrue();
        assertThat(UnknownKeys.isUnknownVariable("SITKIT_KAFKA_BOOTSTRAP_SERVERS")).isFalse();
        assertThat(UnknownKeys.isUnknownVariable("SITKIT_KAFKA_CLIENT_SASL_MECHANISM")).isFalse();
        assertThat(UnknownKeys.isUnknownVariable("SITKIT_FX_CONFIG_DIR")).isFalse();
        assertThat(UnknownKeys.isUnknownVariable("PATH")).isFalse();
        assertThat(ConfigKeys.ALL).noneMatch(k -> UnknownKeys.isUnknownVariable(ConfigKeys.envName(k)));
    }

    @Test
    void loadingAConfigurationWithATypoStillLoadsIt() {
        java.util.Properties system = new java.util.Properties();
        system.setProperty("sitkit.kafka.bootstrap-server", "typo:9092");
        SitkitConfig c = SitkitConfig.load(java.util.Map.of("SITKIT_JMS_UR", "tcp://x:1"), system);
        assertThat(c.get("sitkit.kafka.bootstrap-server")).hasValue("typo:9092");
        assertThat(c.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS)).isEmpty();
    }
}
