package io.sitkit.kafka.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The server properties of one KRaft node (broker and controller) of an embedded cluster, tuned for
 * tests: with one node every replication factor is 1; with more, internal topics and default
 * replication factor are {@code min(3, nodes)}.
 *
 * <p>Thread-safety: stateless.
 */
final class BrokerProperties {
    /** The id of the first node; node {@code i} (0-based) has id {@code FIRST_NODE_ID + i}. */
    static final int FIRST_NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Room for the record batch header and record framing on top of the payload limit. */
    private static final int BATCH_OVERHEAD = 64 * 1024;
    private static final int DEFAULT_SOCKET_REQUEST_MAX_BYTES = 100 * 1024 * 1024;
    private static final long MIN_SEGMENT_BYTES = 64L * 1024 * 1024;

    /** {@code node.<id>.<key>}: a broker property for one node of a cluster, e.g. {@code node.2.advertised.listeners}. */
    private static final java.util.regex.Pattern PER_NODE = java.util.regex.Pattern.compile("node\\.(\\d+)\\.(.+)");

    private BrokerProperties() {
    }

    /** Properties of a node with a plain listener. */
    static Properties of(EmbeddedKafkaConfig config, Path logDir, int index, java.util.List<Ports> all) {
        return of(config, logDir, index, all, ListenerSecurity.plain());
    }

    /**
     * @param index    the node's 0-based index in {@code all}
     * @param all      the ports of every node of the cluster
     * @param security the stores and secrets of the client listener, the same on every node
     */
    static Properties of(EmbeddedKafkaConfig config, Path logDir, int index, java.util.List<Ports> all,
                         ListenerSecurity security) {
        Ports ports = all.get(index);
        Properties p = new Properties();
        String listener = config.security().listenerName();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(FIRST_NODE_ID + index));
        java.util.StringJoiner voters = new java.util.StringJoiner(",");
        for (int i = 0; i < all.size(); i++) {
            voters.add((FIRST_NODE_ID + i) + "@" + HOST + ":" + all.get(i).controller());
        }
        p.put("controller.quorum.voters", voters.toString());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", listener + "://" + HOST + ":" + ports.broker()
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + ports.controller());
        p.put("advertised.listeners", listener + "://" + HOST + ":" + ports.broker());
        p.put("listener.security.protocol.map",
                listener + ":" + config.security().mode().protocol() + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", listener);
        security.addBrokerProperties(p, listener);
        p.put("log.dirs", logDir.toString());
        p.put("server.max.startup.time.ms", String.valueOf(config.startupTimeout().toMillis()));

        // Fast internal topics: single-replica on one node, three replicas on a cluster.
        String replicas = String.valueOf(Math.min(3, all.size()));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        // Kafka's own heartbeat (2 s) and broker session (9 s) stay: with 500 ms and 6 s, a cluster's
        // restart or close hung now and then for the 5 minutes a broker waits for its controlled shutdown
        // (that wait is bounded now, and a cluster stops its brokers before its controllers: KafkaNode).

        // Topics.
        p.put("auto.create.topics.enable", String.valueOf(config.autoCreateTopics()));
        p.put("num.partitions", String.valueOf(config.defaultPartitions()));
        p.put("default.replication.factor", replicas);
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

        int id = FIRST_NODE_ID + index;
        config.brokerProperties().forEach((key, value) -> {
            java.util.regex.Matcher node = PER_NODE.matcher(key);
            if (!node.matches()) {
                p.put(key, value);
            } else if (Integer.parseInt(node.group(1)) == id) {
                p.put(node.group(2), value);
            }
        });
        return p;
    }
}
