package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session one publishing thread sends on, with a producer per destination it sent to (the
 * most recent {@value #PRODUCERS}), as a hand-written JMS publisher keeps one: the broker then
 * routes each send on the producer's own destination instead of resolving one named on every send,
 * and no destination object is made per message.
 *
 * <p>Thread-safety: {@link #send} is confined to the thread that owns the session; {@link #close}
 * may be called from any thread, as JMS allows for {@code Session.close()}.
 */
final class JmsPublisher implements AutoCloseable {
    static final int PRODUCERS = 32;

    private final Session session;
    private final Map<Destination, MessageProducer> producers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Destination, MessageProducer> eldest) {
            if (size() <= PRODUCERS) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (JMSException | RuntimeException e) {
                // the producer is let go either way; its session stays usable
            }
            return true;
        }
    };

    private JmsPublisher(Session session) {
        this.session = session;
    }

    static JmsPublisher open(Connection connection) throws JMSException {
        return new JmsPublisher(connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    /** Sends {@code message} to {@code d} (its JMS destination) and returns what the provider assigned. */
    PublishResult send(OutgoingMessage message, Destination d) throws JMSException {
        jakarta.jms.Message msg = JmsMessages.toJms(session, message);
        MessageProducer p = producer(d);
        int mode = message.persistent() == null ? p.getDeliveryMode()
                : message.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        int priority = message.priority() == null ? p.getPriority() : message.priority();
        long ttl = message.timeToLive() == null ? p.getTimeToLive() : message.timeToLive().toMillis();
        p.send(msg, mode, priority, ttl);
        return PublishResult.jms(d, msg.getJMSMessageID(),
                msg.getJMSTimestamp() == 0 ? Instant.now() : Instant.ofEpochMilli(msg.getJMSTimestamp()));
    }

    private MessageProducer producer(Destination d) throws JMSException {
        MessageProducer p = producers.get(d);
        if (p == null) {
            p = session.createProducer(JmsMessages.toJms(session, d));
            producers.put(d, p);
        }
        return p;
    }

    /** Closes the session and with it its producers. */
    @Override
    public void close() throws JMSException {
        session.close();
    }
}
