package io.sitkit.samples.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a sample service needs to run against an environment: where the brokers are and what each
 * of its destinations is really called — the way a real service gets them from its configuration.
 * A test builds one from its {@code SitEnvironment} and {@code SitBus}:
 *
 * <pre>{@code
 * Wiring wiring = Wiring.of(env.connectionProperties(), bus::destination);
 * try (Checkout checkout = new Checkout(wiring, Set.of())) { ... }
 * }</pre>
 *
 * <p>The services use the plain clients a real service would (kafka-clients with String
 * serializers, ActiveMQ's JMS client); sitkit only tells them the addresses.
 *
 * <p>Thread-safety: immutable; the clients it creates belong to the caller.
 *
 * @param connection {@code sitkit.kafka.bootstrap-servers} and {@code sitkit.jms.url} at least
 * @param names      a logical address ({@code kafka:orders}, {@code jms:queue:payments}) to the real name
 */
public record Wiring(Map<String, String> connection, UnaryOperator<String> names) {
    /**
     * How long a consumer's fetch waits on the broker for data. Closing a consumer waits behind its
     * pending fetch (Kafka's 500 ms default), so a short wait keeps stopping a service quick.
     */
    private static final int FETCH_MAX_WAIT_MS = 50;

    public Wiring {
        connection = Map.copyOf(connection);
        Objects.requireNonNull(names, "names");
    }

    /** Wiring from connection properties and a resolver of logical addresses to destinations. */
    public static Wiring of(Map<String, String> connection, java.util.function.Function<String, ?> resolve) {
        return new Wiring(connection, address -> nameOf(resolve.apply(address)));
    }

    private static String nameOf(Object destination) {
        return destination instanceof io.sitkit.core.Destination d ? d.name() : String.valueOf(destination);
    }

    /** The real name of the Kafka topic the service knows as {@code topic}. */
    public String topic(String topic) {
        return names.apply("kafka:" + topic);
    }

    /** The real name of the JMS queue the service knows as {@code queue}. */
    public String queue(String queue) {
        return names.apply("jms:queue:" + queue);
    }

    /** The real name of the JMS topic the service knows as {@code topic}. */
    public String jmsTopic(String topic) {
        return names.apply("jms:topic:" + topic);
    }

    /** A producer with String keys and values, sending each record at once. */
    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** A producer with String keys and byte[] values (Avro). */
    public KafkaProducer<String, byte[]> bytesProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    /** A consumer in {@code group}, reading a new group's topics from the beginning. */
    public KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS),
                new StringDeserializer(), new StringDeserializer());
    }

    /** A consumer of byte[] values (Avro) in {@code group}, from the beginning. */
    public KafkaConsumer<String, byte[]> bytesConsumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS),
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    /** A started JMS connection to the environment's broker. */
    public Connection jms() {
        try {
            Connection c = new ActiveMQConnectionFactory(require("sitkit.jms.url")).createConnection();
            c.start();
            return c;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot connect to the JMS broker: " + e.getMessage(), e);
        }
    }

    private String bootstrap() {
        return require("sitkit.kafka.bootstrap-servers");
    }

    private String require(String key) {
        String v = connection.get(key);
        if (v == null) {
            throw new IllegalStateException("the environment gives no " + key + "; it has " + connection.keySet());
        }
        return v;
    }
}
