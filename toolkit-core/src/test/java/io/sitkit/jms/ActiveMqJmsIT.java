package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMS contract on a real embedded ActiveMQ Classic 6 broker, plus what only Classic offers. */
class ActiveMqJmsIT extends JmsContract {
    private static EmbeddedActiveMq broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedActiveMq.start(false, null);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    protected JmsSettings settings() {
        return JmsSettings.activeMq(broker.brokerUrl()).withQueueObservation(QueueObservation.MIRROR);
    }

    @Override
    protected void assertObjectMessage(Message m) {
        assertThat(m.jms().orElseThrow().objectClassName()).isEqualTo("java.util.ArrayList");
        assertThat(m.payload()).startsWith((byte) 0xAC, (byte) 0xED);
    }

    @Test
    void closingWhileThreadsPublishForTheFirstTimeNeverHangs() throws Exception {
        // Each first publish opens the thread's session under the client's lock while close() clears the
        // sessions under the same lock: a deadlock here would time out the gets below.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(9, r -> {
            Thread t = new Thread(r, "first-publisher");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                JmsClient c = new JmsClient(settings());
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        try {
                            c.publish(OutgoingMessage.text("jms:queue:contract.closing", "x"));
                            return "published";
                        } catch (IllegalStateException | io.sitkit.core.SitkitException e) {
                            return "refused";   // the client closed first
                        }
                    }));
                }
                outcomes.add(pool.submit(() -> {
                    go.await();
                    c.close();
                    return "closed";
                }));
                go.countDown();
                for (java.util.concurrent.Future<String> f : outcomes) {
                    assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS)).isIn("published", "refused", "closed");
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.publish(OutgoingMessage.text("jms:queue:contract.closing", "x")))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCompressedObjectMessageIsInflatedNotDeserialized() throws Exception {
        Destination topic = Destination.jmsTopic("contract.compressed");
        io.sitkit.core.internal.CaptureBuffer capture = new io.sitkit.core.internal.CaptureBuffer(java.util.Set.of(topic), 10, "now");
        capture.own(client.startCapture(List.of(topic), io.sitkit.core.StartPosition.now(), capture));
        org.apache.activemq.ActiveMQConnectionFactory cf = new org.apache.activemq.ActiveMQConnectionFactory(broker.brokerUrl());
        cf.setUseCompression(true);
        try (jakarta.jms.Connection c = cf.createConnection();
             jakarta.jms.Session s = c.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE)) {
            s.createProducer(s.createTopic(topic.name())).send(s.createObjectMessage(new java.util.ArrayList<>(List.of("z".repeat(500)))));
        }
        Message m = capture.await(topic, 1, java.time.Duration.ofSeconds(10)).get(0);
        assertThat(m.jms().orElseThrow().objectClassName()).isEqualTo("java.util.ArrayList");
        assertThat(m.payloadSize()).isGreaterThan(500);
        capture.close();
    }

    @Test
    void destinationsAreListedWithQueueDepthAndTheDeadLetterQueueIsMarked() {
        Destination queue = Destination.jmsQueue("q7");
        for (int i = 0; i < 3; i++) {
            client.publish(OutgoingMessage.text(queue, "d"));
        }
        client.publish(OutgoingMessage.text("jms:queue:ActiveMQ.DLQ", "dead"));
        // Classic's individual dead-letter strategy names one per queue.
        client.publish(OutgoingMessage.text("jms:queue:ActiveMQ.DLQ.Queue.q7", "dead too"));
        List<DestinationInfo> infos = client.listDestinations();
        assertThat(infos).filteredOn(i -> i.destination().equals(queue)).singleElement()
                .satisfies(i -> assertThat(i.messageCount()).isEqualTo(3))
                .satisfies(i -> assertThat(i.deadLetter()).isFalse());
        assertThat(infos).filteredOn(i -> i.destination().name().equals("ActiveMQ.DLQ")).singleElement()
                .satisfies(i -> assertThat(i.deadLetter()).isTrue());
        assertThat(infos).filteredOn(i -> i.destination().name().equals("ActiveMQ.DLQ.Queue.q7")).singleElement()
                .satisfies(i -> assertThat(i.deadLetter()).isTrue());
        client.purge(Destination.jmsQueue("ActiveMQ.DLQ"));
        client.purge(Destination.jmsQueue("ActiveMQ.DLQ.Queue.q7"));
    }
}
