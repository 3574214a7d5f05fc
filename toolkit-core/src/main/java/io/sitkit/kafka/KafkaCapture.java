package io.sitkit.kafka;

import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running capture of Kafka topics: a consumer without a group, assigned every partition,
 * positioned before {@link #start} returns, and owned by one named daemon thread that polls it.
 *
 * <p>Thread-safety: {@link #close()} may be called from any thread; the consumer is touched only
 * by the capture thread.
 */
final class KafkaCapture implements io.sitkit.core.CaptureSession {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCapture.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSettings settings;
    private final io.sitkit.core.Protection protection;
    private final List<Destination> destinations;
    private final StartPosition from;
    private final CaptureSink sink;
    private final CompletableFuture<Map<TopicPartition, Long>> ready = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    private KafkaCapture(KafkaSettings settings, io.sitkit.core.Protection protection, List<Destination> destinations,
                         StartPosition from, CaptureSink sink) {
        this.settings = settings;
        this.protection = protection;
        this.destinations = destinations;
        this.from = from;
        this.sink = sink;
        this.thread = new Thread(this::run, "sitkit-capture-kafka-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /**
     * Starts the capture and returns once every partition has a fixed start position; a missing topic
     * is created through {@code protection} (see {@link MissingTopics}).
     */
    static KafkaCapture start(KafkaSettings settings, io.sitkit.core.Protection protection, List<Destination> destinations,
                              StartPosition from, CaptureSink sink) {
        KafkaCapture capture = new KafkaCapture(settings, protection, List.copyOf(destinations), from, sink);
        capture.thread.start();
        try {
            // The capture thread bounds each of its broker calls by what is left of one timeout; this adds slack for thread start.
            Map<TopicPartition, Long> positions = capture.ready.get(settings.timeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
            LOG.debug("capturing {} from {}", destinations, positions);
            return capture;
        } catch (ExecutionException e) {
            capture.close();
            throw KafkaErrors.translate(e.getCause(), "starting a capture of " + destinations, settings, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            capture.close();
            throw KafkaErrors.timeout("starting a capture of " + destinations, settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            capture.close();
            throw new SitkitException("interrupted while starting a capture of " + destinations, e);
        }
    }

    /** The start offset of every partition, known once {@link #start} returned. */
    Map<TopicPartition, Long> startOffsets() {
        return ready.getNow(Map.of());
    }

    @Override
    public String describe() {
        Map<String, Map<Integer, Long>> byTopic = new java.util.TreeMap<>();
        startOffsets().forEach((tp, o) -> byTopic.computeIfAbsent(tp.topic(), t -> new java.util.TreeMap<>()).put(tp.partition(), o));
        java.util.StringJoiner out = new java.util.StringJoiner("; ");
        byTopic.forEach((t, offsets) -> out.add("kafka:" + t + " from " + from + " at offsets " + offsets));
        return out.toString();
    }

    private void run() {
        Map<String, Destination> byTopic = new HashMap<>();
        destinations.forEach(d -> byTopic.put(d.name(), d));
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        KafkaConsumer<byte[], byte[]> c = null;
        try {
            c = new KafkaConsumer<>(KafkaClients.consumer(settings));
            consumer = c;
            if (closing) {
                return;
            }
            List<TopicPartition> partitions = partitions(c, deadline);
            c.assign(partitions);
            seek(c, partitions, deadline);
            Map<TopicPartition, Long> positions = new LinkedHashMap<>();
            for (TopicPartition tp : partitions) {
                positions.put(tp, c.position(tp, left(deadline)));
            }
            ready.complete(positions);
            BrokerContact contact = new BrokerContact(c, settings);
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                if (records.isEmpty()) {
                    contact.check(destinations, sink);
                    continue;
                }
                contact.seen(destinations, sink);
                long now = io.sitkit.core.internal.RawBytes.nowNanos();
                List<io.sitkit.core.Message> batch = new ArrayList<>(records.count());
                String topic = null;
                Destination destination = null;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    // A poll's records come topic by topic, each topic's name one instance: look it up once per run.
                    if (r.topic() != topic) {
                        topic = r.topic();
                        destination = byTopic.get(topic);
                    }
                    batch.add(KafkaRecords.toMessage(r, destination, now));
                }
                sink.acceptAll(batch);
            }
        } catch (WakeupException e) {
            if (!closing) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer = null;
            if (c != null) {
                KafkaClients.closeNow(c);
            }
            ready.completeExceptionally(new SitkitException("capture closed before it was listening"));
        }
    }

    private void fail(RuntimeException e) {
        if (!ready.isDone()) {
            ready.completeExceptionally(e);
        } else {
            SitkitException error = KafkaErrors.translate(e, "capturing " + destinations, settings, 0);
            destinations.forEach(d -> sink.failed(d, error));
        }
    }

    /** What is left until {@code deadline}, at least a millisecond. */
    static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, long deadline) {
        List<TopicPartition> all = new ArrayList<>();
        for (Destination d : destinations) {
            List<PartitionInfo> infos = MissingTopics.partitionsFor(c, d, settings, protection, deadline);
            infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        return all;
    }

    private void seek(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions, long deadline) {
        if (from instanceof StartPosition.Now) {
            c.seekToEnd(partitions);
        } else if (from instanceof StartPosition.Beginning) {
            c.seekToBeginning(partitions);
        } else if (from instanceof StartPosition.Timestamp ts) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, ts.from().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query, left(deadline));
            List<TopicPartition> toEnd = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                if (o == null) {
                    toEnd.add(tp);
                } else {
                    c.seek(tp, o.offset());
                }
            }
            if (!toEnd.isEmpty()) {
                c.seekToEnd(toEnd);
            }
        }
    }

    @Override
    public void close() {
        if (closing && !thread.isAlive()) {
            return;
        }
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(settings.timeout().toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("capture thread {} did not stop within the bound; it is a daemon and will not block exit", thread.getName());
            }
        }
    }
}
