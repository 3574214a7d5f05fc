package io.sitkit.kafka.embedded;

import io.sitkit.core.internal.DataDirs;

import io.sitkit.core.SitkitException;
import io.sitkit.tls.TlsMaterial;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node that is both broker and controller,
 * listening on 127.0.0.1 only, tuned for tests (single-replica internal topics, no rebalance
 * delay, small thread pools, 16 MiB messages by default).
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
 *     Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
 *     // ... use any Kafka client ...
 *     kafka.restart();   // same address, same data: for broker-restart tests
 * }                      // stops the broker and deletes its temp data dir
 * }</pre>
 *
 * <p>{@link #start} returns once the broker is unfenced and serves clients. Ports are picked
 * free and the start is retried with fresh ports if another process grabs one first; they stay
 * the same for the broker's lifetime, so {@link #bootstrapServers()} is stable across
 * {@link #stop()} and {@link #restart()}.
 *
 * <p>Thread-safety: thread-safe. {@code start}, {@code stop}, {@code restart} and {@code close}
 * are serialised; the accessors can be called from any thread at any time.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int MAX_START_ATTEMPTS = 5;
    private static final String LOG_DIR_NAME = "kafka-logs";

    private final EmbeddedKafkaConfig config;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private volatile Ports ports;
    private volatile KafkaRaftServer server;
    private volatile Duration startupTime = Duration.ZERO;
    private volatile TlsMaterial tls;
    private volatile String brokerSecret;
    private boolean closed;

    private EmbeddedKafkaBroker(EmbeddedKafkaConfig config, Path dataDir, boolean ownsDataDir) {
        this.config = config;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /**
     * Formats the data dir if needed and starts a broker; returns when it is ready for clients.
     *
     * @throws SitkitException if the broker did not start; whatever had started is shut down and
     *                         a temp data dir is deleted
     */
    public static EmbeddedKafkaBroker start(EmbeddedKafkaConfig config) {
        Objects.requireNonNull(config, "config must not be null; use EmbeddedKafkaConfig.defaults()");
        boolean owned = config.dataDir() == null;
        Path dir = owned ? DataDirs.createTemp("kafka") : config.dataDir().toAbsolutePath();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, dir, owned);
        try {
            broker.prepareSecurity();
            broker.startOnFreePorts();
            return broker;
        } catch (RuntimeException | LinkageError e) {
            try {
                broker.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e instanceof SitkitException se ? se : startFailure(dir, broker.ports, e);
        }
    }

    /** {@code 127.0.0.1:<port>}; stays the same across {@link #stop()} and {@link #restart()}. */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + ports.broker();
    }

    /** How long the last successful start or restart took, formatting included. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Whether the broker is started and not yet stopped. */
    public boolean isRunning() {
        return server != null;
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
        return Optional.ofNullable(tls);
    }

    /**
     * The Kafka client properties a client needs for this broker's listener, except a SASL identity:
     * {@code security.protocol}, the trust store, and for mutual TLS the client key store; for SASL/SCRAM
     * also {@code sasl.mechanism} (add {@code sasl.jaas.config} from
     * {@link EmbeddedKafkaSecurity#jaasConfig(String, String)}). Empty for a plain listener.
     */
    public Map<String, String> clientSecurityProperties() {
        TlsMaterial t = tls;
        if (t == null) {
            return Map.of();
        }
        Map<String, String> p = new TreeMap<>();
        p.put("security.protocol", config.security().mode().protocol());
        p.put("ssl.truststore.location", t.trustStore().toString());
        p.put("ssl.truststore.password", t.password());
        p.put("ssl.truststore.type", TlsMaterial.STORE_TYPE);
        if (config.security().mode() == EmbeddedKafkaSecurity.Mode.MUTUAL_TLS) {
            p.put("ssl.keystore.location", t.clientKeyStore().toString());
            p.put("ssl.keystore.password", t.password());
            p.put("ssl.key.password", t.password());
            p.put("ssl.keystore.type", TlsMaterial.STORE_TYPE);
        } else {
            p.put("sasl.mechanism", BrokerProperties.SCRAM_MECHANISM);
        }
        return Collections.unmodifiableMap(p);
    }

    /**
     * Shuts the broker down and waits until it has stopped. Keeps the data and the ports, so
     * {@link #restart()} can bring it back. Does nothing if it is not running.
     */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        try {
            shutdown(running);
        } catch (RuntimeException e) {
            throw new SitkitException("embedded Kafka broker at " + bootstrapServers()
                    + " did not shut down cleanly: " + e.getMessage(), e);
        }
        LOG.debug("embedded Kafka at {} stopped", bootstrapServers());
    }

    /**
     * Stops the broker if it is running, then starts it again on the same ports with the same
     * data (records, topics, committed offsets survive). Returns when it is ready for clients.
     *
     * @throws SitkitException if it did not start, e.g. because another process took its port;
     *                         the broker is then stopped and can still be closed
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("embedded Kafka broker at " + bootstrapServers()
                    + " is closed; start a new one with EmbeddedKafkaBroker.start(config)");
        }
        stop();
        try {
            boot(ports);
        } catch (RuntimeException | LinkageError e) {
            throw startFailure(dataDir, ports, e);
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

    private synchronized void startOnFreePorts() {
        boolean formattedBefore = isFormatted();
        for (int attempt = 1; ; attempt++) {
            Ports candidate = Ports.pickFree();
            try {
                boot(candidate);
                return;
            } catch (RuntimeException e) {
                if (!isBindFailure(e) || attempt == MAX_START_ATTEMPTS) {
                    throw attempt == 1 ? e : new SitkitException("embedded Kafka broker did not start in "
                            + attempt + " attempts with fresh ports; last failure: " + e.getMessage(), e);
                }
                LOG.debug("embedded Kafka could not bind {} (attempt {}), retrying with fresh ports",
                        candidate, attempt, e);
                if (!formattedBefore) {
                    wipeLogDir(e);
                }
            }
        }
    }

    /** One start on the given ports; leaves nothing running if it fails. */
    private void boot(Ports on) {
        long t0 = System.nanoTime();
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(
                BrokerProperties.of(config, logDir(), on, tls, brokerSecret), false);
        this.ports = on;
        if (!isFormatted()) {
            format();
        }
        KafkaRaftServer candidate = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            candidate.startup(); // blocks until the broker is unfenced, bounded by server.max.startup.time.ms
        } catch (RuntimeException | Error e) {
            try {
                shutdown(candidate);
            } catch (RuntimeException | Error shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        server = candidate;
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("embedded Kafka {} ready at {} ({}) in {} ms", AppInfoParser.getVersion(), bootstrapServers(),
                config.security().mode().protocol(), startupTime.toMillis());
    }

    private void format() {
        Path logDir = logDir();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setScramArguments(scramArguments())
                    .run();
        } catch (Exception e) {
            throw new SitkitException("could not format the Kafka log dir " + logDir + ": " + e.getMessage()
                    + "; check that the dir is writable and holds no data of another cluster", e);
        }
    }

    /** Generates TLS material in the data dir and reads or makes the broker's own SCRAM secret. */
    private void prepareSecurity() {
        if (!config.security().usesTls()) {
            return;
        }
        tls = TlsMaterial.generate(dataDir.resolve("tls"));
        if (config.security().mode() == EmbeddedKafkaSecurity.Mode.SASL_SCRAM_TLS) {
            brokerSecret = InterBrokerSecret.readOrCreate(dataDir.resolve("inter-broker.secret"));
        }
    }

    /** {@code SCRAM-SHA-512=[name=…,password=…]} per user, for the KRaft bootstrap records. */
    private List<String> scramArguments() {
        if (config.security().mode() != EmbeddedKafkaSecurity.Mode.SASL_SCRAM_TLS) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        Map<String, String> users = new TreeMap<>(config.security().users());
        users.put(BrokerProperties.BROKER_USER, brokerSecret);
        users.forEach((user, password) -> args.add(BrokerProperties.SCRAM_MECHANISM
                + "=[name=" + user + ",password=" + password + "]"));
        return args;
    }

    private static void shutdown(KafkaRaftServer s) {
        s.shutdown();
        s.awaitShutdown();
    }

    private boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    private Path logDir() {
        return dataDir.resolve(LOG_DIR_NAME);
    }

    private void wipeLogDir(RuntimeException context) {
        try {
            DataDirs.deleteRecursively(logDir());
        } catch (IOException e) {
            context.addSuppressed(e);
            throw context;
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
        return false;
    }

    private static SitkitException startFailure(Path dataDir, Ports ports, Throwable e) {
        String where = ports == null ? "" : " on ports " + ports.broker() + " (broker) and "
                + ports.controller() + " (controller)";
        String hint;
        if (e instanceof LinkageError) {
            hint = "add org.apache.kafka:kafka_2.13, kafka-metadata and kafka-server-common to the class path";
        } else if (isBindFailure(e)) {
            hint = "another process holds the port; stop it or start a new broker on fresh ports";
        } else if (e instanceof org.apache.kafka.common.config.ConfigException) {
            hint = "check the brokerProperties of the EmbeddedKafkaConfig";
        } else {
            hint = "see the cause and the Kafka log above";
        }
        return new SitkitException("embedded Kafka broker did not start" + where + " with data dir "
                + dataDir + ": " + e.getMessage() + "; " + hint, e);
    }
}
