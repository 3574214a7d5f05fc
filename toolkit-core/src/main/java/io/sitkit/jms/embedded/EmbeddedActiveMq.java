package io.sitkit.jms.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import io.sitkit.tls.TlsMaterial;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.virtual.MirroredQueue;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real ActiveMQ Classic 6 broker in this JVM, on a free loopback port.
 *
 * <p>Configured for observation: mirrored queues are on, so every message sent to queue
 * {@code Q} is also published to topic {@code VirtualTopic.Mirror.Q}, which sitkit's queue
 * captures subscribe to without taking anything from the queue's consumers; the statistics plugin
 * answers destination listings. No JMX, no shutdown hook, non-persistent unless asked. Optionally
 * secured ({@link EmbeddedActiveMqSecurity}): users with passwords, an {@code ssl://} connector,
 * client certificates required.
 *
 * <pre>{@code
 * try (EmbeddedActiveMq mq = EmbeddedActiveMq.start(true, null)) {
 *     String url = mq.brokerUrl();   // tcp://127.0.0.1:41871
 *     mq.restart();                  // same port, same (persistent) data: for broker-restart tests
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe. {@code stop}, {@code restart} and {@code close} are serialised;
 * {@link #close()} is idempotent and may be called from any thread.
 */
public final class EmbeddedActiveMq implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedActiveMq.class);
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** The prefix of mirror topics unless told otherwise. */
    public static final String DEFAULT_MIRROR_PREFIX = "VirtualTopic.Mirror.";
    private static final Duration TASK_THREADS_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final boolean persistent;
    private final String mirrorPrefix;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String url;
    private final Duration startupTime;
    private final EmbeddedActiveMqSecurity security;
    private final TlsMaterial tls;
    private volatile BrokerService broker;
    private volatile boolean closed;

    private EmbeddedActiveMq(String name, boolean persistent, String mirrorPrefix, BrokerService broker, Path dataDir,
                             boolean ownsDataDir, String url, Duration startupTime, EmbeddedActiveMqSecurity security,
                             TlsMaterial tls) {
        this.name = name;
        this.persistent = persistent;
        this.mirrorPrefix = mirrorPrefix;
        this.security = security;
        this.tls = tls;
        this.broker = broker;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.url = url;
        this.startupTime = startupTime;
    }

    /**
     * Starts a broker and returns once it accepts connections.
     *
     * @param persistent keep messages in KahaDB under the data dir
     * @param dataDir    where to keep data, or null for a temp dir deleted on close
     */
    public static EmbeddedActiveMq start(boolean persistent, Path dataDir) {
        return start(persistent, dataDir, DEFAULT_MIRROR_PREFIX);
    }

    /**
     * Starts a broker whose queue {@code Q} is mirrored to topic {@code mirrorPrefix + Q}.
     *
     * @see #start(boolean, Path)
     */
    public static EmbeddedActiveMq start(boolean persistent, Path dataDir, String mirrorPrefix) {
        return start(persistent, dataDir, mirrorPrefix, EmbeddedActiveMqSecurity.none());
    }

    /**
     * Starts a broker secured as given: with users, anonymous connections are refused; with TLS the
     * connector is {@code ssl://} with a certificate generated under the data dir ({@link #tls()}); with
     * client certificates, it refuses a client that presents none the trust store trusts (the generated
     * client key store, {@code tls().clientKeyStore()}, has one).
     *
     * @see #start(boolean, Path, String)
     */
    public static EmbeddedActiveMq start(boolean persistent, Path dataDir, String mirrorPrefix,
                                         EmbeddedActiveMqSecurity security) {
        java.util.Objects.requireNonNull(security, "security must not be null; use EmbeddedActiveMqSecurity.none()");
        long t0 = System.nanoTime();
        boolean owns = dataDir == null;
        Path dir = null;
        String name = "sitkit-" + NAMES.incrementAndGet();
        BrokerService broker = null;
        try {
            dir = owns ? DataDirs.createTemp("activemq") : dataDir;
            TlsMaterial tls = BrokerSecurity.generateTls(security, dir.resolve("tls"));
            String scheme = tls == null ? "tcp" : "ssl";
            broker = configure(name, persistent, dir, mirrorPrefix);
            BrokerSecurity.apply(broker, security, tls);
            TransportConnector connector = broker.addConnector(BrokerSecurity.connectorUri(security, "127.0.0.1:0"));
            startAndWait(broker);
            String url = scheme + "://127.0.0.1:" + connector.getConnectUri().getPort();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("embedded ActiveMQ ready at {}{}{} in {} ms", url,
                    security.clientCertificates() ? " (client certificates required)" : "",
                    security.users().isEmpty() ? "" : " (users " + security.users().keySet() + ")", took.toMillis());
            return new EmbeddedActiveMq(name, persistent, mirrorPrefix, broker, dir, owns, url, took, security, tls);
        } catch (Exception e) {
            stopQuietly(broker, e);
            if (owns && dir != null) {
                deleteTree(dir);
            }
            throw e instanceof SitkitException s ? s : new SitkitException("embedded ActiveMQ failed to start: " + e, e);
        }
    }

    private static BrokerService configure(String name, boolean persistent, Path dir, String mirrorPrefix) throws IOException {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setPersistent(persistent);
        if (persistent) {
            broker.setPersistenceAdapter(kahaDb(dir));
        }
        broker.setDataDirectoryFile(dir.toFile());
        broker.setTmpDataDirectory(dir.resolve("tmp").toFile());
        MirroredQueue mirror = new MirroredQueue();
        mirror.setPrefix(mirrorPrefix);
        mirror.setPostfix("");
        mirror.setCopyMessage(true);
        mirror.setBrokerService(broker);
        VirtualDestinationInterceptor virtualTopics = new VirtualDestinationInterceptor();
        virtualTopics.setVirtualDestinations(new VirtualDestination[] {new VirtualTopic()});
        broker.setDestinationInterceptors(new DestinationInterceptor[] {virtualTopics, mirror});
        broker.setSchedulerSupport(false);
        broker.getSystemUsage().getMemoryUsage().setLimit(256L * 1024 * 1024);
        broker.getSystemUsage().getTempUsage().setLimit(1024L * 1024 * 1024);
        broker.getSystemUsage().getStoreUsage().setLimit(1024L * 1024 * 1024);
        return broker;
    }

    /**
     * KahaDB without a disk sync per message: a clean stop (and {@link #restart()}) keeps everything,
     * a crashed JVM may lose the last writes — the trade a test broker wants (about 10x the send rate).
     */
    private static org.apache.activemq.store.PersistenceAdapter kahaDb(Path dir) {
        org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter kahaDb = new org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        kahaDb.setJournalDiskSyncStrategy("never");
        return kahaDb;
    }

    private static void startAndWait(BrokerService broker) throws Exception {
        broker.start();
        if (!broker.waitUntilStarted(30_000)) {
            throw new SitkitException("embedded ActiveMQ did not start within 30 s");
        }
    }

    private static void stopQuietly(BrokerService broker, Exception context) {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception stop) {
            context.addSuppressed(stop);
        }
    }

    /** The generated key and trust stores when the connector is {@code ssl://}; empty otherwise. */
    public java.util.Optional<TlsMaterial> tls() {
        return java.util.Optional.ofNullable(tls);
    }

    /**
     * {@code tcp://127.0.0.1:<port>}, or {@code ssl://…} with TLS; stays the same across {@link #stop()}
     * and {@link #restart()}.
     */
    public String brokerUrl() {
        return url;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Where the broker keeps its data. */
    public Path dataDir() {
        return dataDir;
    }

    /** The underlying broker (a new one after each {@link #restart()}), for tests that need broker-side control. */
    public BrokerService broker() {
        return broker;
    }

    /** Whether the broker is started and not stopped. */
    public boolean isRunning() {
        return broker != null;
    }

    /**
     * Stops the broker and waits until it has stopped; keeps the port and the data dir, so
     * {@link #restart()} brings it back (with its messages if it is persistent). Does nothing if it is stopped.
     */
    public synchronized void stop() {
        BrokerService running = broker;
        if (running == null) {
            return;
        }
        broker = null;
        // Taken before stop(), which forgets it: a connection that finishes closing after the broker
        // stopped runs its last task on this factory, which then lazily starts a new pool.
        org.apache.activemq.thread.TaskRunnerFactory tasks = running.getTaskRunnerFactory();
        try {
            running.stop();
            running.waitUntilStopped();
        } catch (Exception e) {
            throw new SitkitException("embedded ActiveMQ at " + url + " failed to stop: " + e, e);
        }
        awaitTaskThreads(tasks);
        LOG.debug("embedded ActiveMQ at {} stopped", url);
    }

    /**
     * Waits (bounded) for the broker's task threads: its stop shuts their pool down without waiting, a
     * connection still closing (a TLS close takes a while) would otherwise outlive {@link #close()}, and
     * one that closes after the stop starts a new pool whose idle thread would linger for its keep-alive
     * (30 s) — so each round shuts {@code tasks}' pool down again and waits for what is left.
     *
     * <p>The broker's own ends of its connections are waited for too (their threads are named
     * {@code ActiveMQ Transport: <client>@<broker port>}): such a thread hands its connection's stop to
     * the task pool as it ends, so a check that found no task thread while one of them still ran could
     * return just before the next task thread started.
     */
    private void awaitTaskThreads(org.apache.activemq.thread.TaskRunnerFactory tasks) {
        String prefix = "ActiveMQ BrokerService[" + name + "] Task-";
        String port = url.substring(url.lastIndexOf(':') + 1);
        String transportSuffix = "@" + port;
        long deadline = System.nanoTime() + TASK_THREADS_TIMEOUT.toNanos();
        while (true) {
            List<Thread> live = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && (t.getName().startsWith(prefix)
                            || t.getName().startsWith("ActiveMQ Transport: ") && t.getName().endsWith(transportSuffix)))
                    .toList();
            long leftMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (live.isEmpty()) {
                return;
            }
            if (leftMillis <= 0) {
                LOG.debug("embedded ActiveMQ at {}: task threads {} still running after {}", url,
                        live.stream().map(Thread::getName).toList(), TASK_THREADS_TIMEOUT);
                return;
            }
            tasks.shutdown();
            try {
                for (Thread t : live) {
                    t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops the broker if it runs, then starts it again on the same port with the same data dir;
     * returns once it accepts connections.
     *
     * @throws SitkitException if it did not start (e.g. another process took the port); it is then stopped
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("embedded ActiveMQ at " + url
                    + " is closed; start a new one with EmbeddedActiveMq.start(persistent, dataDir)");
        }
        stop();
        BrokerService next = null;
        try {
            next = configure(name, persistent, dataDir, mirrorPrefix);
            BrokerSecurity.apply(next, security, tls);
            next.addConnector(BrokerSecurity.connectorUri(security, url.substring(url.indexOf("://") + 3)));
            startAndWait(next);
        } catch (Exception e) {
            stopQuietly(next, e);
            throw e instanceof SitkitException s ? s : new SitkitException("embedded ActiveMQ did not restart at " + url
                    + ": " + e + "; if another process took the port, stop it", e);
        }
        broker = next;
        LOG.info("embedded ActiveMQ restarted at {}", url);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (ownsDataDir) {
                deleteTree(dataDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try {
            DataDirs.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
