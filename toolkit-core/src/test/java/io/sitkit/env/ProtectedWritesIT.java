package io.sitkit.env;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.CaptureSession;
import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.kafka.KafkaClient;
import io.sitkit.kafka.OffsetReset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every write path of the core's clients on a protected environment over the embedded brokers:
 * refused with the same message while locked (and the broker left as it was, nothing audited),
 * done and audited once unlocked. Reads never write, locked or not.
 */
@ExtendWith(SharedEmbedded.class)
class ProtectedWritesIT {
    private static final String NAME = "guarded";

    private final String run = "guard-" + System.nanoTime() + "-";
    private Path audit;
    private Environment env;
    private Bus bus;
    private KafkaClient unguarded;

    @BeforeEach
    void open(EmbeddedEnvironment shared) throws IOException {
        audit = ProtectedEnvironments.newAuditFile();
        env = ProtectedEnvironments.start(shared, NAME, audit, Map.of());
        bus = env.openBus();
        unguarded = new KafkaClient(bus.kafka().settings());
    }

    @AfterEach
    void close() {
        unguarded.close();
        bus.close();
        env.close();
    }

    @Test
    void createTopicIfMissing_is_refused_while_locked_when_it_would_create_and_audited_only_when_it_creates() throws IOException {
        String topic = run + "if-missing";
        assertThatThrownBy(() -> bus.kafka().createTopicIfMissing(topic, 2))
                .isInstanceOf(ProtectedEnvironmentException.class).hasMessage(refusal("create topic", "kafka:" + topic));
        assertThat(topics()).doesNotContain(topic);

        env.protection().unlock(NAME);
        assertThat(bus.kafka().createTopicIfMissing(topic, 2)).isTrue();
        assertThat(bus.kafka().createTopicIfMissing(topic, 2)).as("second call, topic there").isFalse();
        env.protection().lock();
        eventually(() -> assertThat(topics()).contains(topic));
        assertThat(bus.kafka().createTopicIfMissing(topic, 2)).as("locked, topic there: nothing to write").isFalse();

        assertThat(auditLines()).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText())
                .containsExactly(tuple("create topic", "kafka:" + topic));
    }

    @Test
    void createTopics_is_refused_while_locked_naming_the_first_topic_and_audits_each_topic_once_unlocked() throws IOException {
        List<String> names = List.of(run + "batch-a", run + "batch-b");
        assertThatThrownBy(() -> bus.kafka().createTopics(names, 1))
                .isInstanceOf(ProtectedEnvironmentException.class).hasMessage(refusal("create topic", "kafka:" + names.get(0)));
        assertThat(topics()).doesNotContainAnyElementsOf(names);

        env.protection().unlock(NAME);
        bus.kafka().createTopics(names, 1);

        eventually(() -> assertThat(topics()).containsAll(names));
        assertThat(auditLines()).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText())
                .containsExactly(tuple("create topic", "kafka:" + names.get(0)), tuple("create topic", "kafka:" + names.get(1)));
    }

    @Test
    void a_capture_may_read_while_locked_but_creating_its_missing_topic_is_a_write() throws IOException {
        String existing = run + "watched";
        String missing = run + "missing";
        unguarded.createTopic(existing, 1);
        try (io.sitkit.core.Capture reading = bus.capture("kafka:" + existing)) {
            assertThat(reading).isNotNull();
        }
        assertThatThrownBy(() -> bus.capture("kafka:" + missing))
                .isInstanceOf(ProtectedEnvironmentException.class).hasMessage(refusal("create topic", "kafka:" + missing));
        assertThat(topics()).doesNotContain(missing);

        env.protection().unlock(NAME);
        try (io.sitkit.core.Capture created = bus.capture("kafka:" + missing)) {
            eventually(() -> assertThat(topics()).contains(missing));
        }
        assertThat(auditLines()).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText())
                .containsExactly(tuple("create topic", "kafka:" + missing));
    }

    @Test
    void browsing_a_missing_topic_fails_without_creating_it() throws IOException {
        String missing = run + "never-written";
        assertThatThrownBy(() -> bus.browse(BrowseRequest.of("kafka:" + missing)))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageStartingWith("cannot browse kafka:" + missing + ": the topic does not exist on Kafka at ");
        env.protection().unlock(NAME);
        assertThatThrownBy(() -> bus.browse(BrowseRequest.of("kafka:" + missing))).isInstanceOf(InvalidDestinationException.class);
        assertThat(topics()).doesNotContain(missing);
        assertThat(audit).doesNotExist();
    }

    @Test
    void deleting_a_topic_and_resetting_a_groups_offsets_are_refused_while_locked_and_audited_once_unlocked() throws IOException {
        String topic = run + "doomed";
        String group = run + "group";
        unguarded.createTopic(topic, 1);
        unguarded.publish(OutgoingMessage.text("kafka:" + topic, "m"));
        assertThatThrownBy(() -> bus.kafka().resetOffsets(group, topic, OffsetReset.earliest()))
                .isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("reset the offsets of group " + group + " on", "kafka:" + topic));
        assertThatThrownBy(() -> bus.kafka().deleteTopic(topic)).hasMessage(refusal("delete topic", "kafka:" + topic));
        assertThat(bus.kafka().consumerGroups()).noneMatch(g -> g.groupId().equals(group));
        assertThat(topics()).contains(topic);

        env.protection().unlock(NAME);
        bus.kafka().resetOffsets(group, topic, OffsetReset.earliest());
        eventually(() -> assertThat(bus.kafka().consumerGroups()).anyMatch(g -> g.groupId().equals(group)));
        bus.kafka().deleteTopic(topic);

        eventually(() -> assertThat(topics()).doesNotContain(topic));
        assertThat(auditLines()).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText())
                .containsExactly(tuple("reset offsets of group " + group, "kafka:" + topic), tuple("delete topic", "kafka:" + topic));
    }

    @Test
    void publishing_asynchronously_is_refused_through_the_callback_or_the_future_alike_on_both_transports() throws IOException {
        unguarded.createTopic(run + "async", 1);
        for (Destination d : List.of(Destination.kafka(run + "async"), Destination.jmsQueue(run + "async"))) {
            List<Throwable> errors = new ArrayList<>();
            bus.publishAsync(OutgoingMessage.text(d, "{}"), (result, error) -> errors.add(error));
            assertThat(errors).as("callback on " + d).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                    .isInstanceOf(ProtectedEnvironmentException.class).hasMessage(refusal("publish to", d.toString()));

            java.util.concurrent.CompletableFuture<io.sitkit.core.PublishResult> future = bus.publishAsync(OutgoingMessage.text(d, "{}"));
            assertThat(future).as("future on " + d).isCompletedExceptionally().failsWithin(Duration.ZERO)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                    .isInstanceOf(ProtectedEnvironmentException.class).withMessage(refusal("publish to", d.toString()));

            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text(d, "{}"))).as("waiting publish on " + d)
                    .isInstanceOf(ProtectedEnvironmentException.class).hasMessage(refusal("publish to", d.toString()));
        }
        assertThat(audit).doesNotExist();

        env.protection().unlock(NAME);
        for (Destination d : List.of(Destination.kafka(run + "async"), Destination.jmsQueue(run + "async"))) {
            assertThat(bus.publishAsync(OutgoingMessage.text(d, "{}"))).as("unlocked, on " + d)
                    .succeedsWithin(Duration.ofSeconds(20)).extracting(io.sitkit.core.PublishResult::destination).isEqualTo(d);
        }
        assertThat(auditLines()).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText())
                .containsExactly(tuple("publish", "kafka:" + run + "async"), tuple("publish", "jms:queue:" + run + "async"));
    }

    @Test
    void jms_purge_receive_and_consume_are_refused_while_locked_and_audited_once_unlocked() throws Exception {
        Destination queue = Destination.jmsQueue(run + "queue");
        Destination consumed = Destination.jmsQueue(run + "consumed");
        CaptureSink ignore = new CaptureSink() {
            @Override
            public void accept(Message message) {
            }

            @Override
            public void failed(Destination destination, Throwable error) {
            }
        };
        assertThatThrownBy(() -> bus.jms().purge(queue)).isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("purge", queue.toString()));
        assertThatThrownBy(() -> bus.jms().receive(queue, Duration.ofMillis(10))).hasMessage(refusal("receive (consume) from", queue.toString()));
        assertThatThrownBy(() -> bus.jms().consume(consumed, ignore)).hasMessage(refusal("consume from", consumed.toString()));
        assertThat(audit).doesNotExist();

        env.protection().unlock(NAME);
        bus.publish(OutgoingMessage.text(queue, "first").withKey("k-1"));
        bus.publish(OutgoingMessage.text(queue, "second"));
        Optional<Message> taken = bus.jms().receive(queue, Duration.ofSeconds(5));
        assertThat(taken).map(m -> m.payloadText().orElseThrow()).contains("first");
        assertThat(bus.jms().purge(queue)).isEqualTo(1);
        try (CaptureSession running = bus.jms().consume(consumed, ignore)) {
            assertThat(running.describe()).contains(consumed.name());
        }

        List<JsonNode> lines = auditLines();
        assertThat(lines).extracting(l -> l.get("action").asText(), l -> l.get("destination").asText()).containsExactly(
                tuple("publish", queue.toString()), tuple("publish", queue.toString()), tuple("receive", queue.toString()),
                tuple("purge", queue.toString()), tuple("consume", consumed.toString()));
        assertThat(lines.get(2).get("payloadBytes").asInt()).isEqualTo(5);
        assertThat(lines.get(2).get("payloadSha256").asText()).isEqualTo(lines.get(0).get("payloadSha256").asText());
    }

    private static String refusal(String action, String destination) {
        return ProtectedEnvironments.refusal(action + " " + destination, NAME);
    }

    /** A topic write is acknowledged by the controller before the broker's metadata shows it. */
    private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(assertion);
    }

    private List<String> topics() {
        return unguarded.listDestinations().stream().map(i -> i.destination().name()).toList();
    }

    private List<JsonNode> auditLines() throws IOException {
        return ProtectedEnvironments.auditLines(audit);
    }
}
