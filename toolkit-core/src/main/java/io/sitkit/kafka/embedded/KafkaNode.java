package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One KRaft node (broker and controller) of an {@link EmbeddedKafkaBroker}: its log dir, its
 * server while it runs, formatting, start and stop.
 *
 * <p>Thread-safety: {@link #isRunning()} from any thread; the rest is called under the owning
 * broker's lock (different nodes may start and stop in parallel).
 */
final class KafkaNode {
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

    void format(String clusterId) {
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
                    .run();
        } catch (Exception e) {
            throw new SitkitException("could not format the Kafka log dir " + logDir + ": " + e.getMessage()
                    + "; check that the dir is writable and holds no data of another cluster", e);
        }
    }

    /** Starts the node; blocks until its broker is unfenced. Leaves nothing running if it fails. */
    void boot(EmbeddedKafkaConfig config, List<Ports> all) {
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(BrokerProperties.of(config, logDir, index, all), false);
        KafkaRaftServer candidate = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            candidate.startup(); // bounded by server.max.startup.time.ms
        } catch (RuntimeException | Error e) {
            try {
                shutdown(candidate);
            } catch (RuntimeException | Error shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        server = candidate;
    }

    /** Shuts the node down and waits; does nothing if it is not running. */
    void stop() {
        KafkaRaftServer running = server;
        if (running != null) {
            server = null;
            shutdown(running);
        }
    }

    void wipe() throws IOException {
        DataDirs.deleteRecursively(logDir);
    }

    private static void shutdown(KafkaRaftServer s) {
        s.shutdown();
        s.awaitShutdown();
    }
}
