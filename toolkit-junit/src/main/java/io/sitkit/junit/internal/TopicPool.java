package io.sitkit.junit.internal;

import io.sitkit.kafka.KafkaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh Kafka topics for tests with unique names, made ahead in batches: creating a topic costs a
 * controller round trip whether one topic is created or sixteen, so a test takes a topic someone
 * already made ({@code orders.t<run>-<n>}) while a background thread makes the next batch. A test
 * that finds none left while that batch is being made waits for it instead of making another.
 */
final class TopicPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicPool.class);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 4);
    static final int BATCH = 16;

    private final KafkaClient kafka;
    private final Map<String, BlockingQueue<String>> ready = new ConcurrentHashMap<>();
    /** The batch being made in the background per name, if any; completes (never exceptionally) when it is done. */
    private final Map<String, CompletableFuture<Void>> refilling = new ConcurrentHashMap<>();
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
            // a batch is already being made: wait for it rather than make a second one beside it
            CompletableFuture<Void> inFlight = refilling.get(logical);
            if (inFlight != null) {
                awaitQuietly(inFlight);
                topic = queue.poll();
            }
        }
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
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (refilling.putIfAbsent(logical, mine) != null) {
            return;
        }
        try {
            refill.execute(() -> {
                try {
                    List<String> batch = names(logical);
                    kafka.createTopics(batch, 1);
                    queue.addAll(batch);
                } catch (RuntimeException e) {
                    // tests then create their own topics synchronously; nothing is lost but time
                    LOG.warn("could not create topics ahead for {}: {}", logical, e.getMessage());
                } finally {
                    done(logical, mine);
                }
            });
        } catch (RejectedExecutionException closed) {
            done(logical, mine);
        }
    }

    private void done(String logical, CompletableFuture<Void> refill) {
        refilling.remove(logical, refill);
        refill.complete(null);
    }

    /** Waits for a background batch, as long as making it may take; a batch that failed or took longer just ends the wait. */
    private void awaitQuietly(CompletableFuture<Void> inFlight) {
        try {
            // createTopics is bounded by two timeouts (the admin call, then the wait until every broker serves the topics)
            inFlight.get(2 * kafka.settings().timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the caller makes its own batch
        }
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
        // batches dropped before they started must not keep a taker waiting
        refilling.values().forEach(f -> f.complete(null));
        refilling.clear();
        try {
            if (!refill.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the topic pool's thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
