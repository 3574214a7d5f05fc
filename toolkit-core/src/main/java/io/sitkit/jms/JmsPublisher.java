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
 * The session one publishing thread sends on, with one anonymous producer that names the
 * destination on each send, so the broker sees no producer per destination and a temporary reply
 * queue that has gone away is reported as the invalid destination it is. The provider's objects of
 * the ordinary queues and topics sent to (the most recent {@value #DESTINATIONS}) are kept, so a
 * send makes no destination object of its own.
 *
 * <p>Thread-safety: {@link #send} is confined to the thread that owns the session; {@link #close}
 * may be called from any thread, as JMS allows for {@code Session.close()}.
 */
final class JmsPublisher implements AutoCloseable {
    static final int DESTINATIONS = 256;

    private final Session session;
    private final MessageProducer producer;
    private final Map<Destination, jakarta.jms.Destination> destinations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Destination, jakarta.jms.Destination> eldest) {
            return size() > DESTINATIONS;
        }
    };

    private JmsPublisher(Session session) throws JMSException {
        this.session = session;
        this.producer = session.createProducer(null);
    }

    static JmsPublisher open(Connection connection) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return new JmsPublisher(session);
        } catch (JMSException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Sends {@code message} to {@code d} (its JMS destination) and returns what the provider assigned. */
    PublishResult send(OutgoingMessage message, Destination d) throws JMSException {
        jakarta.jms.Message msg = JmsMessages.toJms(session, message);
        int mode = message.persistent() == null ? producer.getDeliveryMode()
                : message.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
        int priority = message.priority() == null ? producer.getPriority() : message.priority();
        long ttl = message.timeToLive() == null ? producer.getTimeToLive() : message.timeToLive().toMillis();
        producer.send(destination(d), msg, mode, priority, ttl);
        return PublishResult.jms(d, msg.getJMSMessageID(),
                msg.getJMSTimestamp() == 0 ? Instant.now() : Instant.ofEpochMilli(msg.getJMSTimestamp()));
    }

    private jakarta.jms.Destination destination(Destination d) throws JMSException {
        jakarta.jms.Destination temporary = TemporaryDestinations.lookup(d);
        if (temporary != null) {
            return temporary;   // never kept here: the requester may delete it at any time
        }
        jakarta.jms.Destination kept = destinations.get(d);
        if (kept == null) {
            kept = JmsMessages.toJms(session, d);
            destinations.put(d, kept);
        }
        return kept;
    }

    /** Closes the session and with it its producer. */
    @Override
    public void close() throws JMSException {
        session.close();
    }
}
