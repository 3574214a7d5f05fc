package io.sitkit.jms;

import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.Closer;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Capture of one JMS destination. Topics: a subscriber, active before {@link #start} returns.
 * Queues, by {@link QueueObservation}: {@code MIRROR} subscribes to the broker's mirror topic;
 * {@code BROWSE} browses on a schedule and de-duplicates by message id (lossy); {@code NONE} refuses.
 *
 * <p>Thread-safety: the session is used only by the provider's delivery thread (or the browse
 * thread); {@link #close()} may be called from any thread and is idempotent.
 */
final class JmsCapture implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JmsCapture.class);
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile boolean closed;
    private volatile boolean lost;
    private String description = "";
    private final Destination destination;
    private final CaptureSink sink;

    private JmsCapture(Destination destination, CaptureSink sink) {
        this.destination = destination;
        this.sink = sink;
    }

    /** The connection under this capture broke; the capture cannot continue. */
    void connectionLost(SitkitException error) {
        lost = true;
        if (!closed) {
            sink.failed(destination, error);
        }
    }

    /**
     * The transport under this capture is down but reconnecting (ActiveMQ's failover), or with
     * {@code problem == null} back: the capture is blind meanwhile.
     */
    void interrupted(String problem) {
        if (!closed) {
            sink.health(destination, problem);
        }
    }

    static JmsCapture start(Connection connection, JmsSettings settings, Destination destination, CaptureSink sink) {
        JmsCapture capture = new JmsCapture(destination, sink);
        try {
            if (!destination.isQueue()) {
                capture.subscribe(connection, destination, destination.name(), sink);
                capture.description = destination + " subscribed";
            } else {
                switch (settings.queueObservation()) {
                    case MIRROR -> {
                        capture.subscribe(connection, destination, settings.mirrorPrefix() + destination.name(), sink);
                        capture.description = destination + " via mirror topic " + settings.mirrorPrefix() + destination.name();
                    }
                    case BROWSE -> {
                        capture.browseLoop(connection, settings, destination, sink);
                        capture.description = destination + " by browsing every " + settings.browseInterval() + " (lossy)";
                    }
                    default -> throw new SitkitException("cannot capture " + destination + " on " + settings.address()
                            + " without taking its messages from the system under test: the broker must copy queue traffic"
                            + " to a topic. Enable ActiveMQ Classic mirrored queues (<broker useMirroredQueues=\"true\">)"
                            + " or an Artemis non-exclusive divert from '" + destination.name() + "' to '"
                            + settings.mirrorPrefix() + destination.name() + "', then set sitkit.jms.queue-observation=mirror;"
                            + " or set sitkit.jms.queue-observation=browse to poll it with a QueueBrowser (lossy: messages"
                            + " consumed between two browses are missed)");
                }
            }
            return capture;
        } catch (JMSException e) {
            capture.close();
            throw new SitkitException("cannot capture " + destination + " on JMS broker " + settings.address() + ": " + e, e);
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
    }

    /**
     * Takes the messages of {@code destination} as its consumer (destructive on a queue): what a
     * stub or a relay does in place of a missing service.
     */
    static JmsCapture consume(Connection connection, JmsSettings settings, Destination destination, CaptureSink sink) {
        JmsCapture capture = new JmsCapture(destination, sink);
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            capture.resources.add(session::close);
            capture.listen(session, session.createConsumer(JmsMessages.toJms(session, destination)), destination, sink);
            capture.description = destination + " consumed";
            return capture;
        } catch (JMSException e) {
            capture.close();
            throw new SitkitException("cannot consume from " + destination + " on JMS broker " + settings.address() + ": " + e, e);
        }
    }

    private void subscribe(Connection connection, Destination destination, String topic, CaptureSink sink) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        resources.add(session::close);
        listen(session, session.createConsumer(session.createTopic(topic)), destination, sink);
    }

    private void listen(Session session, MessageConsumer consumer, Destination destination, CaptureSink sink) throws JMSException {
        consumer.setMessageListener(m -> {
            if (!closed) {
                try {
                    sink.accept(JmsMessages.fromJms(m, destination, io.sitkit.core.internal.RawBytes.nowNanos()));
                } catch (RuntimeException e) {
                    sink.failed(destination, e);
                }
            }
        });
    }

    private void browseLoop(Connection connection, JmsSettings settings, Destination destination, CaptureSink sink)
            throws JMSException {
        LOG.warn("capturing {} by browsing every {} (sitkit.jms.queue-observation=browse): LOSSY — a message sent and "
                + "consumed between two browses is not seen; use the broker's mirrored queues or a divert for a complete capture",
                destination, settings.browseInterval());
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        resources.add(session::close);
        jakarta.jms.Queue queue = session.createQueue(destination.name());
        // Messages already in the queue when the capture starts are not "from now": remember their ids.
        Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>(ids(session, queue)));
        ScheduledExecutorService browser = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitkit-capture-jms-browse-" + destination.name());
            t.setDaemon(true);
            return t;
        });
        resources.add(() -> {
            browser.shutdownNow();
            browser.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        });
        browser.scheduleWithFixedDelay(() -> {
            if (closed) {
                return;
            }
            try (QueueBrowser b = session.createBrowser(queue)) {
                Set<String> present = new LinkedHashSet<>();
                Enumeration<?> e = b.getEnumeration();
                while (e.hasMoreElements() && !closed) {
                    jakarta.jms.Message m = (jakarta.jms.Message) e.nextElement();
                    present.add(m.getJMSMessageID());
                    if (seen.add(m.getJMSMessageID())) {
                        Message mapped = JmsMessages.fromJms(m, destination, Instant.now());
                        sink.accept(mapped);
                    }
                }
                // Forget ids no longer in the queue so memory stays bounded by the queue depth.
                seen.retainAll(present);
            } catch (JMSException | RuntimeException ex) {
                if (!closed) {
                    sink.failed(destination, ex);
                }
            }
        }, 0, settings.browseInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<String> ids(Session session, jakarta.jms.Queue queue) throws JMSException {
        List<String> ids = new ArrayList<>();
        try (QueueBrowser b = session.createBrowser(queue)) {
            Enumeration<?> e = b.getEnumeration();
            while (e.hasMoreElements()) {
                ids.add(((jakarta.jms.Message) e.nextElement()).getJMSMessageID());
            }
        }
        return ids;
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Closer.closeAll(resources);
        } catch (RuntimeException e) {
            // A broken connection's sessions cannot be closed any more and need not be.
            if (lost) {
                LOG.debug("closing the capture of {} after its connection was lost: {}", destination, e.toString());
            } else {
                LOG.warn("closing the capture of {} did not complete cleanly: {}", destination, e.toString());
            }
        }
    }
}
