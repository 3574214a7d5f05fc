package io.sitkit.bench;

import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.EmbeddedEnvironmentProvider;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Child main of the {@code env} suite: starts the embedded environment exactly as a user's test
 * does ({@link EmbeddedEnvironmentProvider} with only {@code sitkit.kafka.enabled} /
 * {@code sitkit.jms.enabled} set), round-trips one message on each broker, and reports:
 * <ul>
 *   <li>{@code main}, {@code env}, {@code ready}: facts whose arrival times the suite takes as
 *       "JVM started → main", "→ brokers started" and "→ a message went through each broker";</li>
 *   <li>after {@code ready}, where the time went: each broker's own start, each round trip,
 *       classes loaded, CPU, JIT and GC time.</li>
 * </ul>
 * Management beans are touched only after {@code ready}, so they do not slow the start.
 *
 * <p>Usage: {@code ColdStartProbe kafka|activemq|both}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        Probe.fact("main", System.currentTimeMillis());
        Brokers brokers = Brokers.parse(args[0]);
        long t0 = System.nanoTime();
        long kafkaRt = 0;
        long kafkaPublish = 0;
        long jmsRt = 0;
        EmbeddedEnvironment env = (EmbeddedEnvironment) new EmbeddedEnvironmentProvider().start(brokers.config());
        try (env; Bus bus = env.openBus()) {
            Probe.fact("env", Probe.millisSince(t0));
            long t1 = System.nanoTime();
            if (brokers.kafka) {
                RoundTrip.kafkaPublish(bus, "bench-ready");
                kafkaPublish = Probe.millisSince(t1);
                RoundTrip.kafkaCaptureBack(bus, "bench-ready");
                kafkaRt = Probe.millisSince(t1);
            }
            long t2 = System.nanoTime();
            if (brokers.jms) {
                RoundTrip.jms(bus, "bench.ready");
                jmsRt = Probe.millisSince(t2);
            }
            Probe.fact("ready", Probe.millisSince(t0));
            Probe.fact("kafka_rt_ms", kafkaRt);
            Probe.fact("kafka_rt_publish_ms", kafkaPublish);
            Probe.fact("jms_rt_ms", jmsRt);
            Probe.fact("kafka_broker_ms", env.kafkaBroker().map(b -> b.startupTime().toMillis()).orElse(0L));
            Probe.fact("activemq_broker_ms", env.activeMqBroker().map(b -> b.startupTime().toMillis()).orElse(0L));
            reportJvm();
        }
        Probe.fact("closed", Probe.millisSince(t0));
        System.exit(0);
    }

    static void reportJvm() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        Probe.fact("jvm_start_epoch", runtime.getStartTime());
        Probe.fact("jvm_uptime_ms", runtime.getUptime());
        Probe.fact("classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            Probe.fact("cpu_ms", os.getProcessCpuTime() / 1_000_000);
        }
        Probe.fact("jit_ms", ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        Probe.fact("gc_ms", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum());
    }
}
