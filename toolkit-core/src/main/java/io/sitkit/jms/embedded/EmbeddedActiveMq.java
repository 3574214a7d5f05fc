package io.sitkit.jms.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import io.sitkit.tls.TlsMaterial;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.virtual.MirroredQueue;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.broker.region.virtual.VirtualTopic;
import org.apache.activemq.plugin.StatisticsBrokerPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real ActiveMQ Classic 6 broker in this JVM, on a free loopback port.
 *
 * <p>Configured for observation: mirrored queues are on, so every message sent to queue
 * {@code Q} is also published to topic {@code VirtualTopic.Mirror.Q}, which sitkit's queue
 * captures subscribe to without taking anything from the queue's consumers; the statistics plugin
 * answers destination listings. No JMX, no shutdown hook, non-persistent unless asked.
 *
 * <pre>{@code
 * try (EmbeddedActiveMq mq = EmbeddedActiveMq.start(false, null)) {
 *     String url = mq.brokerUrl();   // tcp://127.0.0.1:41871
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #close()} is idempotent and may be called from any thread.
 */
public final class EmbeddedActiveMq implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedActiveMq.class);
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** The prefix of mirror topics unless told otherwise. */
    public static final String DEFAULT_MIRROR_PREFIX = "VirtualTopic.Mirror.";

    private final BrokerService broker;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String url;
    private final Duration startupTime;
    private final TlsMaterial tls;
    private volatile boolean closed;

    private EmbeddedActiveMq(BrokerService broker, Path dataDir, boolean ownsDataDir, String url, Duration startupTime,
                             TlsMaterial tls) {
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
     * connector is {@code ssl://} with a certificate generated under the data dir ({@link #tls()}).
     *
     * @see #start(boolean, Path, String)
     */
    public static EmbeddedActiveMq start(boolean persistent, Path dataDir, String mirrorPrefix,
                                         EmbeddedActiveMqSecurity security) {
        java.util.Objects.requireNonNull(security, "security must not be null; use EmbeddedActiveMqSecurity.none()");
        long t0 = System.nanoTime();
        boolean owns = dataDir == null;
        Path dir = null;
        BrokerService broker = new BrokerService();
        try {
            dir = owns ? DataDirs.createTemp("activemq") : dataDir;
            broker.setBrokerName("sitkit-" + NAMES.incrementAndGet());
            broker.setUseJmx(false);
            broker.setUseShutdownHook(false);
            broker.setPersistent(persistent);
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
            BrokerPlugin authentication = BrokerSecurity.authentication(security);
            broker.setPlugins(authentication == null ? new BrokerPlugin[] {new StatisticsBrokerPlugin()}
                    : new BrokerPlugin[] {new StatisticsBrokerPlugin(), authentication});
            TlsMaterial tls = security.tls() ? BrokerSecurity.tls(broker, dir.resolve("tls")) : null;
            String scheme = tls == null ? "tcp" : "ssl";
            broker.getSystemUsage().getMemoryUsage().setLimit(256L * 1024 * 1024);
            broker.getSystemUsage().getTempUsage().setLimit(1024L * 1024 * 1024);
            broker.getSystemUsage().getStoreUsage().setLimit(1024L * 1024 * 1024);
            TransportConnector connector = broker.addConnector(scheme + "://127.0.0.1:0");
            broker.start();
            if (!broker.waitUntilStarted(30_000)) {
                throw new SitkitException("embedded ActiveMQ did not start within 30 s");
            }
            URI bound = connector.getConnectUri();
            String url = scheme + "://127.0.0.1:" + bound.getPort();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("embedded ActiveMQ ready at {}{} in {} ms", url,
                    security.users().isEmpty() ? "" : " (users " + security.users().keySet() + ")", took.toMillis());
            return new EmbeddedActiveMq(broker, dir, owns, url, took, tls);
        } catch (Exception e) {
            try {
                broker.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            if (owns && dir != null) {
                deleteTree(dir);
            }
            throw e instanceof SitkitException s ? s : new SitkitException("embedded ActiveMQ failed to start: " + e, e);
        }
    }

    /** The generated key and trust stores when the connector is {@code ssl://}; empty otherwise. */
    public java.util.Optional<TlsMaterial> tls() {
        return java.util.Optional.ofNullable(tls);
    }

    /** {@code tcp://127.0.0.1:<port>}, or {@code ssl://…} with TLS. */
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

    /** The underlying broker, for tests that need broker-side control. */
    public BrokerService broker() {
        return broker;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            throw new SitkitException("embedded ActiveMQ at " + url + " failed to stop: " + e, e);
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
