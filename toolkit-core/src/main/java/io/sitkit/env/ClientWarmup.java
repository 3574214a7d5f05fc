package io.sitkit.env;

import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Loads the client-side classes of a first publish and capture on a spare daemon thread while the
 * embedded brokers start, so the first round trip after start-up does not pay for them. Start-up
 * is CPU-bound on class loading and the brokers leave part of a core idle while they wait on
 * themselves; this uses it. Best effort: a class that fails to load is simply left for later.
 *
 * <p>Thread-safety: stateless; {@link #start()} may be called any number of times.
 */
final class ClientWarmup {
    private static final List<String> CLASSES = List.of(
            "org.apache.kafka.clients.producer.KafkaProducer",
            "org.apache.kafka.clients.producer.internals.RecordAccumulator",
            "org.apache.kafka.clients.producer.internals.Sender",
            "org.apache.kafka.clients.producer.internals.ProducerBatch",
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer",
            "org.apache.kafka.clients.consumer.internals.Fetcher",
            "org.apache.kafka.clients.consumer.internals.FetchCollector",
            "org.apache.kafka.clients.consumer.internals.CompletedFetch",
            "org.apache.kafka.clients.consumer.internals.OffsetFetcher",
            "org.apache.kafka.clients.consumer.internals.SubscriptionState",
            "org.apache.kafka.clients.admin.KafkaAdminClient",
            "io.sitkit.kafka.KafkaClient",
            "io.sitkit.kafka.KafkaCapture",
            "io.sitkit.kafka.KafkaRecords",
            "io.sitkit.jms.JmsClient",
            "io.sitkit.jms.JmsCapture",
            "io.sitkit.jms.JmsMessages",
            "io.sitkit.core.Message",
            "io.sitkit.core.OutgoingMessage",
            "io.sitkit.core.internal.CaptureBuffer",
            "org.apache.activemq.ActiveMQConnectionFactory",
            "org.apache.activemq.ActiveMQConnection",
            "org.apache.activemq.ActiveMQSession",
            "org.apache.activemq.ActiveMQMessageConsumer",
            "org.apache.activemq.ActiveMQMessageProducer");

    private ClientWarmup() {
    }

    /** Starts the warm-up; closing the result waits (briefly) for it to finish. */
    static AutoCloseable start() {
        Thread t = new Thread(() -> {
            ClassLoader loader = ClientWarmup.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    LoggerFactory.getLogger(ClientWarmup.class).debug("warm-up skipped {}: {}", name, e.toString());
                }
            }
            try {
                // Parsing a client configuration loads and initializes its whole ConfigDef.
                new org.apache.kafka.clients.producer.ProducerConfig(io.sitkit.kafka.KafkaClients.producer(
                        io.sitkit.kafka.KafkaSettings.of("127.0.0.1:1")));
                new org.apache.kafka.clients.consumer.ConsumerConfig(io.sitkit.kafka.KafkaClients.consumer(
                        io.sitkit.kafka.KafkaSettings.of("127.0.0.1:1")));
            } catch (RuntimeException | LinkageError e) {
                LoggerFactory.getLogger(ClientWarmup.class).debug("warm-up of client configs skipped: {}", e.toString());
            }
        }, "sitkit-client-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return () -> t.join(5_000);
    }
}
