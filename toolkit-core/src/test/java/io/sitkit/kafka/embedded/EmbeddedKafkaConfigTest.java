package io.sitkit.kafka.embedded;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedKafkaConfigTest {

    @Test
    void defaults_use_a_temp_dir_auto_created_single_partition_topics_and_sixteen_mebibyte_messages() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults();

        assertThat(config.dataDir()).isNull();
        assertThat(config.autoCreateTopics()).isTrue();
        assertThat(config.defaultPartitions()).isEqualTo(1);
        assertThat(config.maxMessageBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.brokerProperties()).isEmpty();
    }

    @Test
    void with_methods_return_new_instances_and_leave_the_original_alone() {
        EmbeddedKafkaConfig base = EmbeddedKafkaConfig.defaults();

        EmbeddedKafkaConfig changed = base.withDefaultPartitions(3).withAutoCreateTopics(false)
                .withBrokerProperty("log.retention.ms", "1000");

        assertThat(base).isEqualTo(EmbeddedKafkaConfig.defaults());
        assertThat(changed.defaultPartitions()).isEqualTo(3);
        assertThat(changed.autoCreateTopics()).isFalse();
        assertThat(changed.brokerProperties()).containsExactly(Map.entry("log.retention.ms", "1000"));
    }

    @Test
    void bad_values_are_rejected_with_the_value_in_the_message() {
        EmbeddedKafkaConfig base = EmbeddedKafkaConfig.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> base.withDefaultPartitions(0))
                .withMessage("defaultPartitions must be at least 1 but was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> base.withMaxMessageBytes(10))
                .withMessageContaining("but was 10");
        assertThatIllegalArgumentException().isThrownBy(() -> base.withStartupTimeout(Duration.ZERO))
                .withMessage("startupTimeout must be positive but was PT0S");
        Map<String, String> withNullValue = new HashMap<>();
        withNullValue.put("log.retention.ms", null);
        assertThatIllegalArgumentException().isThrownBy(() -> base.withBrokerProperties(withNullValue))
                .withMessageContaining("log.retention.ms=null");
    }

    @Test
    void broker_properties_from_the_config_override_the_tuned_ones() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withBrokerProperty("num.io.threads", "8");

        var props = BrokerProperties.of(config, java.nio.file.Path.of("/tmp/x"), 0, java.util.List.of(new Ports(1000, 1001)));

        assertThat(props.getProperty("num.io.threads")).isEqualTo("8");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:1000");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:1001");
        assertThat(Integer.parseInt(props.getProperty("message.max.bytes"))).isGreaterThan(16 * 1024 * 1024);
    }

    @Test
    void a_cluster_node_gets_the_quorum_three_replicas_and_only_its_own_per_node_properties() {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withBrokers(3)
                .withBrokerProperty("node.2.advertised.listeners", "PLAINTEXT://127.0.0.1:9999")
                .withBrokerProperty("node.3.log.retention.ms", "1");
        var ports = java.util.List.of(new Ports(1000, 1001), new Ports(2000, 2001), new Ports(3000, 3001));

        var second = BrokerProperties.of(config, java.nio.file.Path.of("/tmp/x"), 1, ports);

        assertThat(second.getProperty("node.id")).isEqualTo("2");
        assertThat(second.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:1001,2@127.0.0.1:2001,3@127.0.0.1:3001");
        assertThat(second.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:2000,CONTROLLER://127.0.0.1:2001");
        assertThat(second.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9999");
        assertThat(second.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(second.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(second).doesNotContainKeys("log.retention.ms", "node.2.advertised.listeners", "node.3.log.retention.ms");
    }

    @Test
    void broker_counts_outside_one_to_nine_are_refused_with_the_value() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedKafkaConfig.defaults().withBrokers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brokers must be between 1 and 9 but was 0; 3 give a controller quorum and replication factor 3");
    }
}
