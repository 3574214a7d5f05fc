package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import io.sitkit.core.TransportClient;
import io.sitkit.core.internal.CaptureBuffer;
import io.sitkit.core.internal.Closer;
import io.sitkit.jms.JmsClient;
import io.sitkit.kafka.KafkaClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one facade over Kafka and JMS: publish, capture, browse and list destinations by address,
 * whichever transport they are on; {@link #kafka()} and {@link #jms()} reach transport-only
 * operations (topic creation, consumer groups, purge…).
 *
 * <pre>{@code
 * try (Bus bus = env.openBus();
 *      Capture capture = bus.capture("kafka:orders", "jms:queue:payments")) {
 *     bus.publish(OutgoingMessage.text("kafka:orders", "{\"orderId\":\"o-1\"}").withKey("o-1"));
 *     capture.await(Destination.kafka("orders"), 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. Closing the bus closes its captures and clients.
 */
public final class Bus implements AutoCloseable {
    /** Default capture bound when neither the spec nor {@code sitkit.capture.buffer-limit} sets one. */
    public static final int DEFAULT_BUFFER_LIMIT = 1_000_000;

    private final KafkaClient kafka;
    private final JmsClient jms;
    private final int defaultBufferLimit;
    private final long defaultBufferBytes;
    private final List<Capture> captures = new ArrayList<>();
    private final Runnable onClose;
    private boolean closed;

    /**
     * @param kafka              the Kafka client, or null when the environment has no Kafka
     * @param jms                the JMS client, or null when the environment has no JMS
     * @param defaultBufferLimit capture bound used when a spec gives none
     * @param defaultBufferBytes capture byte bound used when a spec gives none
     * @param onClose            called once when the bus closes (the environment forgets it)
     */
    Bus(KafkaClient kafka, JmsClient jms, int defaultBufferLimit, long defaultBufferBytes, Runnable onClose) {
        this.kafka = kafka;
        this.jms = jms;
        this.defaultBufferLimit = defaultBufferLimit <= 0 ? DEFAULT_BUFFER_LIMIT : defaultBufferLimit;
        this.defaultBufferBytes = defaultBufferBytes <= 0 ? CaptureBuffer.defaultByteLimit() : defaultBufferBytes;
        this.onClose = onClose;
    }

    /** Kafka-only operations. */
    public KafkaClient kafka() {
        if (kafka == null) {
            throw new SitkitException("this environment has no Kafka; set " + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS
                    + " (external) or leave " + ConfigKeys.KAFKA_ENABLED + " true (embedded)");
        }
        return kafka;
    }

    /** JMS-only operations. */
    public JmsClient jms() {
        if (jms == null) {
            throw new SitkitException("this environment has no JMS broker; set " + ConfigKeys.JMS_URL
                    + " (external) or leave " + ConfigKeys.JMS_ENABLED + " true (embedded)");
        }
        return jms;
    }

    /**
     * The environment's guard that every write of this bus passes (the one its clients share):
     * refused while protected and locked, audited. {@link io.sitkit.core.Protection#none()} for a
     * bus without clients.
     */
    public io.sitkit.core.Protection protection() {
        if (kafka != null) {
            return kafka.protection();
        }
        return jms != null ? jms.protection() : io.sitkit.core.Protection.none();
    }

    public boolean hasKafka() {
        return kafka != null;
    }

    public boolean hasJms() {
        return jms != null;
    }

    private TransportClient client(Destination d) {
        return d.isKafka() ? kafka() : jms();
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public PublishResult publish(OutgoingMessage message) {
        return client(message.destination()).publish(message);
    }

    /**
     * Publishes without waiting (Kafka batches; JMS completes on return). The future completes
     * exceptionally on failure — with {@link io.sitkit.core.ProtectedEnvironmentException} when a
     * locked protected environment refuses the write — rather than this method throwing.
     */
    public CompletableFuture<PublishResult> publishAsync(OutgoingMessage message) {
        return client(message.destination()).publishAsync(message);
    }

    /**
     * Publishes without waiting and tells {@code callback} once of the outcome — a write refused by a
     * locked protected environment too, on both transports; no future per message, so this is the
     * form for high-volume publishing.
     */
    public void publishAsync(OutgoingMessage message, io.sitkit.core.PublishCallback callback) {
        client(message.destination()).publishAsync(message, callback);
    }

    /** Captures the given addresses from now on; returns once every one is listening. */
    public Capture capture(String... addresses) {
        return capture(CaptureSpec.of(addresses));
    }

    /** Captures the given destinations from now on; returns once every one is listening. */
    public Capture capture(Destination... destinations) {
        return capture(CaptureSpec.of(destinations));
    }

    /** Starts a capture as specified; returns once every destination is listening. */
    public Capture capture(CaptureSpec spec) {
        List<Destination> onKafka = spec.destinations().stream().filter(Destination::isKafka).toList();
        List<Destination> onJms = spec.destinations().stream().filter(Destination::isJms).toList();
        if (!onJms.isEmpty() && !(spec.from() instanceof StartPosition.Now)) {
            throw new IllegalArgumentException("JMS destinations " + onJms + " can only be captured from now, not from "
                    + spec.from() + "; capture them in a separate spec");
        }
        int limit = spec.bufferLimit() > 0 ? spec.bufferLimit() : defaultBufferLimit;
        long bytes = spec.bufferBytes() > 0 ? spec.bufferBytes() : defaultBufferBytes;
        CaptureBuffer buffer = new CaptureBuffer(new java.util.LinkedHashSet<>(spec.destinations()), limit, bytes,
                "from " + spec.from() + ":");
        // Registered first, so it runs last on close: a closed capture is forgotten and its messages can be collected.
        buffer.own(() -> {
            synchronized (captures) {
                captures.remove(buffer);
            }
        });
        try {
            if (!onKafka.isEmpty()) {
                buffer.own(kafka().startCapture(onKafka, spec.from(), buffer));
            }
            if (!onJms.isEmpty()) {
                buffer.own(jms().startCapture(onJms, spec.from(), buffer));
            }
        } catch (RuntimeException e) {
            try {
                buffer.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        synchronized (captures) {
            if (closed) {
                buffer.close();
                throw new IllegalStateException("this bus is closed");
            }
            captures.add(buffer);
        }
        return buffer;
    }

    /** Reads without consuming. */
    public BrowsePage browse(BrowseRequest request) {
        return client(request.destination()).browse(request);
    }

    /** Destinations on every transport of this bus, with counts where the broker exposes them. */
    public List<DestinationInfo> listDestinations() {
        List<DestinationInfo> out = new ArrayList<>();
        if (kafka != null) {
            out.addAll(kafka.listDestinations());
        }
        if (jms != null) {
            out.addAll(jms.listDestinations());
        }
        return out;
    }

    /** Closes captures, then the JMS and Kafka clients. Idempotent. */
    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (captures) {
            if (closed) {
                return;
            }
            closed = true;
            toClose.add(onClose::run);
            toClose.add(kafka);
            toClose.add(jms);
            toClose.addAll(captures);
            captures.clear();
        }
        Closer.closeAll(toClose);
    }
}
