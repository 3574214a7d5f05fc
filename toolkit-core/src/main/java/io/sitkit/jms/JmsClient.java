package io.sitkit.jms;

import io.sitkit.config.Secrets;
import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import io.sitkit.core.Transport;
import io.sitkit.core.TransportClient;
import io.sitkit.core.internal.Closer;
import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * JMS for sitkit: publish, capture, browse, receive and administer queues and topics of one broker,
 * through {@code jakarta.jms} only.
 *
 * <pre>{@code
 * try (JmsClient jms = new JmsClient(JmsSettings.activeMq("tcp://127.0.0.1:61616"))) {
 *     jms.publish(OutgoingMessage.text("jms:queue:payments", "{}").withCorrelationId("o-1"));
 *     Optional<Message> m = jms.receive(Destination.jmsQueue("payments"), Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * <p>One connection (opened on first use, within {@link JmsSettings#timeout()}) serves
 * everything. Each publishing thread gets its own session, so sessions never cross threads;
 * browses and receives use a session of their own for the call.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class JmsClient implements TransportClient {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JmsClient.class);
    private final JmsSettings settings;
    private final Object lock = new Object();
    private final JmsPublishers publishers = new JmsPublishers();
    private final List<JmsCapture> captures = new ArrayList<>();
    private Connection connection;
    private volatile boolean closed;
    private final JmsQueueOps queueOps = new JmsQueueOps(this);

    private final io.sitkit.core.Protection protection;

    public JmsClient(JmsSettings settings) {
        this(settings, io.sitkit.core.Protection.none());
    }

    /** A client whose writes pass through {@code protection} (refused while locked, audited). */
    public JmsClient(JmsSettings settings, io.sitkit.core.Protection protection) {
        this.settings = settings;
        this.protection = java.util.Objects.requireNonNull(protection, "protection");
    }

    /** The guard of this client's writes. */
    public io.sitkit.core.Protection protection() {
        return protection;
    }

    public JmsSettings settings() {
        return settings;
    }

    @Override
    public Transport transport() {
        return Transport.JMS;
    }

    /** The shared connection, opened on first use. */
    Connection connection(String what) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this JmsClient is closed");
            }
            if (connection == null) {
                Connection c = JmsConnector.connect(settings, what);
                try {
                    c.setExceptionListener(e -> connectionLost(c, e));
                } catch (JMSException e) {
                    LOG.debug("provider refuses an exception listener: {}", e.toString());
                }
                FailoverWatch.attach(c, settings.address(), problem -> {
                    List<JmsCapture> affected;
                    synchronized (lock) {
                        affected = new ArrayList<>(captures);
                    }
                    affected.forEach(capture -> capture.interrupted(problem));
                });
                connection = c;
            }
            return connection;
        }
    }

    /**
     * The provider reported the connection broken: forget it so the next call reconnects, tell the
     * captures on it, and close it off the provider's thread.
     */
    private void connectionLost(Connection lost, JMSException error) {
        List<AutoCloseable> toClose = new ArrayList<>();
        List<JmsCapture> affected;
        synchronized (lock) {
            if (connection != lost) {
                return;
            }
            connection = null;
            toClose.addAll(publishers.takeAll());
            affected = new ArrayList<>(captures);
        }
        toClose.add(lost::close);
        LOG.warn("connection to JMS broker {} lost: {}; the next call reconnects", settings.address(), Secrets.redactUrls(String.valueOf(error)));
        SitkitException reported = new SitkitException("connection to JMS broker " + settings.address() + " lost: "
                + Secrets.redactUrls(String.valueOf(error.getMessage())), error);
        affected.forEach(c -> c.connectionLost(reported));
        Thread closer = new Thread(() -> {
            try {
                Closer.closeAll(toClose);
            } catch (RuntimeException e) {
                LOG.debug("closing the lost connection failed: {}", e.toString());
            }
        }, "sitkit-jms-close-lost");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public PublishResult publish(OutgoingMessage message) {
        Destination d = requireJms(message.destination());
        protection.checkWrite("publish to", d);
        protection.published(d, io.sitkit.core.internal.RawBytes.key(message), io.sitkit.core.internal.RawBytes.payload(message));
        JmsPublisher publisher = publishers.current();
        if (publisher == null) {
            // Opened before it is kept: opening takes the client's lock, under which close() takes them all.
            publisher = openPublisher(d);
            publishers.keep(publisher);
            if (closed) {
                publishers.dropCurrent();
                throw new IllegalStateException("this JmsClient is closed");
            }
        }
        try {
            return publisher.send(message, d);
        } catch (JMSException e) {
            publishers.dropCurrent();
            throw closed ? closedWhilePublishing(d, e) : translate(e, "publishing to " + d);
        } catch (IllegalArgumentException e) {
            throw e;   // the message does not fit JMS (a header name, a Kafka-only field): the caller's, the session is fine
        } catch (RuntimeException e) {
            // A provider's session closed under a send can fail in any way (ActiveMQ Classic: a NullPointerException).
            publishers.dropCurrent();
            throw closed ? closedWhilePublishing(d, e)
                    : new SitkitException("publishing to " + d + " failed on JMS broker " + settings.address() + ": " + Secrets.redactUrls(String.valueOf(e)), e);
        }
    }

    private static IllegalStateException closedWhilePublishing(Destination d, Exception cause) {
        return new IllegalStateException("this JmsClient was closed while publishing to " + d
                + "; the message may or may not have reached the broker", cause);
    }

    private JmsPublisher openPublisher(Destination d) {
        try {
            return JmsPublisher.open(connection("publishing to " + d));
        } catch (JMSException e) {
            throw translate(e, "opening a session to publish to " + d);
        }
    }

    /** JMS sends here are synchronous: the callback is told on the calling thread before this returns. */
    @Override
    public void publishAsync(OutgoingMessage message, io.sitkit.core.PublishCallback callback) {
        PublishResult result;
        try {
            result = publish(message);
        } catch (SitkitException e) {
            callback.completed(null, e);
            return;
        } catch (RuntimeException e) {
            callback.completed(null, new SitkitException("publishing to " + message.destination() + " failed: " + e, e));
            return;
        }
        callback.completed(result, null);
    }

    @Override
    public io.sitkit.core.CaptureSession startCapture(List<Destination> destinations, StartPosition from, CaptureSink sink) {
        if (!(from instanceof StartPosition.Now)) {
            throw new IllegalArgumentException("JMS captures start from now; " + from + " applies to Kafka topics only");
        }
        destinations.forEach(JmsClient::requireJms);
        Connection c = connection("capturing " + destinations);
        List<JmsCapture> started = new ArrayList<>();
        try {
            for (Destination d : destinations) {
                started.add(JmsCapture.start(c, settings, d, sink));
            }
        } catch (RuntimeException e) {
            try {
                Closer.closeAll(started);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return tracked(started);
    }

    /** Registers running captures so a lost connection reaches them and {@link #close()} ends them. */
    private io.sitkit.core.CaptureSession tracked(List<JmsCapture> started) {
        synchronized (lock) {
            captures.addAll(started);
        }
        return new io.sitkit.core.CaptureSession() {
            @Override
            public String describe() {
                return String.join("; ", started.stream().map(JmsCapture::describe).toList());
            }

            @Override
            public void close() {
                synchronized (lock) {
                    captures.removeAll(started);
                }
                Closer.closeAll(started);
            }
        };
    }

    /**
     * Consumes {@code destination} (taking each message off a queue) and hands every message to
     * {@code sink} on the provider's delivery thread; returns once the consumer is registered.
     * For a stand-in service; to watch without taking, use {@link #startCapture}. A write: refused
     * while the environment is protected and locked; the start is audited ({@code "consume"}).
     *
     * <pre>{@code
     * try (CaptureSession s = jms.consume(Destination.jmsQueue("payments"), sink)) { ... }
     * }</pre>
     *
     * @return the running consumer; closing it closes its session
     */
    public io.sitkit.core.CaptureSession consume(Destination destination, CaptureSink sink) {
        protection.checkWrite("consume from", requireJms(destination));
        io.sitkit.core.CaptureSession session = tracked(List.of(JmsCapture.consume(connection("consuming " + destination),
                settings, destination, sink)));
        protection.wrote("consume", destination);
        return session;
    }

    @Override
    public BrowsePage browse(BrowseRequest request) {
        Destination d = requireJms(request.destination());
        long skip = request.from() instanceof BrowseRequest.From.Offsets o ? o.offsetFor(0) : 0;
        String what = "browsing " + d + (request.selector() == null ? "" : " with selector '" + request.selector() + "'");
        try (Session s = connection(what).createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser b = request.selector() == null ? s.createBrowser(s.createQueue(d.name()))
                     : s.createBrowser(s.createQueue(d.name()), request.selector())) {
            List<Message> out = new ArrayList<>();
            Enumeration<?> e = b.getEnumeration();
            long index = 0;
            Instant now = Instant.now();
            boolean more = false;
            while (e.hasMoreElements()) {
                jakarta.jms.Message m = (jakarta.jms.Message) e.nextElement();
                if (index++ < skip) {
                    continue;
                }
                if (out.size() == request.limit()) {
                    more = true;
                    break;
                }
                out.add(JmsMessages.fromJms(m, d, now));
            }
            return new BrowsePage(out, more ? Optional.of(request.fromOffset(skip + out.size())) : Optional.empty());
        } catch (InvalidSelectorException e) {
            throw new IllegalArgumentException("'" + request.selector() + "' is not a valid JMS selector: " + e.getMessage(), e);
        } catch (JMSException e) {
            throw translate(e, what);
        }
    }

    /**
     * Takes one message from a queue or topic (destructive), waiting at most {@code timeout}.
     * For a test that wants to act as the consumer. A write: refused while the environment is
     * protected and locked; the message taken is audited ({@code "receive"}, key and payload digest).
     */
    public Optional<Message> receive(Destination destination, Duration timeout) {
        protection.checkWrite("receive (consume) from", requireJms(destination));
        Optional<Message> taken = queueOps.receive(destination, timeout);
        taken.ifPresent(m -> protection.took(destination, m.key(), m.payload()));
        return taken;
    }

    /**
     * Removes every message present in a queue when called. Returns how many were removed.
     * Provider-neutral: counts with a browser, then consumes that many.
     */
    public int purge(Destination queue) {
        protection.checkWrite("purge", requireJms(queue));
        int purged = queueOps.purge(queue);
        protection.wrote("purge", queue);
        return purged;
    }

    /** Messages currently in a queue, counted with a browser. */
    public long depth(Destination queue) {
        return queueOps.depth(requireJms(queue));
    }

    @Override
    public List<DestinationInfo> listDestinations() {
        Connection c = connection("listing destinations");
        if (ArtemisManagement.isArtemis(c)) {
            return ArtemisManagement.list(this, settings);
        }
        if (c.getClass().getName().startsWith("org.apache.activemq.")) {
            return ActiveMqStatistics.list(this, settings);
        }
        throw new SitkitException("listing destinations is not available through JMS on " + c.getClass().getName()
                + " (" + settings.address() + "); sitkit lists ActiveMQ Classic (statistics plugin) and Artemis (management"
                + " address) brokers — use the provider's console for others");
    }

    SitkitException translate(JMSException e, String what) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.getLinkedException() != null) {
            reason += " (" + e.getLinkedException() + ")";
        }
        if (e instanceof jakarta.jms.InvalidDestinationException) {
            return new InvalidDestinationException(what + " failed: the broker at " + settings.address()
                    + " rejected the destination: " + Secrets.redactUrls(reason));
        }
        return new SitkitException(what + " failed on JMS broker " + settings.address() + ": " + Secrets.redactUrls(reason), e);
    }

    static Destination requireJms(Destination d) {
        if (!d.isJms()) {
            throw new IllegalArgumentException(d + " is not a JMS destination");
        }
        return d;
    }

    /**
     * Closes captures, publisher sessions and the connection, in that order. Idempotent and best
     * effort: failures (a broker already gone) are logged, not thrown.
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            Connection c = connection;
            if (c != null) {
                toClose.add(c::close);
            }
            toClose.addAll(publishers.takeAll());
            toClose.addAll(captures);
            captures.clear();
        }
        try {
            Closer.closeAll(toClose);
        } catch (RuntimeException e) {
            // Best effort: a broker that is already gone cannot be told goodbye, and that is no failure of the caller's.
            LOG.warn("closing the JMS client of {} did not complete cleanly: {}", settings.address(), Secrets.redactUrls(String.valueOf(e)));
        }
    }

    @Override
    public String toString() {
        return "JmsClient{" + settings.address() + "}";
    }
}
