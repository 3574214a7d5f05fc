package io.sitkit.kafka.embedded;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerMetricsTest {
    private final MetricsRegistry registry = new MetricsRegistry();
    private final ServerMetrics metrics = new ServerMetrics(registry);

    private MetricName gauge(String topic) {
        MetricName name = new MetricName("kafka.log", "Log", "Size", "topic." + topic);
        registry.newGauge(name, new Gauge<Long>() {
            @Override
            public Long value() {
                return 0L;
            }
        });
        return name;
    }

    @Test
    void the_last_node_to_stop_removes_what_the_nodes_registered_and_keeps_what_was_there_before() {
        MetricName foreign = gauge("of-another-broker");
        metrics.nodeStarting();
        MetricName first = gauge("orders");
        metrics.nodeStarting();
        MetricName second = gauge("payments");

        assertThat(metrics.nodeStopped()).as("removed while a node still runs").isZero();
        assertThat(registry.allMetrics()).containsKeys(foreign, first, second);

        assertThat(metrics.nodeStopped()).as("removed by the last node").isEqualTo(2);
        assertThat(registry.allMetrics().keySet()).containsExactly(foreign);
    }

    @Test
    void the_metrics_of_kafkas_static_singletons_stay_for_the_next_broker() {
        metrics.nodeStarting();
        // named as Kafka names it (KafkaMetricsGroup gives the MBean name explicitly)
        MetricName flushTimer = new MetricName("kafka.log", "LogFlushStats", "LogFlushRateAndTimeMs", null,
                "kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs");
        registry.newTimer(flushTimer, java.util.concurrent.TimeUnit.MILLISECONDS, java.util.concurrent.TimeUnit.SECONDS);
        gauge("orders");

        assertThat(metrics.nodeStopped()).isEqualTo(1);
        assertThat(registry.allMetrics().keySet()).containsExactly(flushTimer);
    }

    @Test
    void a_new_first_node_remembers_the_registry_afresh() {
        metrics.nodeStarting();
        gauge("orders");
        metrics.nodeStopped();
        MetricName between = gauge("registered-between-runs");

        metrics.nodeStarting();
        gauge("payments");
        assertThat(metrics.nodeStopped()).isEqualTo(1);

        assertThat(registry.allMetrics().keySet()).containsExactly(between);
    }

    @Test
    void a_stop_without_a_start_removes_nothing_and_does_not_count_below_zero() {
        MetricName kept = gauge("orders");

        assertThat(metrics.nodeStopped()).isZero();
        metrics.nodeStarting();
        MetricName added = gauge("payments");

        assertThat(registry.allMetrics()).containsKey(added);
        assertThat(metrics.nodeStopped()).isEqualTo(1);
        assertThat(registry.allMetrics().keySet()).containsExactly(kept);
    }
}
