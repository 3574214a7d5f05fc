package io.sitkit.bench;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.command.ActiveMQQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * JMS publish and capture on the embedded ActiveMQ, raw {@code jakarta.jms} against sitkit's
 * {@link Bus}. Raw connections come from a plain {@code ActiveMQConnectionFactory(url)}, as
 * sitkit's do; every destination is fresh for each trial, and queues are destroyed after it
 * (topics hold nothing once their subscriber is gone).
 *
 * <ul>
 *   <li>publish: {@code n} BytesMessages to a queue, both sides with the JMS default delivery mode
 *       (PERSISTENT, so each send waits for the broker's receipt; the embedded broker keeps them in
 *       memory) — {@code producer.send} against {@code bus.publish};</li>
 *   <li>capture: a feeder on its own connection sends {@code n} NON_PERSISTENT BytesMessages to a
 *       topic (asynchronous sends, so the subscriber is the bottleneck); timed from the first send
 *       to the {@code n}th message held — by a raw {@code MessageListener} that reads each body and
 *       keeps the message, against {@code bus.capture(topic)} and {@code capture.await(topic, n)}.</li>
 * </ul>
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class JmsThroughput implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofMinutes(2);

    private final Bus bus;
    private final ActiveMQConnection raw;
    private final ActiveMQConnection feeder;

    JmsThroughput(Bus bus, String brokerUrl) throws JMSException {
        this.bus = bus;
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        this.raw = (ActiveMQConnection) factory.createConnection();
        this.feeder = (ActiveMQConnection) factory.createConnection();
        raw.start();
        feeder.start();
    }

    double rawPublish(String queue, byte[] payload, int n) throws JMSException {
        try (Session s = raw.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createQueue(queue));
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(payload);
                p.send(m);
            }
            return Rounds.rate(n, t0);
        } finally {
            drainAndDestroy(queue, n);
        }
    }

    double sitkitPublish(String queue, byte[] payload, int n) throws JMSException {
        Destination d = Destination.jmsQueue(queue);
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                bus.publish(OutgoingMessage.bytes(d, payload));
            }
            return Rounds.rate(n, t0);
        } finally {
            drainAndDestroy(queue, n);
        }
    }

    /**
     * Takes the trial's {@code n} messages off {@code queue} (untimed), then deletes it. With the
     * queues deleted full, a run of 12 rounds reached the embedded broker's 256 MiB memory limit in
     * round 9 and producer flow control blocked the raw producer for good.
     */
    private void drainAndDestroy(String queue, int n) throws JMSException {
        try (Session s = raw.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer c = s.createConsumer(s.createQueue(queue))) {
            long deadline = System.nanoTime() + WITHIN.toNanos();
            int taken = 0;
            while (taken < n) {
                if (c.receive(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)) == null) {
                    throw new IllegalStateException("draining " + queue + " took " + taken + " of " + n + " messages within " + WITHIN);
                }
                taken++;
            }
        }
        raw.destroyDestination(new ActiveMQQueue(queue));
    }

    double rawCapture(String topic, byte[] payload, int n) throws Exception {
        List<Message> held = Collections.synchronizedList(new ArrayList<>(n));
        CountDownLatch got = new CountDownLatch(n);
        try (Session s = raw.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer c = s.createConsumer(s.createTopic(topic))) {
            c.setMessageListener(m -> {
                try {
                    BytesMessage b = (BytesMessage) m;
                    byte[] body = new byte[(int) b.getBodyLength()];
                    b.readBytes(body);
                    held.add(m);
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
                got.countDown();
            });
            long t0 = System.nanoTime();
            feed(topic, payload, n);
            if (!got.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("raw subscriber of " + topic + " got " + (n - got.getCount()) + " of " + n + " within " + WITHIN);
            }
            return Rounds.rate(n, t0);
        }
    }

    double sitkitCapture(String topic, byte[] payload, int n) throws Exception {
        Destination d = Destination.jmsTopic(topic);
        try (Capture c = bus.capture(d)) {
            long t0 = System.nanoTime();
            feed(topic, payload, n);
            c.await(d, n, WITHIN);
            return Rounds.rate(n, t0);
        }
    }

    private void feed(String topic, byte[] payload, int n) throws JMSException {
        try (Session s = feeder.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(topic));
            p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (int i = 0; i < n; i++) {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(payload);
                p.send(m);
            }
        }
    }

    @Override
    public void close() throws JMSException {
        try {
            feeder.close();
        } finally {
            raw.close();
        }
    }
}
