package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import kafka.network.SocketServer;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.utils.Mx4jLoader;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.metadata.ListenerInfo;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
            startRoles(candidate); // bounded by server.max.startup.time.ms
        } catch (RuntimeException | Error e) {
            // An interrupted start still shuts down in full (a set interrupt flag would cut the
            // controlled shutdown short); the flag is set again for the caller afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                if (candidate != null) {
                    shutdown(candidate);
                }
            } catch (RuntimeException | Error shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            } finally {
                nodeGone();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
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

    /**
     * Starts the node's controller and broker side by side, as Kafka's own test clusters
     * ({@code KafkaClusterTestKit}) do, instead of one after the other as
     * {@code KafkaRaftServer.startup()} does. Their starts are long chains of class loading and
     * set-up on one thread each; the broker's begins once the controller has set up its socket
     * server ({@link #startBrokerBeside}) and runs beside the rest of the controller's. If the
     * controller fails, the broker (which would wait for it) is interrupted; if the broker fails, the
     * controller finishes its own start (interrupted, it would report a fatal fault of its own).
     * Either way the first failure is thrown once both have ended. A Kafka whose
     * {@code KafkaRaftServer} does not hold its roles as expected starts the usual way.
     */
    private static void startRoles(KafkaRaftServer s) {
        Optional<ControllerServer> controller = role(s, "controller", ControllerServer.class);
        Optional<BrokerServer> broker = brokerOf(s);
        Optional<Metrics> metrics = role(s, "metrics", Metrics.class);
        if (controller.isEmpty() || broker.isEmpty() || metrics.isEmpty()) {
            s.startup();
            return;
        }
        int id = broker.get().config().nodeId();
        Mx4jLoader.maybeLoad();
        sideBySide(List.of(
                new Start("sitkit-kafka-controller-" + id, false, controller.get()::startup),
                new Start("sitkit-kafka-broker-" + id, true, () -> startBrokerBeside(controller.get(), broker.get()))));
        AppInfoParser.registerAppInfo(Server.MetricsPrefix(), String.valueOf(id), metrics.get(), Time.SYSTEM.milliseconds());
    }

    /**
     * The node's Raft layer ({@code SharedServer}) is started by whichever role asks first, and only
     * the controller's request gives it the controller listener's endpoints; started by the broker it
     * has none, and a restarted node of a cluster then never catches up. So the broker waits until
     * the controller has set up its socket server (its ports are then known), makes the controller's
     * request itself, with the same endpoints (whichever of the two comes first starts the layer),
     * and only then starts.
     */
    private static void startBrokerBeside(ControllerServer controller, BrokerServer broker) {
        try {
            controller.socketServerFirstBoundPortFuture().get(controller.config().serverMaxStartupTimeMs(), TimeUnit.MILLISECONDS);
            SocketServer sockets = controller.socketServer();
            ListenerInfo listeners = ListenerInfo.create(
                            CollectionConverters.asJava(controller.config().effectiveAdvertisedControllerListeners()))
                    .withWildcardHostnamesResolved()
                    .withEphemeralPortsCorrected(name -> sockets.boundPort(new ListenerName(name)));
            controller.sharedServer().startForController(listeners);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("the Kafka broker's start was interrupted while its controller started", e);
        } catch (ExecutionException | TimeoutException | UnknownHostException e) {
            throw new SitkitException("the Kafka controller did not set up its socket server in time: " + e, e);
        }
        broker.startup();
    }

    /**
     * One start of {@link #sideBySide}: the name of its thread, whether to interrupt it when another
     * start fails (a start that may wait for another one; a start that needs none ends on its own),
     * and what it runs.
     */
    record Start(String thread, boolean interruptOnFailure, Runnable action) {
    }

    /**
     * Runs each start on its own thread and waits for all of them. On the first failure (or an
     * interrupt of the caller) interrupts the starts marked for it, still waits for every start to
     * end, and throws the first failure with the later ones suppressed; an interrupted caller's
     * interrupt flag is set again.
     */
    static void sideBySide(List<Start> starts) {
        BlockingQueue<Optional<Throwable>> outcomes = new LinkedBlockingQueue<>();
        List<Thread> running = new ArrayList<>();
        Throwable first = null;
        for (Start start : starts) {
            Thread t = new Thread(() -> {
                Throwable failure = null;
                try {
                    start.action().run();
                } catch (Throwable e) {
                    failure = e;
                }
                outcomes.add(Optional.ofNullable(failure));
            }, start.thread());
            t.setDaemon(true);
            try {
                t.start();
            } catch (Throwable e) { // e.g. no native thread left: stop here, end the ones started
                first = e;
                break;
            }
            running.add(t);
        }
        if (first != null) {
            interrupt(starts, running);
        }
        boolean interrupted = false;
        int pending = running.size();
        while (pending > 0) {
            Throwable failure;
            try {
                failure = outcomes.take().orElse(null);
                pending--;
            } catch (InterruptedException e) {
                interrupted = true; // give up the start, but only once its threads have ended
                failure = e;
            }
            if (failure != null && first == null) {
                first = failure;
                interrupt(starts, running);
            } else if (failure != null && failure != first) {
                first.addSuppressed(failure);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first instanceof InterruptedException) {
            throw new SitkitException("the Kafka node's start was interrupted", first);
        }
        if (first != null) {
            throw new SitkitException("the Kafka node did not start: " + first, first);
        }
    }

    private static void interrupt(List<Start> starts, List<Thread> running) {
        for (int i = 0; i < running.size(); i++) {
            if (starts.get(i).interruptOnFailure()) {
                running.get(i).interrupt();
            }
        }
    }

    private static <T> Optional<T> role(KafkaRaftServer s, String field, Class<T> type) {
        try {
            Field f = KafkaRaftServer.class.getDeclaredField(field);
            f.setAccessible(true);
            Object value = f.get(s);
            if (value instanceof scala.Option<?> o) {
                value = o.isDefined() ? o.get() : null;
            }
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("no access to {} of a Kafka node ({})", field, e.toString());
            return Optional.empty();
        }
    }

    /** The node's broker. {@code KafkaRaftServer} keeps it private; without it (another Kafka) the node shuts down as a whole. */
    private static Optional<BrokerServer> brokerOf(KafkaRaftServer s) {
        return role(s, "broker", BrokerServer.class);
    }
}
