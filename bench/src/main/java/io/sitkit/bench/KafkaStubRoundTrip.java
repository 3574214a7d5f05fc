package io.sitkit.bench;

import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.kafka.KafkaClients;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Kafka request/reply round trips on the embedded broker, answered by a sitkit stub or by a
 * hand-written responder, each reading its own one-partition request topic; both reply on one
 * reply topic.
 *
 * <ul>
 *   <li>requester (the same for both): a {@code KafkaProducer} with sitkit's producer settings and
 *       {@code linger.ms=0} sends the JSON order with key {@code k-<n>} and the headers
 *       {@code kafka_replyTopic} and {@code kafka_correlationId}; a consumer with sitkit's capture
 *       settings, assigned to the reply topic, completes the waiting round trip by the reply's
 *       {@code kafka_correlationId} on its own thread; round trip = that poll returned − just before
 *       {@code producer.send};</li>
 *   <li>stub: {@code StubSpec.on(kafka:<topic>.stub).rule(Rule.always().reply(Reply.json(REPLY)))}
 *       started on the environment's bus (it replies to the topic the request's header names, with
 *       the request's key and correlation header);</li>
 *   <li>raw: one thread owning a consumer and a producer configured exactly like sitkit's own
 *       ({@link KafkaClients#consumer}, {@link KafkaClients#producer}: the stub's intake and the bus's
 *       producer); for each record it reads the two headers and sends the same reply body with the
 *       request's key and correlation header to the named topic, without waiting for the
 *       acknowledgement (as the stub). It reads nothing else of the request.</li>
 * </ul>
 *
 * <p>Thread-safety: confined to the calling thread (the consumers have their own threads).
 */
final class KafkaStubRoundTrip implements AutoCloseable {
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String stubTopic;
    private final String rawTopic;
    private final String replyTopic;
    private final byte[] payload;
    private final KafkaProducer<byte[], byte[]> requester;
    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
    private final Loop replies;
    private final Loop responder;
    private final KafkaProducer<byte[], byte[]> rawProducer;
    private final AtomicReference<Exception> rawSendFailure = new AtomicReference<>();
    private final Stub stub;
    private int sentToStub;

    KafkaStubRoundTrip(Bus bus, String topic, byte[] payload, String reply) throws Exception {
        this.stubTopic = topic + ".stub";
        this.rawTopic = topic + ".raw";
        this.replyTopic = topic + ".replies";
        this.payload = payload;
        KafkaSettings settings = bus.kafka().settings();
        for (String t : List.of(stubTopic, rawTopic, replyTopic)) {
            bus.kafka().createTopic(t, 1);
        }
        Map<String, Object> requesterConfig = KafkaClients.producer(settings);
        requesterConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.requester = new KafkaProducer<>(requesterConfig);
        this.replies = new Loop("bench-stubs-kafka-replies", settings, replyTopic, r -> {
            long at = System.nanoTime();
            Header c = r.headers().lastHeader(StubSpec.KAFKA_CORRELATION_ID);
            arrived(c == null ? "" : new String(c.value(), StandardCharsets.UTF_8)).complete(at);
        });
        byte[] body = reply.getBytes(StandardCharsets.UTF_8);
        this.rawProducer = new KafkaProducer<>(KafkaClients.producer(settings));
        this.responder = new Loop("bench-stubs-kafka-raw-responder", settings, rawTopic, r -> {
            Header to = r.headers().lastHeader(StubSpec.KAFKA_REPLY_TOPIC);
            Header correlation = r.headers().lastHeader(StubSpec.KAFKA_CORRELATION_ID);
            RecordHeaders headers = new RecordHeaders();
            headers.add(correlation);
            rawProducer.send(new ProducerRecord<>(new String(to.value(), StandardCharsets.UTF_8), null, r.key(), body, headers),
                    (md, e) -> {
                        if (e != null) {
                            rawSendFailure.compareAndSet(null, e);
                        }
                    });
        });
        this.stub = StubSpec.on(Destination.kafka(stubTopic)).named("bench-kafka-stub")
                .rule(Rule.always().reply(Reply.json(reply))).start(bus);
    }

    /** The reply's future for a correlation id, whichever of sender and reply consumer comes first. */
    private CompletableFuture<Long> arrived(String correlationId) {
        return pending.computeIfAbsent(correlationId, k -> new CompletableFuture<>());
    }

    long stub(int id) throws Exception {
        sentToStub++;
        return roundTrip(stubTopic, id);
    }

    long raw(int id) throws Exception {
        return roundTrip(rawTopic, id);
    }

    private long roundTrip(String topic, int id) throws Exception {
        String correlation = "c-" + id;
        RecordHeaders headers = new RecordHeaders();
        headers.add(StubSpec.KAFKA_REPLY_TOPIC, replyTopic.getBytes(StandardCharsets.UTF_8));
        headers.add(StubSpec.KAFKA_CORRELATION_ID, correlation.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> request = new ProducerRecord<>(topic, null, ("k-" + id).getBytes(StandardCharsets.UTF_8), payload, headers);
        long t0 = System.nanoTime();
        requester.send(request);
        long at = arrived(correlation).get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        pending.remove(correlation);
        return at - t0;
    }

    /** Every request sent to the stub was recorded as answered; no send failed on either side. */
    void check() {
        long answered = stub.exchanges().stream().filter(e -> e.error() == null && !e.replies().isEmpty()).count();
        if (answered != sentToStub || !stub.sendFailures().isEmpty() || rawSendFailure.get() != null || !pending.isEmpty()) {
            throw new IllegalStateException("the Kafka stub answered " + answered + " of " + sentToStub + " requests; send failures "
                    + stub.sendFailures() + "; raw send failure " + rawSendFailure.get() + "; replies not taken: " + pending.keySet());
        }
    }

    @Override
    public void close() {
        try {
            stub.close();
        } finally {
            try {
                responder.close();
                replies.close();
            } finally {
                rawProducer.close(Duration.ofSeconds(5));
                requester.close(Duration.ofSeconds(5));
            }
        }
    }

    /** A consumer on one thread, assigned to a one-partition topic at its end, handing each record to {@code each}. */
    private static final class Loop implements AutoCloseable {
        private final Thread thread;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        private volatile KafkaConsumer<byte[], byte[]> consumer;
        private volatile boolean closing;

        Loop(String name, KafkaSettings settings, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) throws Exception {
            TopicPartition tp = new TopicPartition(topic, 0);
            this.thread = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClients.consumer(settings))) {
                    consumer = c;
                    c.assign(List.of(tp));
                    c.seekToEnd(List.of(tp));
                    c.position(tp);
                    ready.complete(null);
                    while (!closing) {
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                            each.accept(r);
                        }
                    }
                } catch (WakeupException e) {
                    // closing
                } catch (RuntimeException e) {
                    ready.completeExceptionally(e);
                    throw e;
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            ready.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            closing = true;
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
