package io.sitkit.bench;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.env.CaptureSpec;
import io.sitkit.expect.Expectations;
import io.sitkit.expect.MessageExpectation;
import io.sitkit.kafka.KafkaClients;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.match.Matchers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Kafka single-message latency on one one-partition topic that a raw consumer and a sitkit
 * capture both read all the time, so every message costs both of them the same in every round.
 *
 * <ul>
 *   <li>raw: a {@code KafkaConsumer} configured as sitkit's capture consumer
 *       ({@link KafkaClients#consumer}), assigned and positioned at the end, polling on its own
 *       thread; e2e = when its poll returned the record − just before {@code producer.send};</li>
 *   <li>sitkit: {@code bus.capture(topic)} and, on the {@link Waiter} thread,
 *       {@code Expectations.of(capture).expect(topic).onlyNew().message(key(k)).within(10 s)}
 *       declared and parked before the send; detect = when {@code within} returned − just before the send.</li>
 * </ul>
 *
 * Both sides are sent by the same raw {@code KafkaProducer} (sitkit's producer settings, linger 0),
 * one message at a time; before the next sample, both readers have seen the message. A listener on
 * the capture ({@code capture.subscribe}) notes when its transport thread held each message, as a
 * breakdown of the detect time.
 *
 * <p>Thread-safety: confined to the calling thread (the consumer has its own thread).
 */
final class KafkaLatency implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final Destination destination;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Capture capture;
    private final Expectations expect;
    private final Waiter waiter = new Waiter("bench-latency-kafka-waiter");
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    /** When the capture's transport thread held each message (a listener on the capture). */
    private final Map<String, CompletableFuture<Long>> held = new ConcurrentHashMap<>();
    private final Thread rawThread;
    private final CompletableFuture<Void> rawReady = new CompletableFuture<>();
    private final byte[] payload;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> rawConsumer;
    private int sent;

    KafkaLatency(Bus bus, String topic, byte[] payload) throws Exception {
        this.destination = Destination.kafka(topic);
        this.payload = payload;
        KafkaSettings settings = bus.kafka().settings();
        bus.kafka().createTopic(topic, 1);
        Map<String, Object> producerConfig = KafkaClients.producer(settings);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerConfig);
        this.rawThread = new Thread(() -> consume(settings, new TopicPartition(topic, 0)), "bench-latency-kafka-raw");
        rawThread.setDaemon(true);
        rawThread.start();
        rawReady.get(30, TimeUnit.SECONDS);
        this.capture = bus.capture(CaptureSpec.of(destination));
        this.expect = Expectations.of(capture);
        capture.subscribe(m -> {
            long at = System.nanoTime();
            held.computeIfAbsent(m.keyText().orElse(""), x -> new CompletableFuture<>()).complete(at);
        });
    }

    private void consume(KafkaSettings settings, TopicPartition tp) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(settings))) {
            rawConsumer = c;
            c.assign(List.of(tp));
            c.seekToEnd(List.of(tp));
            c.position(tp);
            rawReady.complete(null);
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    long at = System.nanoTime();
                    CompletableFuture<Long> f = pending.remove(new String(r.key(), StandardCharsets.UTF_8));
                    if (f != null) {
                        f.complete(at);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            rawReady.completeExceptionally(e);
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    LatencyRounds.Timing raw(int id) throws Exception {
        String k = "k-" + id;
        CompletableFuture<Long> seen = new CompletableFuture<>();
        pending.put(k, seen);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(destination.name(), k.getBytes(StandardCharsets.UTF_8), payload);
        long t0 = System.nanoTime();
        producer.send(record);
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
            MessageExpectation e = expect.expect(destination).onlyNew().message(Matchers.key(k));
            return () -> e.within(WITHIN);
        });
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(destination.name(), k.getBytes(StandardCharsets.UTF_8), payload);
        long t0 = System.nanoTime();
        producer.send(record);
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

    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = rawConsumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            rawThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            waiter.close();
        } finally {
            try {
                capture.close();
            } finally {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }
}
