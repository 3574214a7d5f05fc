package io.sitkit.env;

import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Prepares, on a spare daemon thread while the embedded brokers start, what their start and the
 * first round trip would otherwise prepare on the critical path. Start-up is CPU-bound on class
 * loading and one chain of steps on the broker's start thread; this moves work off that chain.
 * <ul>
 *   <li>With a Kafka broker starting: static initialisations its start runs anyway, in the order it
 *       reaches them. Kafka's logging controller (it starts Log4j's context, whose configuration
 *       factories load Jackson), the platform MBean server Kafka registers its metrics in, the
 *       request and response schemas of every API, and the error table. The broker's thread finds
 *       them done, or waits for the one in progress instead of doing it again.</li>
 *   <li>Then the client side of a first publish and capture.</li>
 * </ul>
 * Two threads that initialise classes at once can deadlock when a superclass's initialiser
 * creates instances of its subclasses and the other thread comes in through a subclass. Among
 * these classes only Kafka's protocol {@code Type} does that, so {@link #start(boolean)}
 * initialises it on the caller's thread before any other thread starts.
 * Best effort: a class that fails to load is simply left for later.
 *
 * <p>Thread-safety: stateless; {@link #start(boolean)} may be called any number of times.
 */
final class StartupWarmup {
    /** Its static initialiser creates instances of its own subclasses (see above). */
    private static final String PROTOCOL_TYPE = "org.apache.kafka.common.protocol.types.Type";
    /** Kafka's logging controller: its static initialisation starts Log4j's context. */
    private static final String KAFKA_LOGGING_CONTROLLER = "org.apache.kafka.server.logger.LoggingController";
    /** Every request and response schema, and the error table. */
    private static final List<String> KAFKA_PROTOCOL_TABLES = List.of(
            "org.apache.kafka.common.protocol.ApiKeys",
            "org.apache.kafka.common.protocol.Errors");
    private static final List<String> CLIENT_CLASSES = List.of(
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

    private StartupWarmup() {
    }

    /**
     * Starts the warm-up; closing the result waits (briefly) for it to finish.
     *
     * @param kafkaBroker whether an embedded Kafka broker is starting (its part runs first)
     */
    static AutoCloseable start(boolean kafkaBroker) {
        initialize(List.of(PROTOCOL_TYPE));
        Thread t = new Thread(() -> {
            if (kafkaBroker) {
                initialize(List.of(KAFKA_LOGGING_CONTROLLER));
                ManagementFactory.getPlatformMBeanServer();
                initialize(KAFKA_PROTOCOL_TABLES);
            }
            initialize(CLIENT_CLASSES);
            try {
                // Parsing a client configuration loads and initializes its whole ConfigDef.
                new org.apache.kafka.clients.producer.ProducerConfig(io.sitkit.kafka.KafkaClients.producer(
                        io.sitkit.kafka.KafkaSettings.of("127.0.0.1:1")));
                new org.apache.kafka.clients.consumer.ConsumerConfig(io.sitkit.kafka.KafkaClients.consumer(
                        io.sitkit.kafka.KafkaSettings.of("127.0.0.1:1")));
            } catch (RuntimeException | LinkageError e) {
                skipped("client configs", e);
            }
        }, "sitkit-startup-warmup");
        t.setDaemon(true);
        t.start();
        return () -> t.join(5_000);
    }

    private static void initialize(List<String> classes) {
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        for (String name : classes) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                skipped(name, e);
            }
        }
    }

    private static void skipped(String what, Throwable e) {
        LoggerFactory.getLogger(StartupWarmup.class).debug("warm-up skipped {}: {}", what, e.toString());
    }
}
