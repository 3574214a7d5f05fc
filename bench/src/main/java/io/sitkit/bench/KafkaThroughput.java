package io.sitkit.bench;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.StartPosition;
import io.sitkit.env.Bus;
import io.sitkit.env.CaptureSpec;
import io.sitkit.kafka.KafkaClients;
import io.sitkit.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kafka publish and capture, raw kafka-clients against sitkit's {@link Bus}, with the very client
 * configuration sitkit uses ({@link KafkaClients#producer}/{@link KafkaClients#consumer} of the
 * bus's own {@link KafkaSettings}: acks=all, default linger and batch size, same fetch sizes).
 *
 * <ul>
 *   <li>publish: {@code n} records to a one-partition topic — {@code producer.send(record, callback)}
 *       against {@code bus.publishAsync(message)} — then flush, and wait for every acknowledgement;</li>
 *   <li>capture: {@code n} records already in a topic read from the beginning — a consumer
 *       (assign, seekToBeginning, poll until {@code n}, keeping the records) against
 *       {@code bus.capture(spec.from(beginning()))} and {@code capture.await(topic, n)}. Both times
 *       include creating the consumer.</li>
 * </ul>
 *
 * <p>Thread-safety: confined to the calling thread.
 */
final class KafkaThroughput implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofMinutes(2);

    private final Bus bus;
    private final KafkaSettings settings;
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaThroughput(Bus bus) {
        this.bus = bus;
        this.settings = bus.kafka().settings();
        this.producer = new KafkaProducer<>(KafkaClients.producer(settings));
    }

    double rawPublish(String topic, byte[] payload, int n) throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(n);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            producer.send(new ProducerRecord<>(topic, payload), (md, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                acked.countDown();
            });
        }
        producer.flush();
        await(acked, failure, "raw publish to " + topic);
        return Rounds.rate(n, t0);
    }

    /** sitkit's callback form, the counterpart of {@code producer.send(record, callback)}. */
    double sitkitPublish(String topic, byte[] payload, int n) throws InterruptedException {
        return timedPublish(topic, payload, n, "sitkit publish", (message, acked) -> bus.publishAsync(message, (r, e) -> acked.accept(e)));
    }

    /** sitkit's CompletableFuture form: one future per message, for comparison with the callback form. */
    double sitkitPublishFuture(String topic, byte[] payload, int n) throws InterruptedException {
        return timedPublish(topic, payload, n, "sitkit publish (future)",
                (message, acked) -> bus.publishAsync(message).whenComplete((r, e) -> acked.accept(e)));
    }

    /** How one sitkit form publishes a message and reports its outcome (null on success). */
    @FunctionalInterface
    private interface SitkitSend {
        void send(OutgoingMessage message, java.util.function.Consumer<Throwable> acked);
    }

    private double timedPublish(String topic, byte[] payload, int n, String what, SitkitSend form) throws InterruptedException {
        Destination d = Destination.kafka(topic);
        CountDownLatch acked = new CountDownLatch(n);
        AtomicReference<Exception> failure = new AtomicReference<>();
        java.util.function.Consumer<Throwable> onAck = e -> {
            if (e != null) {
                failure.compareAndSet(null, e instanceof Exception ex ? ex : new IllegalStateException(e));
            }
            acked.countDown();
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            form.send(OutgoingMessage.bytes(d, payload), onAck);
        }
        bus.kafka().flush();
        await(acked, failure, what + " to " + topic);
        return Rounds.rate(n, t0);
    }

    /** Puts {@code n} records into {@code topic} (untimed), for the capture cases. */
    void fill(String topic, byte[] payload, int n) throws InterruptedException {
        rawPublish(topic, payload, n);
    }

    double rawCapture(String topic, int n) {
        long t0 = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(settings))) {
            List<TopicPartition> partitions = c.partitionsFor(topic, settings.timeout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>(n);
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (held.size() < n) {
                c.poll(Duration.ofMillis(200)).forEach(held::add);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw capture of " + topic + " saw " + held.size() + " of " + n + " within " + WITHIN);
                }
            }
            return Rounds.rate(n, t0);
        }
    }

    double sitkitCapture(String topic, int n) {
        Destination d = Destination.kafka(topic);
        long t0 = System.nanoTime();
        try (Capture c = bus.capture(CaptureSpec.of(d).from(StartPosition.beginning()))) {
            c.await(d, n, WITHIN);
            return Rounds.rate(n, t0);
        }
    }

    private static void await(CountDownLatch acked, AtomicReference<Exception> failure, String what) throws InterruptedException {
        if (!acked.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(what + ": " + acked.getCount() + " acknowledgements missing after " + WITHIN);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(what + " failed: " + failure.get(), failure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
