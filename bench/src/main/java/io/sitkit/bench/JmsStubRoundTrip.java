package io.sitkit.bench;

import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * JMS request/reply round trips on the embedded ActiveMQ, answered by a sitkit stub or by a
 * hand-written responder, each on its own queue.
 *
 * <ul>
 *   <li>requester (the same for both): its own connection; a NON_PERSISTENT TextMessage (the JSON
 *       order) with {@code JMSReplyTo} = one temporary queue, on which a {@code MessageListener}
 *       completes the waiting round trip by {@code JMSCorrelationID} (event-driven);
 *       round trip = reply in the listener − just before {@code producer.send};</li>
 *   <li>stub: {@code StubSpec.on(jms:queue:<q>.stub).rule(Rule.always().reply(Reply.json(REPLY)))}
 *       started on the environment's bus;</li>
 *   <li>raw: a {@code MessageListener} on its own connection that answers each request with a
 *       TextMessage of the same body to its {@code JMSReplyTo}, {@code JMSCorrelationID} = the
 *       request's {@code JMSMessageID}, sent with the JMS default delivery mode (PERSISTENT, as the
 *       stub's reply) by a producer of the listener's session. It reads nothing else of the request.</li>
 * </ul>
 *
 * <p>Thread-safety: confined to the calling thread (the listeners run on the provider's threads).
 */
final class JmsStubRoundTrip implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final Connection requesterConnection;
    private final Session requesterSession;
    private final MessageProducer requester;
    private final TemporaryQueue replies;
    private final Queue stubQueue;
    private final Queue rawQueue;
    private final Connection rawConnection;
    private final Stub stub;
    private final byte[] payload;
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private int sentToStub;

    JmsStubRoundTrip(Bus bus, String brokerUrl, String queue, byte[] payload, String reply) throws JMSException {
        this.payload = payload;
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        this.rawConnection = factory.createConnection();
        Session rawSession = rawConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer rawReplies = rawSession.createProducer(null);
        rawSession.createConsumer(rawSession.createQueue(queue + ".raw")).setMessageListener(request -> {
            try {
                TextMessage answer = rawSession.createTextMessage(reply);
                answer.setJMSCorrelationID(request.getJMSMessageID());
                rawReplies.send(request.getJMSReplyTo(), answer);
            } catch (JMSException e) {
                throw new IllegalStateException("the raw responder could not answer: " + e, e);
            }
        });
        rawConnection.start();
        this.stub = StubSpec.on(Destination.jmsQueue(queue + ".stub")).named("bench-jms-stub")
                .rule(Rule.always().reply(Reply.json(reply))).start(bus);

        this.requesterConnection = factory.createConnection();
        this.requesterSession = requesterConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.replies = requesterSession.createTemporaryQueue();
        MessageConsumer answers = requesterSession.createConsumer(replies);
        answers.setMessageListener(m -> {
            long at = System.nanoTime();
            try {
                arrived(m.getJMSCorrelationID()).complete(at);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        requesterConnection.start();
        this.requester = requesterSession.createProducer(null);
        requester.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.stubQueue = requesterSession.createQueue(queue + ".stub");
        this.rawQueue = requesterSession.createQueue(queue + ".raw");
    }

    /** The reply's future for a correlation id, whichever of sender and listener comes first. */
    private CompletableFuture<Long> arrived(String correlationId) {
        return pending.computeIfAbsent(correlationId == null ? "" : correlationId, k -> new CompletableFuture<>());
    }

    long stub(int id) throws Exception {
        sentToStub++;
        return roundTrip(stubQueue);
    }

    long raw(int id) throws Exception {
        return roundTrip(rawQueue);
    }

    private long roundTrip(Queue to) throws Exception {
        TextMessage request = requesterSession.createTextMessage(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        request.setJMSReplyTo(replies);
        long t0 = System.nanoTime();
        requester.send(to, request);
        String id = request.getJMSMessageID();
        long at = arrived(id).get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        pending.remove(id);
        return at - t0;
    }

    /** Every request sent to the stub was recorded as answered, with nothing left unreplied. */
    void check() {
        long answered = stub.exchanges().stream().filter(e -> e.error() == null && !e.replies().isEmpty()).count();
        if (answered != sentToStub || !stub.sendFailures().isEmpty() || !pending.isEmpty()) {
            throw new IllegalStateException("the JMS stub answered " + answered + " of " + sentToStub + " requests; send failures "
                    + stub.sendFailures() + "; replies not taken: " + pending.keySet());
        }
    }

    @Override
    public void close() throws JMSException {
        try {
            stub.close();
        } finally {
            try {
                requesterConnection.close();
            } finally {
                rawConnection.close();
            }
        }
    }
}
