package io.sitkit.kafka;

import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Browsing and administration on a real embedded Kafka broker, on a 3-partition topic. */
@ExtendWith(SharedEmbedded.class)
class KafkaBrowseAndAdminIT {
    private Bus bus;
    private String topic;
    private final List<PublishResult> published = new java.util.ArrayList<>();

    @BeforeEach
    void fill(EmbeddedEnvironment env) {
        bus = env.openBus();
        topic = "browse-" + System.nanoTime();
        bus.kafka().createTopic(topic, 3);
        for (int i = 0; i < 30; i++) {
            published.add(bus.publish(OutgoingMessage.text("kafka:" + topic, "m-" + i).withPartition(i % 3)));
        }
    }

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void browsingFromTheBeginningReadsEveryPartitionInOrderWithoutConsuming() {
        BrowsePage page = bus.browse(BrowseRequest.of("kafka:" + topic));
        assertThat(page.messages()).hasSize(30);
        assertThat(page.next()).isEmpty();
        assertThat(page.messages().subList(0, 10)).allSatisfy(m -> assertThat(m.kafka().orElseThrow().partition()).isZero());
        assertThat(bus.browse(BrowseRequest.of("kafka:" + topic)).messages()).hasSize(30);
    }

    @Test
    void browsingIsPagedWithANextRequest() {
        BrowsePage first = bus.browse(BrowseRequest.of("kafka:" + topic).withLimit(12));
        BrowsePage second = bus.browse(first.next().orElseThrow());
        BrowsePage third = bus.browse(second.next().orElseThrow());
        assertThat(first.messages()).hasSize(12);
        assertThat(second.messages()).hasSize(12);
        assertThat(third.messages()).hasSize(6);
        assertThat(third.next()).isEmpty();
        List<String> all = new java.util.ArrayList<>();
        for (BrowsePage p : List.of(first, second, third)) {
            p.messages().forEach(m -> all.add(m.payloadText().orElseThrow()));
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void browsingByPartitionOffsetLastNAndTimestamp() {
        BrowseRequest base = BrowseRequest.of("kafka:" + topic);
        assertThat(bus.browse(base.withPartition(1).fromOffset(8)).messages())
                .extracting(m -> m.payloadText().orElseThrow()).containsExactly("m-25", "m-28");
        assertThat(bus.browse(base.last(1)).messages())
                .extracting(m -> m.payloadText().orElseThrow()).containsExactly("m-27", "m-28", "m-29");
        PublishResult last = published.get(29);
        List<Message> since = bus.browse(base.withPartition(2).fromTimestamp(last.timestamp())).messages();
        assertThat(since).extracting(m -> m.payloadText().orElseThrow()).contains("m-29");
        assertThatThrownBy(() -> bus.browse(base.withPartition(7)))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("the topic has partitions 0..2");
    }

    @Test
    void topicsAreListedWithPartitionsEndOffsetsAndCounts() {
        DestinationInfo info = bus.kafka().listDestinations().stream()
                .filter(i -> i.destination().equals(Destination.kafka(topic))).findFirst().orElseThrow();
        assertThat(info.partitions()).isEqualTo(3);
        assertThat(info.messageCount()).isEqualTo(30);
        assertThat(info.endOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 10L, 1, 10L, 2, 10L));
    }

    @Test
    void creatingAnExistingTopicAndDeletingAMissingOneFailClearly() {
        assertThatThrownBy(() -> bus.kafka().createTopic(topic, 1))
                .hasMessage("cannot create kafka:" + topic + ": it already exists");
        bus.kafka().deleteTopic(topic);
        assertThatThrownBy(() -> bus.kafka().deleteTopic(topic))
                .hasMessage("cannot delete kafka:" + topic + ": no such topic");
    }

    @Test
    void consumerGroupLagIsReportedAndOffsetsCanBeReset(EmbeddedEnvironment env) {
        String group = "billing-" + topic;
        Map<String, Object> props = new HashMap<>(KafkaClients.consumer(bus.kafka().settings()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(10), new TopicPartition(topic, 2), new OffsetAndMetadata(0)));
        }
        ConsumerGroupInfo info = bus.kafka().consumerGroups().stream().filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
        assertThat(info.lags()).extracting(ConsumerGroupInfo.PartitionLag::lag).containsExactly(6L, 0L, 10L);
        assertThat(info.totalLag()).isEqualTo(16);

        bus.kafka().resetOffsets(group, topic, OffsetReset.latest());
        ConsumerGroupInfo after = bus.kafka().consumerGroups().stream().filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
        assertThat(after.totalLag()).isZero();
        bus.kafka().resetOffsets(group, topic, OffsetReset.earliest());
        assertThat(bus.kafka().consumerGroups().stream().filter(g -> g.groupId().equals(group)).findFirst().orElseThrow()
                .totalLag()).isEqualTo(30);
    }

    @Test
    void resettingTheOffsetsOfAnActiveGroupIsRefusedWithTheReason() {
        String group = "active-" + topic;
        Map<String, Object> props = new HashMap<>(KafkaClients.consumer(bus.kafka().settings()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
                c.poll(java.time.Duration.ofMillis(100));
            }
            assertThat(c.assignment()).isNotEmpty();
            assertThatThrownBy(() -> bus.kafka().resetOffsets(group, topic, OffsetReset.earliest()))
                    .hasMessageContaining("the group has active members; stop its consumers first");
        }
    }
}
