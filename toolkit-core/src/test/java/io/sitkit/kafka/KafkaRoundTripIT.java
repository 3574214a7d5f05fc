package io.sitkit.kafka;

import io.sitkit.core.BodyType;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import io.sitkit.env.Bus;
import io.sitkit.env.CaptureSpec;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish and capture round trips on a real embedded Kafka broker. */
@ExtendWith(SharedEmbedded.class)
class KafkaRoundTripIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private Bus bus;
    private Destination topic;

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        bus = env.openBus();
        topic = Destination.kafka("rt-" + info.getTestMethod().orElseThrow().getName() + "-" + TOPICS.incrementAndGet());
        bus.kafka().createTopic(topic.name(), 1);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void binaryPayloadNullKeyAndNonUtf8HeadersComeBackByteForByte() {
        byte[] payload = {0, (byte) 0xff, 0x7f, (byte) 0x80, 10};
        byte[] rawHeader = {(byte) 0xc3, 0x28, 0};
        try (Capture capture = bus.capture(topic)) {
            PublishResult r = bus.publish(OutgoingMessage.bytes(topic, payload)
                    .withHeader(Header.of("raw", rawHeader)).withHeader("dup", "1").withHeader("dup", "2")
                    .withHeader(Header.of("nullvalue", (byte[]) null)));

            Message m = capture.await(topic, 1, WAIT).get(0);

            assertThat(m.payload()).isEqualTo(payload);
            assertThat(m.key()).isNull();
            assertThat(m.bodyType()).isEqualTo(BodyType.BYTES);
            assertThat(m.headers().last("raw").orElseThrow().value()).isEqualTo(rawHeader);
            assertThat(m.headers().last("raw").orElseThrow().valueAsString()).isEqualTo("0xc32800");
            assertThat(m.headers().all("dup")).extracting(Header::valueAsString).containsExactly("1", "2");
            assertThat(m.headers().last("nullvalue").orElseThrow().value()).isNull();
            KafkaMetadata k = m.kafka().orElseThrow();
            assertThat(k.partition()).isEqualTo(r.partition());
            assertThat(k.offset()).isEqualTo(r.offset());
            assertThat(k.timestampType()).isEqualTo("CreateTime");
            assertThat(m.timestamp()).isNotNull();
            assertThat(m.capturedAt()).isAfterOrEqualTo(m.timestamp().minusSeconds(5));
        }
    }

    @Test
    void theCallbackFormReportsEachAcknowledgementOrErrorOnce() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(3);
        java.util.List<Object> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.sitkit.core.PublishCallback record = (result, error) -> {
            outcomes.add(error != null ? error : result);
            done.countDown();
        };
        bus.publishAsync(OutgoingMessage.text(topic, "a"), record);
        bus.publishAsync(OutgoingMessage.text(topic, "b"), record);
        bus.publishAsync(OutgoingMessage.bytes(topic, new byte[KafkaSettings.DEFAULT_MAX_MESSAGE_BYTES + 1]), record);
        assertThat(done.await(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o instanceof PublishResult).extracting(o -> ((PublishResult) o).offset())
                .containsExactlyInAnyOrder(0L, 1L);
        assertThat(outcomes).filteredOn(o -> o instanceof SitkitException).singleElement()
                .satisfies(e -> assertThat(((SitkitException) e).getMessage()).contains("over the limit"));
    }

    @Test
    void aTombstoneAndAnEmptyPayloadAreDifferentThings() {
        try (Capture capture = bus.capture(topic)) {
            bus.publish(OutgoingMessage.tombstone(topic, "customer-1"));
            bus.publish(OutgoingMessage.bytes(topic, new byte[0]).withKey("customer-2"));
            List<Message> ms = capture.await(topic, 2, WAIT);
            assertThat(ms.get(0).payload()).isNull();
            assertThat(ms.get(0).keyText()).contains("customer-1");
            assertThat(ms.get(1).payload()).isEmpty();
        }
    }

    @Test
    void aOneMebibytePayloadRoundTrips() {
        byte[] big = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        try (Capture capture = bus.capture(topic)) {
            bus.publish(OutgoingMessage.bytes(topic, big).withKey("big"));
            assertThat(capture.await(topic, 1, WAIT).get(0).payload()).isEqualTo(big);
        }
    }

    @Test
    void aMessageOfExactlyTheLimitIsAccepted() {
        byte[] limit = new byte[KafkaSettings.DEFAULT_MAX_MESSAGE_BYTES];
        try (Capture capture = bus.capture(topic)) {
            bus.publish(OutgoingMessage.bytes(topic, limit));
            assertThat(capture.await(topic, 1, WAIT).get(0).payloadSize()).isEqualTo(KafkaSettings.DEFAULT_MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void aMessageOverTheLimitFailsNamingTheLimit() {
        byte[] tooBig = new byte[KafkaSettings.DEFAULT_MAX_MESSAGE_BYTES + 1];
        assertThatThrownBy(() -> bus.publish(OutgoingMessage.bytes(topic, tooBig)))
                .isInstanceOf(SitkitException.class)
                .hasMessageContaining("over the limit of 16777216 bytes")
                .hasMessageContaining("sitkit.kafka.max-message-bytes");
    }

    @Test
    void aTopicWithASmallerLimitIsNamedAsTheOneThatRefused() {
        String small = topic.name() + "-small";
        bus.kafka().createTopic(small, 1, (short) 1, Map.of("max.message.bytes", "1000"));
        assertThatThrownBy(() -> bus.publish(OutgoingMessage.bytes(Destination.kafka(small), new byte[5000])))
                .isInstanceOf(SitkitException.class)
                .hasMessageContaining("refused a message of 5000 bytes as too large")
                .hasMessageContaining("the topic's max.message.bytes");
    }

    @Test
    void ordersWithinAPartitionArePreserved() {
        try (Capture capture = bus.capture(topic)) {
            for (int i = 0; i < 200; i++) {
                bus.publishAsync(OutgoingMessage.text(topic, "m-" + i).withKey("same"));
            }
            bus.kafka().flush();
            List<Message> ms = capture.await(topic, 200, WAIT);
            for (int i = 0; i < 200; i++) {
                assertThat(ms.get(i).payloadText()).contains("m-" + i);
            }
            assertThat(ms).extracting(m -> m.kafka().orElseThrow().offset()).isSorted();
        }
    }

    @Test
    void aCaptureFromNowSeesNothingOlderButFromTheBeginningSeesEverything() {
        bus.publish(OutgoingMessage.text(topic, "old"));
        try (Capture now = bus.capture(topic);
             Capture all = bus.capture(CaptureSpec.of(topic).from(StartPosition.beginning()))) {
            bus.publish(OutgoingMessage.text(topic, "new"));
            assertThat(all.await(topic, 2, WAIT)).extracting(m -> m.payloadText().orElseThrow()).containsExactly("old", "new");
            assertThat(now.await(topic, 1, WAIT)).extracting(m -> m.payloadText().orElseThrow()).containsExactly("new");
            assertThat(now.size()).isEqualTo(1);
        }
    }

    @Test
    void aCaptureFromATimestampStartsThere() {
        PublishResult before = bus.publish(OutgoingMessage.text(topic, "before"));
        // The producer stamps CreateTime from this JVM's clock: let it pass "before"'s millisecond (at most 1 ms),
        // so the two messages cannot share a timestamp.
        while (System.currentTimeMillis() <= before.timestamp().toEpochMilli()) {
            Thread.onSpinWait();
        }
        PublishResult mark = bus.publish(OutgoingMessage.text(topic, "at"));
        assertThat(mark.timestamp()).isAfter(before.timestamp());
        try (Capture c = bus.capture(CaptureSpec.of(topic).from(StartPosition.timestamp(mark.timestamp())))) {
            List<Message> ms = c.await(topic, 1, WAIT);
            assertThat(ms.get(0).payloadText()).contains("at");
        }
    }

    @Test
    void recordsOfAbortedTransactionsAreNotCapturedByDefault(EmbeddedEnvironment env) {
        try (Capture capture = bus.capture(topic);
             KafkaProducer<byte[], byte[]> tx = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers().orElseThrow(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic.name(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic.name(), "aborted".getBytes(StandardCharsets.UTF_8)));
            tx.flush();
            tx.abortTransaction();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(topic.name(), "committed".getBytes(StandardCharsets.UTF_8)));
            tx.commitTransaction();
            bus.publish(OutgoingMessage.text(topic, "plain"));
            List<Message> ms = capture.await(topic, 2, WAIT);
            assertThat(ms).extracting(m -> m.payloadText().orElseThrow()).containsExactly("committed", "plain");
            assertThat(capture.messages(topic)).hasSize(2);
        }
    }

    @Test
    void jmsOnlyFieldsAreRefusedOnKafka() {
        assertThatThrownBy(() -> bus.publish(OutgoingMessage.text(topic, "x").withCorrelationId("c")))
                .hasMessageContaining("carries a JMS correlation id, which Kafka has no place for");
    }

    @Test
    void aCaptureTimeoutSaysWhatWasExpectedAndWhatWasSeen() {
        try (Capture capture = bus.capture(topic)) {
            bus.publish(OutgoingMessage.text(topic, "only one"));
            assertThatThrownBy(() -> capture.await(topic, 2, Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 2 matching message(s)")
                    .hasMessageContaining("on " + topic)
                    .hasMessageContaining("within PT0.5S")
                    .hasMessageContaining("but saw 1 matching");
        }
    }
}
