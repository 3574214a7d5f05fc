package io.sitkit.jms;

import io.sitkit.core.BodyType;
import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PropertyType;
import io.sitkit.core.PublishResult;
import io.sitkit.core.internal.CaptureBuffer;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JMS behaviour sitkit promises on any provider. Subclasses supply a real broker; the same
 * tests run against ActiveMQ Classic and Artemis to prove the layer is provider-neutral.
 * Queue names q1..q9 are mirrored on every broker under test.
 */
abstract class JmsContract {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final List<String> QUEUES = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11");

    protected JmsClient client;

    /** Settings for a fresh client on the broker under test, with queue observation MIRROR. */
    protected abstract JmsSettings settings();

    @BeforeEach
    void openClient() {
        client = new JmsClient(settings());
        for (String q : QUEUES) {
            client.purge(Destination.jmsQueue(q));
        }
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private Capture capture(Destination... ds) {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ds), 10_000, "from now");
        buffer.own(client.startCapture(List.of(ds), io.sitkit.core.StartPosition.now(), buffer));
        return buffer;
    }

    @Test
    void aTextMessageWithTypedPropertiesSurvivesTheRoundTrip() {
        Destination topic = Destination.jmsTopic("contract.text");
        try (Capture capture = capture(topic)) {
            PublishResult r = client.publish(OutgoingMessage.text(topic, "héllo {\"a\":1}")
                    .withKey("order-1")
                    .withProperty("count", 42).withProperty("ratio", 0.5d).withProperty("flag", true)
                    .withProperty("big", 1L << 40).withProperty("small", (short) 7).withProperty("tiny", (byte) 1)
                    .withProperty("f", 1.5f)
                    .withHeader("content-type", "application/json")
                    .withCorrelationId("corr-1").withType("OrderPlaced").withPriority(7)
                    .withReplyTo("jms:queue:replies").withPersistent(false).withTimeToLive(Duration.ofMinutes(5)));

            Message m = capture.await(topic, 1, WAIT).get(0);

            assertThat(m.bodyType()).isEqualTo(BodyType.TEXT);
            assertThat(m.payloadText()).contains("héllo {\"a\":1}");
            assertThat(m.keyText()).contains("order-1");
            assertThat(m.headers().last("count").orElseThrow().typedValue()).isEqualTo(42);
            assertThat(m.headers().last("count").orElseThrow().type()).isEqualTo(PropertyType.INT);
            assertThat(m.headers().last("ratio").orElseThrow().typedValue()).isEqualTo(0.5d);
            assertThat(m.headers().last("flag").orElseThrow().typedValue()).isEqualTo(true);
            assertThat(m.headers().last("big").orElseThrow().typedValue()).isEqualTo(1L << 40);
            assertThat(m.headers().last("small").orElseThrow().typedValue()).isEqualTo((short) 7);
            assertThat(m.headers().last("tiny").orElseThrow().typedValue()).isEqualTo((byte) 1);
            assertThat(m.headers().last("f").orElseThrow().typedValue()).isEqualTo(1.5f);
            assertThat(m.headers().lastAsString("content-type")).contains("application/json");
            JmsMetadata md = m.jms().orElseThrow();
            assertThat(md.messageId()).isEqualTo(r.messageId());
            assertThat(md.correlationId()).isEqualTo("corr-1");
            assertThat(md.type()).isEqualTo("OrderPlaced");
            assertThat(md.priority()).isEqualTo(7);
            assertThat(md.persistent()).isFalse();
            assertThat(md.replyTo()).isEqualTo(Destination.jmsQueue("replies"));
            assertThat(md.expiration()).isNotNull();
            assertThat(m.timestamp()).isNotNull();
        }
    }

    @Test
    void aBytesMessageKeepsBinaryPayloadExactly() {
        Destination topic = Destination.jmsTopic("contract.bytes");
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try (Capture capture = capture(topic)) {
            client.publish(OutgoingMessage.bytes(topic, payload));
            Message m = capture.await(topic, 1, WAIT).get(0);
            assertThat(m.bodyType()).isEqualTo(BodyType.BYTES);
            assertThat(m.payload()).isEqualTo(payload);
        }
    }

    @Test
    void anEmptyBytesMessageAndABodylessMessageAreToldApart() {
        Destination topic = Destination.jmsTopic("contract.empty");
        try (Capture capture = capture(topic)) {
            client.publish(OutgoingMessage.bytes(topic, new byte[0]));
            client.publish(OutgoingMessage.bytes(topic, null));
            List<Message> ms = capture.await(topic, 2, WAIT);
            assertThat(ms.get(0).payload()).isEmpty();
            assertThat(ms.get(0).bodyType()).isEqualTo(BodyType.BYTES);
            assertThat(ms.get(1).payload()).isNull();
            assertThat(ms.get(1).bodyType()).isEqualTo(BodyType.NONE);
        }
    }

    @Test
    void aQueueIsCapturedWhileTheSystemUnderTestStillReceivesEveryMessageInOrder() throws Exception {
        Destination queue = Destination.jmsQueue("q1");
        try (Capture capture = capture(queue)) {
            for (int i = 0; i < 50; i++) {
                client.publish(OutgoingMessage.text(queue, "m-" + i));
            }
            List<Message> seen = capture.await(queue, 50, WAIT);
            assertThat(seen).extracting(m -> m.payloadText().orElseThrow())
                    .containsExactlyElementsOf(range("m-", 50));
            assertThat(seen).allSatisfy(m -> assertThat(m.destination()).isEqualTo(queue));
        }
        // The system under test, a plain JMS consumer, still gets all 50, in order.
        List<String> received = new ArrayList<>();
        try (JmsClient sut = new JmsClient(settings())) {
            for (int i = 0; i < 50; i++) {
                received.add(sut.receive(queue, WAIT).orElseThrow().payloadText().orElseThrow());
            }
            assertThat(sut.receive(queue, Duration.ofMillis(200))).isEmpty();
        }
        assertThat(received).containsExactlyElementsOf(range("m-", 50));
    }

    @Test
    void aQueueIsCapturedWhileALiveConsumerTakesEveryMessageAsItArrives() throws Exception {
        Destination queue = Destination.jmsQueue("q10");
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(50);
        // The system under test: a plain JMS listener on its own connection, consuming while the capture runs.
        JmsSettings s = settings();
        try (jakarta.jms.Connection sut = s.user() == null ? s.factory().get().createConnection()
                : s.factory().get().createConnection(s.user(), s.password())) {
            jakarta.jms.Session session = sut.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(queue.name())).setMessageListener(m -> {
                try {
                    received.add(((jakarta.jms.TextMessage) m).getText());
                } catch (jakarta.jms.JMSException e) {
                    received.add("unreadable: " + e);
                }
                all.countDown();
            });
            sut.start();
            try (Capture capture = capture(queue)) {
                for (int i = 0; i < 50; i++) {
                    client.publish(OutgoingMessage.text(queue, "m-" + i));
                }
                assertThat(all.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                        .as("the live consumer got all 50").isTrue();
                assertThat(capture.await(queue, 50, WAIT)).extracting(m -> m.payloadText().orElseThrow())
                        .containsExactlyElementsOf(range("m-", 50));
            }
        }
        assertThat(received).containsExactlyElementsOf(range("m-", 50));
        assertThat(client.depth(queue)).isZero();
    }

    @Test
    void oneThreadPublishesToManyQueuesInTurnAndEachGetsOnlyItsOwn() {
        List<Destination> queues = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            queues.add(Destination.jmsQueue("contract.many." + i));
        }
        for (int round = 1; round <= 2; round++) {   // the second round sends on the kept destination objects
            for (Destination q : queues) {
                assertThat(client.publish(OutgoingMessage.text(q, q.name() + "/" + round)).destination()).isEqualTo(q);
            }
        }
        for (Destination q : queues) {
            assertThat(client.receive(q, WAIT).orElseThrow().payloadText()).contains(q.name() + "/1");
            assertThat(client.receive(q, WAIT).orElseThrow().payloadText()).contains(q.name() + "/2");
            assertThat(client.depth(q)).isZero();
        }
    }

    @Test
    void browsingLeavesTheQueueDepthUnchanged() {
        Destination queue = Destination.jmsQueue("q2");
        for (int i = 0; i < 5; i++) {
            client.publish(OutgoingMessage.text(queue, "b-" + i).withProperty("n", i));
        }
        BrowsePage page = client.browse(BrowseRequest.of(queue));
        assertThat(page.messages()).extracting(m -> m.payloadText().orElseThrow()).containsExactlyElementsOf(range("b-", 5));
        assertThat(client.depth(queue)).isEqualTo(5);
        assertThat(client.browse(BrowseRequest.of(queue)).messages()).hasSize(5);
    }

    @Test
    void aQueueDeeperThanABrowserPageIsCountedBrowsedAndPurgedWhole() {
        // Deeper than a broker's browse page (ActiveMQ Classic's maxBrowsePageSize defaults to 400): depth, paging and purge see it whole.
        Destination queue = Destination.jmsQueue("q11");
        int n = 1_000;
        for (int i = 0; i < n; i++) {
            client.publish(OutgoingMessage.text(queue, "d-" + i));
        }
        assertThat(client.depth(queue)).isEqualTo(n);
        BrowsePage late = client.browse(BrowseRequest.of(queue).fromOffset(950).withLimit(20));
        assertThat(late.messages()).extracting(m -> m.payloadText().orElseThrow())
                .containsExactlyElementsOf(range("d-", 970).subList(950, 970));
        assertThat(client.browse(BrowseRequest.of(queue).fromOffset(990).withLimit(20)).messages()).hasSize(10);
        assertThat(client.purge(queue)).isEqualTo(n);
        assertThat(client.depth(queue)).isZero();
    }

    @Test
    void browsingPagesAndFiltersWithASelector() {
        Destination queue = Destination.jmsQueue("q3");
        for (int i = 0; i < 7; i++) {
            client.publish(OutgoingMessage.text(queue, "p-" + i).withProperty("n", i));
        }
        BrowsePage first = client.browse(BrowseRequest.of(queue).withLimit(3));
        assertThat(first.messages()).hasSize(3);
        BrowsePage second = client.browse(first.next().orElseThrow());
        assertThat(second.messages()).extracting(m -> m.payloadText().orElseThrow()).containsExactly("p-3", "p-4", "p-5");
        BrowsePage selected = client.browse(BrowseRequest.of(queue).withSelector("n >= 5"));
        assertThat(selected.messages()).extracting(m -> m.payloadText().orElseThrow()).containsExactly("p-5", "p-6");
        assertThat(selected.next()).isEmpty();
        assertThatThrownBy(() -> client.browse(BrowseRequest.of(queue).withSelector("n >>> 5")))
                .hasMessageContaining("is not a valid JMS selector");
    }

    @Test
    void mapStreamAndObjectMessagesAreRepresentedWithoutDeserializing() throws Exception {
        Destination topic = Destination.jmsTopic("contract.bodies");
        try (Capture capture = capture(topic)) {
            Connection c = client.connection("test");
            try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                 MessageProducer p = s.createProducer(s.createTopic(topic.name()))) {
                MapMessage map = s.createMapMessage();
                map.setString("name", "Zoë");
                map.setInt("qty", 3);
                p.send(map);
                StreamMessage stream = s.createStreamMessage();
                stream.writeString("a");
                stream.writeLong(5L);
                p.send(stream);
                ObjectMessage object = s.createObjectMessage(new java.util.ArrayList<>(List.of("x")));
                p.send(object);
            }
            List<Message> ms = capture.await(topic, 3, WAIT);
            assertThat(ms.get(0).bodyType()).isEqualTo(BodyType.MAP);
            assertThat(ms.get(0).payloadJson().get("name").asText()).isEqualTo("Zoë");
            assertThat(ms.get(0).payloadJson().get("qty").asInt()).isEqualTo(3);
            assertThat(ms.get(1).bodyType()).isEqualTo(BodyType.STREAM);
            assertThat(ms.get(1).payloadText()).contains("[\"a\",5]");
            assertThat(ms.get(2).bodyType()).isEqualTo(BodyType.OBJECT);
            assertObjectMessage(ms.get(2));
        }
    }

    /** Providers differ in whether raw ObjectMessage bytes are reachable. */
    protected abstract void assertObjectMessage(Message m);

    @Test
    void aNonUtf8HeaderCannotBecomeAJmsPropertyAndSaysWhy() {
        OutgoingMessage m = OutgoingMessage.text("jms:queue:q4", "x").withHeader(Header.of("raw", new byte[] {(byte) 0xff, 0}));
        assertThatThrownBy(() -> client.publish(m))
                .hasMessageContaining("header 'raw'")
                .hasMessageContaining("JMS properties cannot hold raw bytes");
        assertThat(client.depth(Destination.jmsQueue("q4"))).isZero();
    }

    @Test
    void aRepeatedHeaderIsRefusedOnJmsRatherThanLosingAValue() {
        OutgoingMessage m = OutgoingMessage.text("jms:queue:q4", "x")
                .withHeader("trace", "a").withHeader("other", "b").withHeader("trace", "c");
        assertThatThrownBy(() -> client.publish(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header 'trace' appears more than once")
                .hasMessageContaining("jms:queue:q4");
        assertThat(client.depth(Destination.jmsQueue("q4"))).isZero();
    }

    @Test
    void kafkaOnlyFieldsAreRefusedOnJms() {
        assertThatThrownBy(() -> client.publish(OutgoingMessage.text("jms:queue:q4", "x").withPartition(1)))
                .hasMessageContaining("JMS destinations have no partitions");
    }

    @Test
    void purgeRemovesWhatIsInTheQueue() {
        Destination queue = Destination.jmsQueue("q5");
        for (int i = 0; i < 4; i++) {
            client.publish(OutgoingMessage.text(queue, "x"));
        }
        assertThat(client.purge(queue)).isEqualTo(4);
        assertThat(client.depth(queue)).isZero();
    }

    @Test
    void aConsumerOnTheQueueReceivesWhatSitkitPublishedWithTheKeyAsGroupId() throws Exception {
        Destination queue = Destination.jmsQueue("q6");
        client.publish(OutgoingMessage.text(queue, "k").withKey("customer-9"));
        try (Session s = client.connection("test").createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer c = s.createConsumer(s.createQueue(queue.name()))) {
            jakarta.jms.Message m = c.receive(WAIT.toMillis());
            assertThat(m).isNotNull();
            assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("customer-9");
        }
    }

    static List<String> range(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
