package io.sitkit.kafka;

import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import io.sitkit.core.Transport;
import io.sitkit.core.TransportClient;
import io.sitkit.core.internal.Closer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kafka for sitkit: publish, capture, browse and administer topics of one cluster.
 *
 * <pre>{@code
 * try (KafkaClient kafka = new KafkaClient(KafkaSettings.of("127.0.0.1:9092"))) {
 *     kafka.createTopic("orders", 3);
 *     PublishResult r = kafka.publish(OutgoingMessage.text("kafka:orders", "{}").withKey("o-1"));
 * }
 * }</pre>
 *
 * <p>One producer (created on first publish) serves all publishers; each capture and browse owns
 * its own consumer; the admin client is created on first use.
 *
 * <p>The {@code createTopic…} methods return once the topic is served: every partition has a
 * leader and every broker holding one of its replicas has it (a KRaft controller acknowledges the
 * creation before its brokers have applied it), within {@link KafkaSettings#timeout()}.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class KafkaClient implements TransportClient {
    private final KafkaSettings settings;
    private final Object lock = new Object();
    private volatile KafkaProducer<byte[], byte[]> producer;
    private KafkaAdminOps admin;
    private final List<KafkaCapture> captures = new ArrayList<>();
    private volatile boolean closed;
    private final io.sitkit.core.Protection protection;

    public KafkaClient(KafkaSettings settings) {
        this(settings, io.sitkit.core.Protection.none());
    }

    /** A client whose writes pass through {@code protection} (refused while locked, audited). */
    public KafkaClient(KafkaSettings settings, io.sitkit.core.Protection protection) {
        this.settings = settings;
        this.protection = java.util.Objects.requireNonNull(protection, "protection");
    }

    /** The guard of this client's writes. */
    public io.sitkit.core.Protection protection() {
        return protection;
    }

    public KafkaSettings settings() {
        return settings;
    }

    @Override
    public Transport transport() {
        return Transport.KAFKA;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null && !closed) {
            return p;
        }
        synchronized (lock) {
            ensureOpen();
            if (producer == null) {
                producer = new KafkaProducer<>(KafkaClients.producer(settings));
            }
            return producer;
        }
    }

    private KafkaAdminOps admin() {
        synchronized (lock) {
            ensureOpen();
            if (admin == null) {
                admin = new KafkaAdminOps(settings);
            }
            return admin;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this KafkaClient is closed");
        }
    }

    @Override
    public PublishResult publish(OutgoingMessage message) {
        protection.checkWrite("publish to", requireKafka(message.destination()));   // thrown here, on the caller's stack
        CompletableFuture<PublishResult> f = publishAsync(message);
        try {
            return f.get(settings.timeout().toMillis() * 2 + 5000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw KafkaErrors.translate(e.getCause(), "publishing to " + message.destination(), settings,
                    size(message));
        } catch (java.util.concurrent.TimeoutException e) {
            throw KafkaErrors.timeout("publishing to " + message.destination(), settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while publishing to " + message.destination(), e);
        }
    }

    @Override
    public void publishAsync(OutgoingMessage message, io.sitkit.core.PublishCallback callback) {
        Destination d = requireKafka(message.destination());
        try {
            protection.checkWrite("publish to", d);
        } catch (io.sitkit.core.ProtectedEnvironmentException refused) {
            callback.completed(null, refused);   // a callback API reports through its callback, as JMS does
            return;
        }
        ProducerRecord<byte[], byte[]> record = KafkaRecords.toRecord(message);
        int size = size(message);
        if (size > settings.maxMessageBytes()) {
            // Checked here so the limit is exactly sitkit.kafka.max-message-bytes, whatever the framing overhead.
            callback.completed(null, KafkaErrors.translate(new org.apache.kafka.common.errors.RecordTooLargeException(
                    "key, value and headers are " + size + " bytes"), "publishing to " + d, settings, size));
            return;
        }
        protection.published(d, record.key(), record.value());
        try {
            // The callback captures only the destination and the size, never the message: a message kept
            // alive until its acknowledgement would hold its payload through young collections.
            send(record, (RecordMetadata md, Exception e) -> {
                if (e != null) {
                    callback.completed(null, KafkaErrors.translate(e, "publishing to " + d, settings, size));
                } else {
                    callback.completed(PublishResult.kafka(d, md.partition(), md.offset(),
                            md.hasTimestamp() ? Instant.ofEpochMilli(md.timestamp()) : null), null);
                }
            });
        } catch (RuntimeException e) {
            callback.completed(null, KafkaErrors.translate(e, "publishing to " + d, settings, size));
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
        KafkaProducer<byte[], byte[]> p = producer();
        try {
            p.send(record, callback);
        } catch (IllegalStateException e) {
            if (closed || p == producer) {
                throw e;
            }
            producer().send(record, callback); // a topic deletion retired that producer meanwhile: send on the new one
        }
    }

    /** Key, payload and header bytes: what counts against the size limits. */
    private static int size(OutgoingMessage m) {
        byte[] key = io.sitkit.core.internal.RawBytes.key(m);
        byte[] payload = io.sitkit.core.internal.RawBytes.payload(m);
        long n = (key == null ? 0 : key.length) + (payload == null ? 0 : payload.length);
        for (io.sitkit.core.Header h : m.headers()) {
            byte[] v = io.sitkit.core.internal.RawBytes.value(h);
            n += h.name().length() + (v == null ? 0 : v.length);
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Sends whatever the producer has batched and waits for it. */
    public void flush() {
        producer().flush();
    }

    @Override
    public io.sitkit.core.CaptureSession startCapture(List<Destination> destinations, StartPosition from, CaptureSink sink) {
        destinations.forEach(KafkaClient::requireKafka);
        synchronized (lock) {
            ensureOpen();
        }
        KafkaCapture capture = KafkaCapture.start(settings, protection, destinations, from, sink);
        synchronized (lock) {
            captures.add(capture);
        }
        return new io.sitkit.core.CaptureSession() {
            @Override
            public String describe() {
                return capture.describe();
            }

            @Override
            public void close() {
                synchronized (lock) {
                    captures.remove(capture);
                }
                capture.close();
            }
        };
    }

    @Override
    public BrowsePage browse(BrowseRequest request) {
        requireKafka(request.destination());
        ensureOpen();
        return new KafkaBrowser(settings).browse(request);
    }

    @Override
    public List<DestinationInfo> listDestinations() {
        return admin().listTopics(false);
    }

    /** Creates a topic with replication factor 1 and no extra configs. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, (short) 1, Map.of());
    }

    /**
     * Creates a topic (replication factor 1) unless it exists; true when it was created now. Creating
     * it is a write: refused while the environment is protected and locked (a topic that exists is
     * left alone, locked or not), and audited ({@code "create topic"}).
     */
    public boolean createTopicIfMissing(String name, int partitions) {
        Destination d = Destination.kafka(name);
        if (protection.isLocked()) {
            if (admin().exists(name)) {
                return false;
            }
            protection.checkWrite("create topic", d);
        }
        boolean created = admin().createTopicIfMissing(name, partitions);
        if (created) {
            protection.wrote("create topic", d);
        }
        return created;
    }

    /**
     * Creates several topics (replication factor 1) in one request, which costs about as much as one.
     * A write: refused while the environment is protected and locked, naming the first topic; each
     * topic is audited ({@code "create topic"}).
     */
    public void createTopics(List<String> names, int partitions) {
        List<Destination> topics = names.stream().map(Destination::kafka).toList();
        topics.forEach(d -> protection.checkWrite("create topic", d));
        admin().createTopics(names, partitions);
        topics.forEach(d -> protection.wrote("create topic", d));
    }

    /**
     * Creates a topic; fails clearly if it exists. A write: refused while the environment is protected
     * and locked, and audited ({@code "create topic"}) like a purge or a deletion.
     */
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        Destination d = Destination.kafka(name);
        protection.checkWrite("create topic", d);
        admin().createTopic(name, partitions, replicationFactor, configs);
        protection.wrote("create topic", d);
    }

    /**
     * Deletes a topic and everything in it. A write: refused while the environment is protected and
     * locked, and audited ({@code "delete topic"}).
     *
     * <p>The producer is replaced first (its pending sends flushed within 5 s): a Kafka producer keeps
     * refreshing the metadata of every topic it has written to and asks the broker to create the
     * missing ones, so on a broker that auto-creates topics it would bring the deleted topic back
     * with the default partitions.
     */
    public void deleteTopic(String name) {
        Destination d = Destination.kafka(name);
        protection.checkWrite("delete topic", d);
        retireProducer();
        admin().deleteTopic(name);
        protection.wrote("delete topic", d);
    }

    private void retireProducer() {
        KafkaProducer<byte[], byte[]> retired;
        synchronized (lock) {
            retired = producer;
            producer = null;
        }
        if (retired != null) {
            retired.close(Duration.ofSeconds(5));
        }
    }

    /** Consumer groups with committed offsets and lag per partition. */
    public List<ConsumerGroupInfo> consumerGroups() {
        return admin().consumerGroups();
    }

    /** Moves an inactive consumer group's offsets on one topic. */
    public void resetOffsets(String groupId, String topic, OffsetReset to) {
        Destination d = Destination.kafka(topic);
        protection.checkWrite("reset the offsets of group " + groupId + " on", d);
        admin().resetOffsets(groupId, topic, to);
        protection.wrote("reset offsets of group " + groupId, d);
    }

    private static Destination requireKafka(Destination d) {
        if (!d.isKafka()) {
            throw new IllegalArgumentException(d + " is not a Kafka destination");
        }
        return d;
    }

    /** Closes captures, the producer (flushing with a bounded wait) and the admin client. Idempotent. */
    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            KafkaProducer<byte[], byte[]> p = producer;
            if (p != null) {
                toClose.add(() -> p.close(Duration.ofSeconds(5)));
            }
            if (admin != null) {
                toClose.add(admin);
            }
            toClose.addAll(captures);
            captures.clear();
        }
        Closer.closeAll(toClose);
    }

    @Override
    public String toString() {
        return "KafkaClient{" + settings.bootstrapServers() + "}";
    }
}
