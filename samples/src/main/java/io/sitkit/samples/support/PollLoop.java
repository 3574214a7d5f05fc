package io.sitkit.samples.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The poll loop of a Kafka service: one thread subscribed to its topics, handing each record to the
 * service, committing after each batch. {@link #close()} wakes the consumer and waits for the
 * thread, so a stopped service leaves nothing running.
 *
 * <pre>{@code
 * PollLoop<String, String> loop = PollLoop.start("billing", wiring.consumer("billing"), List.of(topic), this::onEvent);
 * }</pre>
 *
 * <p>Thread-safety: {@link #close()} may be called from any thread; the handler runs on the loop's thread.
 */
public final class PollLoop<K, V> implements AutoCloseable {
    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private PollLoop(String name, KafkaConsumer<K, V> consumer, List<String> topics, Consumer<ConsumerRecord<K, V>> handler) {
        this.consumer = consumer;
        this.thread = new Thread(() -> run(topics, handler), "sample-" + name);
        this.thread.setDaemon(true);
    }

    /** Subscribes {@code consumer} to {@code topics} and starts polling on a thread named after the service. */
    public static <K, V> PollLoop<K, V> start(String name, KafkaConsumer<K, V> consumer, List<String> topics,
                                              Consumer<ConsumerRecord<K, V>> handler) {
        PollLoop<K, V> loop = new PollLoop<>(name, consumer, topics, handler);
        loop.thread.start();
        return loop;
    }

    private void run(List<String> topics, Consumer<ConsumerRecord<K, V>> handler) {
        try {
            consumer.subscribe(topics);
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
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
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
