package io.sitkit.bench;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.expect.Expectations;
import io.sitkit.expect.MessageExpectation;
import io.sitkit.match.Matchers;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * JMS single-message latency on one queue of the embedded ActiveMQ, which a raw listener consumes
 * (so the queue never grows) and a sitkit capture observes through the broker's mirror topic, in
 * every round alike.
 *
 * <ul>
 *   <li>raw: a plain {@code MessageListener} on the queue; e2e = when {@code onMessage} got it
 *       − just before {@code producer.send};</li>
 *   <li>sitkit: {@code bus.capture(jms:queue:<q>)} and, on the {@link Waiter} thread,
 *       {@code expect(queue).onlyNew().message(header("sample", k)).within(10 s)} declared and parked
 *       before the send; detect = when {@code within} returned − just before the send.</li>
 * </ul>
 *
 * Both sides are sent by one plain JMS producer on its own connection, NON_PERSISTENT (the
 * ActiveMQ client sends those without waiting for a receipt), a BytesMessage with a string
 * property {@code sample}, one at a time; before the next sample, both readers have seen the message.
 * A listener on the capture ({@code capture.subscribe}) notes when its transport thread held each
 * message, as a breakdown of the detect time.
 *
 * <p>Thread-safety: confined to the calling thread (the listener runs on the provider's thread).
 */
final class JmsLatency implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final Destination destination;
    private final Connection rawConnection;
    private final Connection producerConnection;
    private final Session producerSession;
    private final MessageProducer producer;
    private final Capture capture;
    private final Expectations expect;
    private final Waiter waiter = new Waiter("bench-latency-jms-waiter");
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    /** When the capture's transport thread held each message (a listener on the capture). */
    private final Map<String, CompletableFuture<Long>> held = new ConcurrentHashMap<>();
    private final byte[] payload;
    private int sent;

    JmsLatency(Bus bus, String brokerUrl, String queue, byte[] payload) throws JMSException {
        this.destination = Destination.jmsQueue(queue);
        this.payload = payload;
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        this.rawConnection = factory.createConnection();
        Session listenerSession = rawConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = listenerSession.createConsumer(listenerSession.createQueue(queue));
        consumer.setMessageListener(m -> {
            long at = System.nanoTime();
            try {
                CompletableFuture<Long> f = pending.remove(m.getStringProperty("sample"));
                if (f != null) {
                    f.complete(at);
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        rawConnection.start();
        this.producerConnection = factory.createConnection();
        this.producerSession = producerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = producerSession.createProducer(producerSession.createQueue(queue));
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.capture = bus.capture(destination);
        this.expect = Expectations.of(capture);
        capture.subscribe(m -> {
            long at = System.nanoTime();
            held.computeIfAbsent(m.headers().lastAsString("sample").orElse(""), x -> new CompletableFuture<>()).complete(at);
        });
    }

    LatencyRounds.Timing raw(int id) throws Exception {
        String k = "k-" + id;
        CompletableFuture<Long> seen = new CompletableFuture<>();
        pending.put(k, seen);
        BytesMessage m = message(k);
        long t0 = System.nanoTime();
        producer.send(m);
        long nanos = seen.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS) - t0;
        capture.await(destination, ++sent, WITHIN);
        heldAt(k);
        return new LatencyRounds.Timing(nanos, -1);
    }

    LatencyRounds.Timing sitkit(int id) throws Exception {
        String k = "k-" + id;
        CompletableFuture<Long> rawSeen = new CompletableFuture<>();
        pending.put(k, rawSeen);
        Future<Long> returned = waiter.park(() -> {
            MessageExpectation e = expect.expect(destination).onlyNew().message(Matchers.header("sample", k));
            return () -> e.within(WITHIN);
        });
        BytesMessage m = message(k);
        long t0 = System.nanoTime();
        producer.send(m);
        long nanos = returned.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS) - t0;
        sent++;
        rawSeen.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        return new LatencyRounds.Timing(nanos, heldAt(k) - t0);
    }

    /** When the capture's listener saw the message with key {@code k}; forgets it. */
    private long heldAt(String k) throws Exception {
        long at = held.computeIfAbsent(k, x -> new CompletableFuture<>()).get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        held.remove(k);
        return at;
    }

    private BytesMessage message(String k) throws JMSException {
        BytesMessage m = producerSession.createBytesMessage();
        m.writeBytes(payload);
        m.setStringProperty("sample", k);
        return m;
    }

    @Override
    public void close() throws JMSException {
        try {
            waiter.close();
        } finally {
            try {
                capture.close();
            } finally {
                try {
                    producerConnection.close();
                } finally {
                    rawConnection.close();
                }
            }
        }
    }
}
