package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One KRaft node (broker and controller) of an {@link EmbeddedKafkaBroker}: its log dir, its
 * server while it runs, formatting, start and stop.
 *
 * <p>Thread-safety: {@link #isRunning()} from any thread; the rest is called under the owning
 * broker's lock (different nodes may start and stop in parallel).
 */
final class KafkaNode {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KafkaNode.class);
    /** How long a broker waits for the controllers to approve its controlled shutdown (Kafka: five minutes). */
    static final Duration CONTROLLED_SHUTDOWN_BOUND = Duration.ofSeconds(15);
    private final int index;
    private final Path logDir;
    private volatile KafkaRaftServer server;

    KafkaNode(int index, Path logDir) {
        this.index = index;
        this.logDir = logDir;
    }

    int id() {
        return BrokerProperties.FIRST_NODE_ID + index;
    }

    Path logDir() {
        return logDir;
    }

    boolean isRunning() {
        return server != null;
    }

    boolean isFormatted() {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /** Formats the log dir; SCRAM users (if any) go into the bootstrap records, the same on every node. */
    void format(String clusterId, ListenerSecurity security) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(id())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setScramArguments(security.scramArguments())
                    .run();
        } catch (Exception e) {
            throw new SitkitException("could not format the Kafka log dir " + logDir + ": " + e.getMessage()
                    + "; check that the dir is writable and holds no data of another cluster", e);
        }
    }

    /** Starts the node; blocks until its broker is unfenced. Leaves nothing running if it fails. */
    void boot(EmbeddedKafkaConfig config, List<Ports> all, ListenerSecurity security) {
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(BrokerProperties.of(config, logDir, index, all, security), false);
        ExitGuard.JVM.nodeStarting();
        ServerMetrics.JVM.nodeStarting();
        KafkaRaftServer candidate = null;
        try {
            candidate = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            candidate.startup(); // bounded by server.max.startup.time.ms
        } catch (RuntimeException | Error e) {
            try {
                if (candidate != null) {
                    shutdown(candidate);
                }
            } catch (RuntimeException | Error shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            } finally {
                nodeGone();
            }
            throw e;
        }
        server = candidate;
    }

    /**
     * Shuts down the node's broker only, its controller keeps running: a cluster's nodes first all
     * shut their brokers down while the controller quorum still stands to approve each controlled
     * shutdown, and only then their controllers ({@link EmbeddedKafkaBroker#stop()}). Does nothing if
     * the node is not running.
     */
    void stopBroker() {
        KafkaRaftServer running = server;
        if (running != null) {
            brokerOf(running).ifPresent(KafkaNode::shutdownBroker);
        }
    }

    /**
     * Shuts the node down and waits; does nothing if it is not running. The last node of the JVM to stop
     * releases Kafka's server metrics and gives Kafka back its exit procedures ({@link ExitGuard}).
     */
    void stop() {
        KafkaRaftServer running = server;
        if (running != null) {
            server = null;
            try {
                shutdown(running);
            } finally {
                nodeGone();
            }
        }
    }

    private static void nodeGone() {
        try {
            ServerMetrics.JVM.nodeStopped();
        } finally {
            ExitGuard.JVM.nodeStopped();
        }
    }

    void wipe() throws IOException {
        DataDirs.deleteRecursively(logDir);
    }

    /** Runs {@code action} on each node, each on its own thread (one node runs on the caller's); rethrows the first failure. */
    static void inParallel(List<KafkaNode> which, Consumer<KafkaNode> action) {
        if (which.size() == 1) {
            action.accept(which.get(0));
            return;
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (KafkaNode n : which) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    action.accept(n);
                    f.complete(null);
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "sitkit-kafka-node-" + n.id());
            t.setDaemon(true);
            t.start();
            all.add(f);
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> f : all) {
            try {
                f.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (first == null) {
                    first = cause;
                } else {
                    first.addSuppressed(cause);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void shutdown(KafkaRaftServer s) {
        // The broker first, with a bounded wait for the controller's approval; then KafkaRaftServer
        // finds it shut down and stops the controller.
        brokerOf(s).ifPresent(KafkaNode::shutdownBroker);
        s.shutdown();
        s.awaitShutdown();
    }

    /**
     * A broker's controlled shutdown waits for the controller quorum to approve it, and
     * {@code KafkaRaftServer.shutdown()} gives it five minutes: a node whose quorum is gone (the
     * other nodes' controllers stopped first) then hangs for all of them. Here the wait is bounded;
     * past it the broker shuts down uncontrolled, which a test broker can afford.
     */
    private static void shutdownBroker(BrokerServer broker) {
        broker.shutdown(CONTROLLED_SHUTDOWN_BOUND);
    }

    /** The node's broker. {@code KafkaRaftServer} keeps it private; without it (another Kafka) the node shuts down as a whole. */
    private static Optional<BrokerServer> brokerOf(KafkaRaftServer s) {
        try {
            Field f = KafkaRaftServer.class.getDeclaredField("broker");
            f.setAccessible(true);
            return f.get(s) instanceof scala.Option<?> o && o.isDefined() && o.get() instanceof BrokerServer b
                    ? Optional.of(b) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("no access to the broker of a Kafka node ({}); it shuts down with Kafka's own bound", e.toString());
            return Optional.empty();
        }
    }
}
