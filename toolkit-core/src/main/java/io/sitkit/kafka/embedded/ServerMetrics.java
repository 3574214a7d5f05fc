package io.sitkit.kafka.embedded;

import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Releases what Kafka's servers leave in the JVM-wide Yammer registry
 * ({@link KafkaYammerMetrics#defaultRegistry()}, mirrored to JMX) once the last embedded node of
 * this JVM has stopped.
 *
 * <p>A node's shutdown closes its logs and partitions but leaves their gauges registered (Kafka
 * removes them only when a topic is deleted): about eleven per partition ({@code kafka.log:type=Log}
 * {@code Size}, {@code LogEndOffset}, …, {@code kafka.cluster:type=Partition} {@code UnderReplicated},
 * …), each holding on to the closed {@code UnifiedLog} or {@code Partition} and everything those
 * reference. A JVM that starts embedded brokers again and again with fresh topics kept about
 * 27 KiB per topic, and a restarted node's new gauges were shadowed by the stale ones of the same
 * name. Kafka's own test harness clears the registry after each test for the same reason.
 *
 * <p>The registry is shared by every server in the JVM, so metrics are removed only when no
 * embedded node runs any more, and only those registered since the first of the running nodes
 * started (metrics already there, e.g. of a broker sitkit did not start, are kept).
 *
 * <p>Thread-safety: thread-safe; the calls are serialised on a JVM-wide lock.
 */
final class ServerMetrics {
    private static final Object LOCK = new Object();
    private static int running;
    private static Set<MetricName> before = Set.of();

    private ServerMetrics() {
    }

    /** Called before a node is made; the first of the running nodes remembers the registry's metrics. */
    static void nodeStarting() {
        synchronized (LOCK) {
            if (running++ == 0) {
                before = Set.copyOf(registry().allMetrics().keySet());
            }
        }
    }

    /**
     * Called once a node has shut down (or failed to start); the last one removes the metrics
     * registered since the first started.
     *
     * @return how many metrics were removed
     */
    static int nodeStopped() {
        synchronized (LOCK) {
            if (running == 0 || --running > 0) {
                return 0;
            }
            MetricsRegistry registry = registry();
            List<MetricName> added = new ArrayList<>(registry.allMetrics().keySet());
            added.removeAll(before);
            added.forEach(registry::removeMetric);
            before = Set.of();
            return added.size();
        }
    }

    private static MetricsRegistry registry() {
        return KafkaYammerMetrics.defaultRegistry();
    }
}
