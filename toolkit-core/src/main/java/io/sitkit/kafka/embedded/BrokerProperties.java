package io.sitkit.kafka.embedded;

import io.sitkit.tls.TlsMaterial;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The server properties of a single-node KRaft broker tuned for tests.
 *
 * <p>Thread-safety: stateless.
 */
final class BrokerProperties {
    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** The SCRAM user the broker authenticates as on its own listener. */
    static final String BROKER_USER = "sitkit-broker";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** Room for the record batch header and record framing on top of the payload limit. */
    private static final int BATCH_OVERHEAD = 64 * 1024;
    private static final int DEFAULT_SOCKET_REQUEST_MAX_BYTES = 100 * 1024 * 1024;
    private static final long MIN_SEGMENT_BYTES = 64L * 1024 * 1024;

    private BrokerProperties() {
    }

    static Properties of(EmbeddedKafkaConfig config, Path logDir, Ports ports) {
        return of(config, logDir, ports, null, null);
    }

    /**
     * @param tls          the broker's key and trust stores; {@code null} when the listener is plain
     * @param brokerSecret the SCRAM password of the broker's own inter-broker user ({@link #BROKER_USER})
     */
    static Properties of(EmbeddedKafkaConfig config, Path logDir, Ports ports, TlsMaterial tls, String brokerSecret) {
        Properties p = new Properties();
        String listener = config.security().listenerName();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + ports.controller());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", listener + "://" + HOST + ":" + ports.broker()
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + ports.controller());
        p.put("advertised.listeners", listener + "://" + HOST + ":" + ports.broker());
        p.put("listener.security.protocol.map",
                listener + ":" + config.security().mode().protocol() + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", listener);
        if (tls != null) {
            secure(p, config.security(), listener, tls, brokerSecret);
        }
        p.put("log.dirs", logDir.toString());
        p.put("server.max.startup.time.ms", String.valueOf(config.startupTimeout().toMillis()));

        // Fast, single-replica internal topics.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "5");

        // Topics.
        p.put("auto.create.topics.enable", String.valueOf(config.autoCreateTopics()));
        p.put("num.partitions", String.valueOf(config.defaultPartitions()));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");

        // Sizes: large messages in, small footprint otherwise.
        int batchBytes = config.maxMessageBytes() + BATCH_OVERHEAD;
        p.put("message.max.bytes", String.valueOf(batchBytes));
        p.put("replica.fetch.max.bytes", String.valueOf(batchBytes));
        p.put("socket.request.max.bytes",
                String.valueOf(Math.max(DEFAULT_SOCKET_REQUEST_MAX_BYTES, batchBytes + BATCH_OVERHEAD)));
        p.put("log.segment.bytes",
                String.valueOf(Math.min(Integer.MAX_VALUE, Math.max(MIN_SEGMENT_BYTES, 2L * batchBytes))));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");

        config.brokerProperties().forEach(p::put);
        return p;
    }

    private static void secure(Properties p, EmbeddedKafkaSecurity security, String listener, TlsMaterial tls,
                               String brokerSecret) {
        String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
        p.put(prefix + "ssl.keystore.location", tls.serverKeyStore().toString());
        p.put(prefix + "ssl.keystore.password", tls.password());
        p.put(prefix + "ssl.key.password", tls.password());
        p.put(prefix + "ssl.keystore.type", TlsMaterial.STORE_TYPE);
        p.put(prefix + "ssl.truststore.location", tls.trustStore().toString());
        p.put(prefix + "ssl.truststore.password", tls.password());
        p.put(prefix + "ssl.truststore.type", TlsMaterial.STORE_TYPE);
        p.put("ssl.endpoint.identification.algorithm", "https");
        if (security.mode() == EmbeddedKafkaSecurity.Mode.MUTUAL_TLS) {
            p.put(prefix + "ssl.client.auth", "required");
        } else {
            String mech = SCRAM_MECHANISM.toLowerCase(java.util.Locale.ROOT);
            p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put(prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            p.put(prefix + mech + ".sasl.jaas.config", scramJaas(BROKER_USER, brokerSecret));
        }
    }

    /** A JAAS line for a SCRAM client; the password is quoted as JAAS wants. */
    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
