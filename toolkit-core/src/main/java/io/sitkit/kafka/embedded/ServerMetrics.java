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
 * removes them only when a topic is deleted): eleven per partition ({@code kafka.log:type=Log}
 * {@code Size}, {@code LogEndOffset}, {@code LogStartOffset}, {@code NumLogSegments},
 * {@code RetentionSizeInPercent}; {@code kafka.cluster:type=Partition} {@code UnderReplicated},
 * {@code InSyncReplicasCount}, …), each holding on to the closed {@code UnifiedLog} or
 * {@code Partition} and everything those reference. A JVM that started embedded brokers again and
 * again with fresh topics kept up to 47 KiB per topic, and a restarted node's new gauges were shadowed
 * by the stale ones of the same name (its {@code LogEndOffset} stayed at the value of the stopped
 * log). Kafka's own test harness clears the registry after each test for the same reason.
 *
 * <p>The registry is shared by every server in the JVM, so metrics are removed only when no
 * embedded node runs any more, and only those registered since the first of the running nodes
 * started (metrics already there, e.g. of a broker sitkit did not start, are kept). The metrics of
 * Kafka's JVM-wide singletons ({@link #SINGLETONS}) stay too: they are registered once, when their
 * class loads, so a later broker would not register them again; they hold no broker's state.
 *
 * <p>Thread-safety: thread-safe; the calls are serialised.
 */
final class ServerMetrics {
    /** The one for Kafka's JVM-wide registry, which every embedded node uses. */
    static final ServerMetrics JVM = new ServerMetrics(KafkaYammerMetrics.defaultRegistry());

    /**
     * MBean names of metrics held in static fields of Kafka's classes ({@code LogSegment}'s flush
     * timer, with its 1,028-sample reservoir; {@code DelayedProduceMetrics}' meter).
     */
    static final Set<String> SINGLETONS = Set.of("kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs",
            "kafka.server:type=DelayedProduceMetrics,name=ExpiresPerSec");

    private final MetricsRegistry registry;
    private int running;
    private Set<MetricName> before = Set.of();

    ServerMetrics(MetricsRegistry registry) {
        this.registry = registry;
    }

    /** Called before a node is made; the first of the running nodes remembers the registry's metrics. */
    synchronized void nodeStarting() {
        if (running++ == 0) {
            before = Set.copyOf(registry.allMetrics().keySet());
        }
    }

    /**
     * Called once a node has shut down (or failed to start); the last one removes the metrics
     * registered since the first started, except the {@link #SINGLETONS}.
     *
     * @return how many metrics were removed
     */
    synchronized int nodeStopped() {
        if (running == 0 || --running > 0) {
            return 0;
        }
        List<MetricName> added = new ArrayList<>(registry.allMetrics().keySet());
        added.removeAll(before);
        added.removeIf(name -> SINGLETONS.contains(name.getMBeanName()));
        added.forEach(registry::removeMetric);
        before = Set.of();
        return added.size();
    }
}
