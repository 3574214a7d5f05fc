package io.sitkit.env;

import java.util.Map;
import java.util.Optional;

/**
 * A running set of brokers: Kafka, JMS, or both.
 *
 * <pre>{@code
 * try (Environment env = Environments.start(SitkitConfig.load());
 *      Bus bus = env.openBus()) {
 *     bus.publish(OutgoingMessage.text("kafka:orders", "{}"));
 * }
 * }</pre>
 *
 * <p>Thread-safety: implementations are thread-safe; {@link #close()} is idempotent.
 */
public interface Environment extends AutoCloseable {

    /** The provider's name: {@code embedded}, {@code external}, … */
    String name();

    /** Kafka bootstrap servers, if this environment has Kafka. */
    Optional<String> kafkaBootstrapServers();

    /** The JMS broker URL (credentials removed), if this environment has JMS. */
    Optional<String> jmsBrokerUrl();

    /**
     * How a system under test connects, as sitkit configuration keys
     * ({@code sitkit.kafka.bootstrap-servers}, {@code sitkit.jms.url}); never includes passwords.
     */
    Map<String, String> connectionProperties();

    /** Opens a new bus on this environment; the caller closes it. */
    Bus openBus();

    /** Stops what this environment started and closes the buses it opened. Idempotent. */
    @Override
    void close();

    /**
     * The guard of this environment's writes: protected environments
     * ({@code sitkit.protection.enabled=true}) refuse publish, purge, topic creation and
     * deletion, destructive receive and consume, offset resets and the writes of
     * {@link #schemaRegistry()} until unlocked with their name;
     * every write is audited to {@code sitkit.audit.file} when set.
     */
    default io.sitkit.core.Protection protection() {
        return io.sitkit.core.Protection.none();
    }

    /**
     * The schema registry of this environment ({@code sitkit.schema-registry.*}), if one is
     * configured: one client, whose writes — register, set a compatibility level, delete a subject —
     * pass {@link #protection()} like every other write (refused while locked, audited). A client built
     * alone with {@code new SchemaRegistryClient(settings)} is tied to no environment and unguarded.
     *
     * <pre>{@code
     * SchemaRegistryClient registry = env.schemaRegistry().orElseThrow();
     * registry.register("orders-value", SchemaFormat.AVRO, schema);   // refused on a locked staging
     * }</pre>
     */
    default Optional<io.sitkit.schema.registry.SchemaRegistryClient> schemaRegistry() {
        return Optional.empty();
    }
}
