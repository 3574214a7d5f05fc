package io.sitkit.samples.support;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The poll loop of a Kafka service: one thread subscribed to its topics, handing each record to the
 * service, committing after each batch. {@link #start} returns once the consumer group has given
 * the loop partitions of every topic, so a service is consuming when it says it has started — a test
 * that publishes right after starting the system measures the flow, not the group's join (which, on
 * a busy machine or on topics the subscription itself creates, can take seconds). {@link #close()}
 * wakes the consumer and waits for the thread, so a stopped service leaves nothing running.
 *
 * <pre>{@code
 * PollLoop<String, String> loop = PollLoop.start("billing", wiring.consumer("billing"), List.of(topic), this::onEvent);
 * }</pre>
 *
 * <p>Each service is the only member of its group, so its first assignment holds every partition.
 * Thread-safety: {@link #close()} may be called from any thread; the handler runs on the loop's thread.
 */
public final class PollLoop<K, V> implements AutoCloseable {
    /** How long {@link #start} waits for the group to assign partitions of every topic. */
    static final Duration ASSIGNED_WITHIN = Duration.ofSeconds(30);

    private final String name;
    private final KafkaConsumer<K, V> consumer;
    private final List<String> topics;
    private final Thread thread;
    private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();
    private volatile boolean running = true;

    private PollLoop(String name, KafkaConsumer<K, V> consumer, List<String> topics, Consumer<ConsumerRecord<K, V>> handler) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.thread = new Thread(() -> run(handler), "sample-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Subscribes {@code consumer} to {@code topics}, starts polling on a thread named after the
     * service, and returns once the loop holds partitions of every topic.
     *
     * @throws IllegalStateException when the group assigns none within {@link #ASSIGNED_WITHIN} or the
     *                               loop fails first; the consumer is closed then
     */
    public static <K, V> PollLoop<K, V> start(String name, KafkaConsumer<K, V> consumer, List<String> topics,
                                              Consumer<ConsumerRecord<K, V>> handler) {
        PollLoop<K, V> loop = new PollLoop<>(name, consumer, topics, handler);
        loop.thread.start();
        loop.awaitAssigned();
        return loop;
    }

    private void awaitAssigned() {
        try {
            assigned.get(ASSIGNED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException(name + " was not assigned partitions of " + topics + " within " + ASSIGNED_WITHIN
                    + "; it holds " + new TreeSet<>(held.stream().map(TopicPartition::toString).toList())
                    + ". Is another consumer in its group, or is the broker unreachable?", e);
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException(name + " stopped before it was assigned partitions of " + topics + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while " + name + " waited for partitions of " + topics, e);
        }
    }

    private void run(Consumer<ConsumerRecord<K, V>> handler) {
        try {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    held.addAll(partitions);
                    if (topics.stream().allMatch(t -> held.stream().anyMatch(p -> p.topic().equals(t)))) {
                        assigned.complete(null);
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    held.removeAll(partitions);
                }
            });
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<K, V> r : records) {
                    handler.accept(r);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer: the loop ends
        } catch (RuntimeException e) {
            assigned.completeExceptionally(e);
            throw e;
        } finally {
            assigned.completeExceptionally(new IllegalStateException("the poll loop ended"));
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The partitions the loop holds now (every topic has some once {@link #start} returned). */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(held);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
