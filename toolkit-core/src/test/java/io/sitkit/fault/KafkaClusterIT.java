package io.sitkit.fault;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** {@code sitkit.embedded.kafka.brokers=3}: three combined broker+controller nodes, replication factor 3, min.insync.replicas. */
class KafkaClusterIT {
    private static EmbeddedEnvironment env;
    private static EmbeddedKafkaBroker kafka;
    private static Bus bus;
    private static Admin admin;

    @BeforeAll
    static void startACluster() {
        env = (EmbeddedEnvironment) Environments.start(SitkitConfig.of(Map.of("sitkit.embedded.kafka.brokers", "3",
                "sitkit.jms.enabled", "false", "sitkit.kafka.timeout", "3s")));
        kafka = env.kafkaBroker().orElseThrow();
        bus = env.openBus();
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        System.out.println("cluster started: " + env.startupReport() + " at " + kafka.bootstrapServers());
    }

    @AfterAll
    static void close() {
        admin.close();
        long t0 = System.nanoTime();
        env.close();
        System.out.println("cluster closed in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    private static TopicPartitionInfo partition0(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return d.partitions().get(0);
    }

    @Test
    void threeNodesServeAsBrokersAndFormAControllerQuorum() throws Exception {
        assertThat(kafka.nodeIds()).containsExactly(1, 2, 3);
        assertThat(kafka.bootstrapServers().split(",")).hasSize(3)
                .containsExactly(kafka.nodeAddress(1), kafka.nodeAddress(2), kafka.nodeAddress(3));
        assertThat(admin.describeCluster().nodes().get()).extracting(n -> n.id()).containsExactlyInAnyOrder(1, 2, 3);
        QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get();
        assertThat(quorum.voters()).extracting(QuorumInfo.ReplicaState::replicaId).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(quorum.leaderId()).isIn(1, 2, 3);
    }

    @Test
    void whenCreateTopicReturnsEveryNodeHoldsItsReplicasAndAnyNodeDescribesTheTopic() throws Exception {
        bus.kafka().createTopic("served-at-once", 3, (short) 3, Map.of());

        // No wait here: the controller acknowledged the creation, and createTopic waited for the nodes to apply it.
        Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(kafka.nodeIds()).allDescriptions().get();
        assertThat(dirs).containsOnlyKeys(1, 2, 3).allSatisfy((node, byDir) -> assertThat(byDir.values().stream()
                        .flatMap(d -> d.replicaInfos().keySet().stream()).filter(tp -> tp.topic().equals("served-at-once"))
                        .map(TopicPartition::partition)).as("partitions of served-at-once on node " + node)
                .containsExactlyInAnyOrder(0, 1, 2));
        for (int i = 0; i < 10; i++) {
            assertThat(admin.describeTopics(List.of("served-at-once")).allTopicNames().get().get("served-at-once").partitions())
                    .hasSize(3).allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void topicsGetThreeReplicasAndAcknowledgedWritesSurviveTheLossOfTheLeader() throws Exception {
        bus.kafka().createTopic("rf3-min2", 1, (short) 3, Map.of("min.insync.replicas", "2"));
        bus.kafka().createTopic("rf3-min3", 1, (short) 3, Map.of("min.insync.replicas", "3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> partition0("rf3-min2").isr().size() == 3
                && partition0("rf3-min3").isr().size() == 3);
        assertThat(partition0("rf3-min2").replicas()).hasSize(3);

        try (Capture capture = bus.capture("kafka:rf3-min2")) {
            PublishResult before = bus.publish(OutgoingMessage.text("kafka:rf3-min2", "before").withKey("k"));
            int leader = partition0("rf3-min2").leader().id();
            kafka.stopNode(leader);
            await().atMost(Duration.ofSeconds(10)).until(() -> partition0("rf3-min2").leader() != null
                    && partition0("rf3-min2").leader().id() != leader);

            // Two in-sync replicas left: enough for min.insync.replicas=2, not for 3.
            PublishResult after = bus.publish(OutgoingMessage.text("kafka:rf3-min2", "after").withKey("k"));
            Throwable refused = catchThrowable(() -> bus.publish(OutgoingMessage.text("kafka:rf3-min3", "refused")));
            System.out.println("leader " + leader + " stopped; publish to rf3-min3: " + refused);

            assertThat(capture.await(Destination.kafka("rf3-min2"), 2, Duration.ofSeconds(10)))
                    .extracting(m -> m.payloadText().orElseThrow()).containsExactly("before", "after");
            assertThat(after.toString()).isNotEqualTo(before.toString());
            assertThat(refused).hasMessageMatching(java.util.regex.Pattern.quote("publishing to kafka:rf3-min3 timed out after PT3S although Kafka at "
                    + kafka.bootstrapServers() + " accepts connections; the topic may not exist (auto-creation off), the "
                    + "partition may have no leader or fewer in-sync replicas than the topic's min.insync.replicas (sitkit "
                    + "publishes with acks=all), or the listener/security settings may not match (Expiring 1 record(s) for "
                    + "rf3-min3-0:") + "\\d+" + java.util.regex.Pattern.quote(" ms has passed since batch creation. The "
                    + "request has not been sent, or no server response has been received yet.)"));

            kafka.restartNode(leader);
            await().atMost(Duration.ofSeconds(20)).until(() -> partition0("rf3-min2").isr().size() == 3);
            assertThat(kafka.isRunning()).isTrue();
        }
    }
}
