package io.sitkit.fx.service;

import io.sitkit.core.Destination;

import java.util.Objects;

/**
 * The destination writes of the inspector: create and delete a Kafka topic, purge a JMS queue.
 * Each goes through the core's clients, so a protected environment refuses it until unlocked
 * ({@link io.sitkit.core.ProtectedEnvironmentException}) and the core audits it
 * ({@code "create topic"}, {@code "delete topic"}, {@code "purge"}) — the inspector checks and logs
 * nothing itself.
 *
 * <pre>{@code
 * DestinationAdmin admin = new DestinationAdmin(connection);
 * Destination orders = admin.createTopic("orders", 3);
 * int removed = admin.purge(Destination.jmsQueue("payments"));
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; every call blocks on the broker.
 */
public final class DestinationAdmin {
    /** Most partitions a topic may be created with here. */
    public static final int MAX_PARTITIONS = 1_000;

    private final Connection connection;

    public DestinationAdmin(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Creates Kafka topic {@code name} with {@code partitions} partitions (replication factor 1).
     *
     * @throws IllegalArgumentException for a blank name, a bad partition count or a connection without Kafka
     */
    public Destination createTopic(String name, int partitions) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a new topic needs a name");
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be 1–" + MAX_PARTITIONS + ", was " + partitions);
        }
        Destination d = Destination.kafka(n);
        requireKafka("create " + d);
        connection.bus().kafka().createTopic(n, partitions);
        awaitListed(d, true);
        return d;
    }

    /** Deletes Kafka topic {@code d} and everything in it. */
    public void deleteTopic(Destination d) {
        if (!d.isKafka()) {
            throw new IllegalArgumentException("only Kafka topics can be deleted here, not " + d);
        }
        requireKafka("delete " + d);
        connection.bus().kafka().deleteTopic(d.name());
        awaitListed(d, false);
    }

    /**
     * The controller acknowledges a creation or deletion before every broker's metadata has it, so a
     * listing right after may not show it yet. Each check is a metadata round trip (not a pause),
     * repeated until the listing agrees or the connection's Kafka timeout passes.
     */
    private void awaitListed(Destination d, boolean listed) {
        var kafka = connection.bus().kafka();
        long deadline = System.nanoTime() + kafka.settings().timeout().toNanos();
        do {
            try {
                if (kafka.listDestinations().stream().anyMatch(i -> i.destination().equals(d)) == listed) {
                    return;
                }
            } catch (RuntimeException e) {
                // the write is done; a listing that fails now (a broker slow to answer) is retried until the deadline
            }
        } while (System.nanoTime() < deadline);
    }

    /** Removes every message in JMS queue {@code d} now; returns how many. */
    public int purge(Destination d) {
        if (!d.isJms() || !d.isQueue()) {
            throw new IllegalArgumentException("only JMS queues can be purged, not " + d);
        }
        if (!connection.bus().hasJms()) {
            throw new IllegalArgumentException("cannot purge " + d + ": this connection has no JMS broker");
        }
        return connection.bus().jms().purge(d);
    }

    private void requireKafka(String what) {
        if (!connection.bus().hasKafka()) {
            throw new IllegalArgumentException("cannot " + what + ": this connection has no Kafka cluster");
        }
    }
}
