package io.sitkit.junit.internal;

import io.sitkit.kafka.KafkaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh Kafka topics for tests with unique names, made ahead in batches: creating a topic costs a
 * controller round trip whether one topic is created or sixteen, so a test takes a topic someone
 * already made ({@code orders.t<run>-<n>}) while a background thread makes the next batch.
 */
final class TopicPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicPool.class);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 4);
    static final int BATCH = 16;

    private final KafkaClient kafka;
    private final Map<String, BlockingQueue<String>> ready = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> refilling = new ConcurrentHashMap<>();
    /** JVM-wide: two runs in one JVM (a test that runs tests through the EngineTestKit) share brokers, never names. */
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final ExecutorService refill = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitkit-topic-pool");
        t.setDaemon(true);
        return t;
    });

    TopicPool(KafkaClient kafka) {
        this.kafka = kafka;
    }

    /** A topic named after {@code logical} that exists and no test has used. */
    String take(String logical) {
        BlockingQueue<String> queue = ready.computeIfAbsent(logical, k -> new LinkedBlockingQueue<>());
        String topic = queue.poll();
        if (topic == null) {
            // one batch at a time per name: parallel tests that find the queue empty wait for it
            synchronized (queue) {
                topic = queue.poll();
                if (topic == null) {
                    List<String> batch = names(logical);
                    kafka.createTopics(batch, 1);
                    topic = batch.get(0);
                    queue.addAll(batch.subList(1, batch.size()));
                }
            }
        }
        if (queue.size() < BATCH / 2) {
            refillLater(logical, queue);
        }
        return topic;
    }

    private void refillLater(String logical, BlockingQueue<String> queue) {
        AtomicBoolean busy = refilling.computeIfAbsent(logical, k -> new AtomicBoolean());
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        refill.execute(() -> {
            try {
                List<String> batch = names(logical);
                kafka.createTopics(batch, 1);
                queue.addAll(batch);
            } catch (RuntimeException e) {
                // tests then create their own topics synchronously; nothing is lost but time
                LOG.warn("could not create topics ahead for {}: {}", logical, e.getMessage());
            } finally {
                busy.set(false);
            }
        });
    }

    /** The next batch of names for {@code logical}. */
    List<String> names(String logical) {
        List<String> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            out.add(logical + ".t" + RUN + "-" + COUNTER.incrementAndGet());
        }
        return out;
    }

    @Override
    public void close() {
        refill.shutdownNow();
        try {
            if (!refill.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the topic pool's thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
