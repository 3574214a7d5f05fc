package io.sitkit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inspector}: the desktop inspector on headless JavaFX against a topic of 1,000,000
 * messages — pages opened at random offsets until their rows are rendered, and a live tail at
 * 10,000 messages/s (longest FX-thread stall, heap). The brokers run in a JVM of their own
 * ({@link BrokerHost}), the inspector in another ({@link InspectorProbe}), so the inspector's heap
 * is its own.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class InspectorSuite implements Suite {
    static final String PAGES = "bench.inspector.pages";
    static final String TAIL = "bench.inspector.tail";
    static final int TAIL_RATE = 10_000;
    /** The system properties of toolkit-fx's UI tests: Monocle's headless glass, software rendering. */
    static final List<String> HEADLESS = List.of("-Dtestfx.robot=glass", "-Dtestfx.headless=true", "-Dprism.order=sw",
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.lcdtext=false");

    @Override
    public String name() {
        return "inspector";
    }

    @Override
    public String description() {
        return "inspector on headless JavaFX: random pages of a 1,000,000-message topic until rendered; live tail at 10,000 msg/s";
    }

    /** The 1-minute load average of the machine (runnable threads, all processes; this VM has 2 cores). */
    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    @Override
    public SuiteResult run(Workspace ws) {
        long messages = Long.getLong("bench.inspector.messages", 1_000_000L);
        long tailed = TAIL_RATE * Long.getLong("bench.inspector.tail-seconds", 20L);
        List<String> flags = new ArrayList<>(HEADLESS);
        flags.add("-Djavafx.cachedir=" + ws.scratch().resolve("javafx-cache"));
        flags.add("-Dbench.inspector.warmups=" + Integer.getInteger("bench.inspector.warmups", 10));
        flags.add("-Dbench.inspector.pages=" + Integer.getInteger("bench.inspector.pages", 100));
        String extra = System.getProperty("bench.inspector.jvm-flags", "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        double loadBefore = load();
        try (ServiceJvm brokers = ServiceJvm.start(List.of(), BrokerHost.class, List.of(PAGES, Long.toString(messages), TAIL), ws.log())) {
            String bootstrap = brokers.awaitFact("bootstrap", Duration.ofMinutes(10));
            ChildJvm.Run run = ChildJvm.run(flags, InspectorProbe.class,
                    List.of(bootstrap, PAGES, Long.toString(messages), TAIL, Long.toString(tailed)), ws.log(), Duration.ofMinutes(10),
                    (fact, value) -> {
                        if (fact.equals("tailing")) {
                            brokers.send("produce " + TAIL + " " + TAIL_RATE + " " + tailed);
                        }
                    });
            String[] produced = brokers.awaitFact("produced", Duration.ofMinutes(2)).split(" ");
            List<Metric> metrics = new ArrayList<>(run.metrics());
            metrics.add(Metric.of("tail_publish_rate", Double.parseDouble(produced[0]) / Double.parseDouble(produced[1]), "msgs/s"));
            // Both figures are about the FX thread getting a core in time: a busy machine shows in them first.
            metrics.add(Metric.of("machine_load_before", loadBefore, "load"));
            metrics.add(Metric.of("machine_load_after", load(), "load"));
            return new SuiteResult(name(), metrics);
        }
    }
}
