package io.sitkit.kafka.embedded;

import io.sitkit.core.internal.DataDirs;

import io.sitkit.core.SitkitException;
import io.sitkit.tls.TlsMaterial;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Real Apache Kafka in this JVM: one KRaft node that is both broker and controller, or a cluster
 * of such nodes ({@link EmbeddedKafkaConfig#withBrokers}) whose controllers form a quorum,
 * listening on 127.0.0.1 only, tuned for tests (no rebalance delay, small thread pools, 16 MiB
 * messages by default; single-replica internal topics on one node, three replicas on a cluster).
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults().withBrokers(3))) {
 *     Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
 *     // ... topics with replication factor 3 and min.insync.replicas=2 ...
 *     kafka.restartNode(2);   // one node: same address, same data; the others keep serving
 *     kafka.restart();        // every node: for broker-restart tests
 * }                           // stops the nodes and deletes the temp data dir
 * }</pre>
 *
 * <p>{@link #start} returns once every node is unfenced and serves clients. Ports are picked
 * free and the start is retried with fresh ports if another process grabs one first; they stay
 * the same for the broker's lifetime, so {@link #bootstrapServers()} is stable across
 * {@link #stop()} and {@link #restart()}. Nodes start and stop in parallel (a node of a cluster
 * waits for a quorum of controllers). A secured client listener
 * ({@link EmbeddedKafkaConfig#withSecurity}) is the same on every node: one set of generated TLS
 * stores ({@link #tls()}), one set of SCRAM users; {@link #clientSecurityProperties()} connects a client.
 *
 * <p>Thread-safety: thread-safe. {@code start}, {@code stop}, {@code restart} (of the whole or a
 * node) and {@code close} are serialised; the accessors can be called from any thread at any time.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int MAX_START_ATTEMPTS = 5;
    private static final String LOG_DIR_NAME = "kafka-logs";

    private final EmbeddedKafkaConfig config;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final List<KafkaNode> nodes;
    private volatile List<Ports> ports;
    private volatile Duration startupTime = Duration.ZERO;
    private volatile ListenerSecurity security = ListenerSecurity.plain();
    private boolean closed;

    private EmbeddedKafkaBroker(EmbeddedKafkaConfig config, Path dataDir, boolean ownsDataDir) {
        this.config = config;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        List<KafkaNode> all = new ArrayList<>();
        for (int i = 0; i < config.brokers(); i++) {
            // One node keeps the single-broker layout, so existing data dirs still start.
            all.add(new KafkaNode(i, dataDir.resolve(config.brokers() == 1 ? LOG_DIR_NAME
                    : LOG_DIR_NAME + "-" + (BrokerProperties.FIRST_NODE_ID + i))));
        }
        this.nodes = List.copyOf(all);
    }

    /**
     * Formats the data dirs if needed and starts the node(s); returns when they are ready for clients.
     *
     * @throws SitkitException if it did not start; whatever had started is shut down and a temp
     *                         data dir is deleted
     */
    public static EmbeddedKafkaBroker start(EmbeddedKafkaConfig config) {
        Objects.requireNonNull(config, "config must not be null; use EmbeddedKafkaConfig.defaults()");
        boolean owned = config.dataDir() == null;
        Path dir = owned ? DataDirs.createTemp("kafka") : config.dataDir().toAbsolutePath();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, dir, owned);
        try {
            broker.security = ListenerSecurity.prepare(config.security(), dir);
            broker.startOnFreePorts();
            return broker;
        } catch (RuntimeException | LinkageError e) {
            try {
                broker.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e instanceof SitkitException se ? se : startFailure(dir, broker.ports, broker.ports, e);
        }
    }

    /** {@code 127.0.0.1:<port>} (comma-separated for a cluster); the same across {@link #stop()} and {@link #restart()}. */
    public String bootstrapServers() {
        StringJoiner out = new StringJoiner(",");
        ports.forEach(p -> out.add(BrokerProperties.HOST + ":" + p.broker()));
        return out.toString();
    }

    /** The ids of the nodes, {@code [1]} for a single broker, {@code [1, 2, 3]} for a cluster of three. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(KafkaNode::id).toList();
    }

    /** {@code 127.0.0.1:<port>} of one node, the address its broker advertises. */
    public String nodeAddress(int nodeId) {
        return BrokerProperties.HOST + ":" + ports.get(node(nodeId).id() - BrokerProperties.FIRST_NODE_ID).broker();
    }

    /** How long the last successful start or restart took, formatting included. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether every node is started and not stopped. */
    public boolean isRunning() {
        return nodes.stream().allMatch(KafkaNode::isRunning);
    }

    /** Where the broker keeps its data; a temp dir unless the config named one. */
    public Path dataDir() {
        return dataDir;
    }

    public EmbeddedKafkaConfig config() {
        return config;
    }

    /** The generated key and trust stores when the listener uses TLS; empty for a plain listener. */
    public Optional<TlsMaterial> tls() {
        return Optional.ofNullable(security.tls());
    }

    /**
     * The Kafka client properties a client needs for this broker's listener, except a SASL identity:
     * {@code security.protocol}, the trust store, and for mutual TLS the client key store; for SASL/SCRAM
     * also {@code sasl.mechanism} (add {@code sasl.jaas.config} from
     * {@link EmbeddedKafkaSecurity#jaasConfig(String, String)}). Empty for a plain listener.
     */
    public Map<String, String> clientSecurityProperties() {
        return security.clientProperties();
    }

    /**
     * Shuts every node down and waits until they have stopped. Keeps the data and the ports, so
     * {@link #restart()} can bring them back. Does nothing for nodes that are not running.
     */
    public synchronized void stop() {
        String where = ports == null ? "(not started)" : bootstrapServers();
        try {
            // Brokers first, while every controller still runs to approve their controlled shutdowns; a
            // node stopped whole would take its controller away from the brokers still waiting.
            KafkaNode.inParallel(nodes, KafkaNode::stopBroker);
            KafkaNode.inParallel(nodes, KafkaNode::stop);
        } catch (RuntimeException e) {
            throw new SitkitException("embedded Kafka at " + where
                    + " did not shut down cleanly: " + e.getMessage(), e);
        }
        LOG.debug("embedded Kafka at {} stopped", where);
    }

    /**
     * Shuts one node down (its partitions' leadership moves to the others); {@link #restartNode} brings it back.
     * Keep a majority running: a node that shuts down while the controller quorum is lost waits
     * {@code KafkaNode.CONTROLLED_SHUTDOWN_BOUND} (15 s) for an approval that cannot come, then shuts down
     * uncontrolled; {@link #stop()} therefore shuts every broker down before any controller.
     */
    public synchronized void stopNode(int nodeId) {
        KafkaNode node = node(nodeId);
        try {
            node.stop();
        } catch (RuntimeException e) {
            throw new SitkitException("embedded Kafka node " + nodeId + " at " + nodeAddress(nodeId)
                    + " did not shut down cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * Stops every node that is running, then starts them all again on the same ports with the same
     * data (records, topics, committed offsets survive). Returns when they are ready for clients.
     *
     * @throws SitkitException if it did not start, e.g. because another process took a port; the
     *                         broker is then stopped and can still be closed
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void restart() {
        checkOpen();
        stop();
        try {
            boot(ports, nodes);
        } catch (RuntimeException | LinkageError e) {
            throw startFailure(dataDir, ports, ports, e);
        }
    }

    /** The ports of each node, by index; null before the first start. */
    List<Ports> ports() {
        return ports;
    }

    /** Stops one node if it runs and starts it again on the same ports with the same data; returns when it is ready. */
    public synchronized void restartNode(int nodeId) {
        checkOpen();
        KafkaNode node = node(nodeId);
        stopNode(nodeId);
        try {
            boot(ports, List.of(node));
        } catch (RuntimeException | LinkageError e) {
            // Only this node's ports can tell: the others are held by the running nodes themselves.
            throw startFailure(dataDir, ports, List.of(ports.get(nodeId - BrokerProperties.FIRST_NODE_ID)), e);
        }
    }

    /**
     * Stops the broker and deletes its data dir if it is a temp dir. Idempotent; safe after a
     * failed start and after {@link #stop()}.
     *
     * @throws SitkitException if shutting down or deleting the temp dir failed (the other step
     *                         is still done)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        try {
            stop();
        } catch (RuntimeException e) {
            first = e;
        }
        if (ownsDataDir) {
            try {
                DataDirs.deleteRecursively(dataDir);
            } catch (IOException e) {
                SitkitException failure = new SitkitException("could not delete the temp data dir " + dataDir
                        + " of an embedded Kafka broker: " + e + "; delete it by hand", e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + (ports == null ? "not started" : bootstrapServers())
                + (isRunning() ? ", running" : ", stopped") + ", dataDir=" + dataDir + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("embedded Kafka broker at " + bootstrapServers()
                    + " is closed; start a new one with EmbeddedKafkaBroker.start(config)");
        }
    }

    private KafkaNode node(int nodeId) {
        return nodes.stream().filter(n -> n.id() == nodeId).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no Kafka node " + nodeId + "; the nodes are " + nodeIds()));
    }

    private synchronized void startOnFreePorts() {
        boolean formattedBefore = nodes.stream().allMatch(KafkaNode::isFormatted);
        for (int attempt = 1; ; attempt++) {
            List<Ports> candidate = Ports.pickFree(nodes.size());
            try {
                boot(candidate, nodes);
                return;
            } catch (RuntimeException e) {
                if (!(isBindFailure(e) || Ports.held(candidate).isPresent()) || attempt == MAX_START_ATTEMPTS) {
                    throw attempt == 1 ? e : new SitkitException("embedded Kafka broker did not start in "
                            + attempt + " attempts with fresh ports; last failure: " + e.getMessage(), e);
                }
                LOG.debug("embedded Kafka could not bind {} (attempt {}), retrying with fresh ports",
                        candidate, attempt, e);
                if (!formattedBefore) {
                    wipeLogDirs(e);
                }
            }
        }
    }

    /** Starts {@code which} nodes on the given ports in parallel; leaves none of them running if one fails. */
    private void boot(List<Ports> on, List<KafkaNode> which) {
        long t0 = System.nanoTime();
        this.ports = on;
        String clusterId = Uuid.randomUuid().toString();
        for (KafkaNode n : which) {
            if (!n.isFormatted()) {
                n.format(clusterId, security);
            }
        }
        try {
            KafkaNode.inParallel(which, n -> n.boot(config, on, security));
        } catch (RuntimeException | Error e) {
            try {
                KafkaNode.inParallel(which, KafkaNode::stop);
            } catch (RuntimeException | Error shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("embedded Kafka {} ready at {} ({} node(s), {}) in {} ms", AppInfoParser.getVersion(), bootstrapServers(),
                which.size(), config.security().mode().protocol(), startupTime.toMillis());
    }

    private void wipeLogDirs(RuntimeException context) {
        for (KafkaNode n : nodes) {
            try {
                n.wipe();
            } catch (IOException e) {
                context.addSuppressed(e);
                throw context;
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof BindException || msg.contains("Address already in use")
                    || msg.contains("failed to bind")) {
                return true;
            }
        }
        for (Throwable s : e.getSuppressed()) {
            if (isBindFailure(s)) {
                return true;
            }
        }
        return false;
    }

    /** @param probed the ports of the nodes that were starting: the ones to probe for another process holding them */
    private static SitkitException startFailure(Path dataDir, List<Ports> ports, List<Ports> probed, Throwable e) {
        String where = ports == null ? "" : " on ports " + String.join("; ", ports.stream()
                .map(p -> p.broker() + " (broker) and " + p.controller() + " (controller)").toList());
        String hint;
        Optional<String> held = probed == null || e instanceof LinkageError ? Optional.empty() : Ports.held(probed);
        if (e instanceof LinkageError) {
            hint = "add org.apache.kafka:kafka_2.13, kafka-metadata and kafka-server-common to the class path";
        } else if (isBindFailure(e) || held.isPresent()) {
            hint = "another process holds the port" + held.map(p -> " " + p).orElse("")
                    + "; stop it or start a new broker on fresh ports";
        } else if (e instanceof org.apache.kafka.common.config.ConfigException) {
            hint = "check the brokerProperties of the EmbeddedKafkaConfig";
        } else {
            hint = "see the cause and the Kafka log above";
        }
        return new SitkitException("embedded Kafka broker did not start" + where + " with data dir "
                + dataDir + ": " + e.getMessage() + "; " + hint, e);
    }
}
