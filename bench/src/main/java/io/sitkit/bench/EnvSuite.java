package io.sitkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code env}: cold start of the embedded Kafka, ActiveMQ and both, from the fork of a fresh JVM
 * to a message round-tripped on each broker; and warm restart in a JVM that has started one before.
 *
 * <p>The headline figures ({@code kafka_cold_ms}, {@code activemq_cold_ms}, {@code both_cold_ms})
 * use a plain {@code java -cp} with no option at all: what a user's test JVM gets by default.
 * Variants that need JVM options (AppCDS, sitkit's own Surefire argLine) are reported under their
 * own, labelled names and never replace the headline. All modes and variants run interleaved,
 * round by round, so a noisy neighbour hits them alike.
 *
 * <p>Thread-safety: confined to the driver's thread.
 */
final class EnvSuite implements Suite {
    static final double BOTH_COLD_TARGET_MS = 1500;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);

    private final int runs = Integer.getInteger("bench.env.runs", 5);

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String description() {
        return "cold start (fresh JVM -> message round-tripped) of embedded Kafka, ActiveMQ, both; warm restart";
    }

    /** One way of starting a child JVM: which brokers, which JVM options, under which metric name. */
    private record Variant(String metric, Brokers brokers, List<String> flags) {
    }

    @Override
    public SuiteResult run(Workspace ws) {
        List<String> argLine = surefireArgLine();
        Path cds = ws.scratch().resolve("both-default.jsa");
        Path cdsArgLine = ws.scratch().resolve("both-argline.jsa");
        dumpArchive(ws, cds, List.of());
        dumpArchive(ws, cdsArgLine, argLine);
        List<Variant> variants = List.of(
                new Variant("kafka_cold_ms", Brokers.KAFKA, List.of()),
                new Variant("activemq_cold_ms", Brokers.ACTIVEMQ, List.of()),
                new Variant("both_cold_ms", Brokers.BOTH, List.of()),
                new Variant("both_cold_appcds_ms", Brokers.BOTH, List.of("-XX:SharedArchiveFile=" + cds)),
                new Variant("both_cold_surefire_argline_ms", Brokers.BOTH, argLine),
                new Variant("both_cold_appcds_argline_ms", Brokers.BOTH,
                        concat(argLine, List.of("-XX:SharedArchiveFile=" + cdsArgLine))));
        Map<Variant, List<ChildJvm.Run>> byVariant = new LinkedHashMap<>();
        variants.forEach(v -> byVariant.put(v, new ArrayList<>()));
        for (int r = 1; r <= runs; r++) {
            for (Variant v : variants) {
                ChildJvm.Run run = ChildJvm.run(v.flags(), ColdStartProbe.class, List.of(v.brokers().label()), ws.log(), CHILD_TIMEOUT);
                byVariant.get(v).add(run);
                Bench.progress("env: round %d/%d %-30s %5d ms", r, runs, v.metric(), run.millisToFact("ready"));
            }
        }
        List<Metric> metrics = new ArrayList<>();
        byVariant.forEach((v, list) -> {
            Metric m = Metric.median(v.metric(), list.stream().map(run -> (double) run.millisToFact("ready")).toList(), "ms");
            metrics.add(v.metric().equals("both_cold_ms") ? m.withTarget(BOTH_COLD_TARGET_MS) : m);
        });
        metrics.addAll(breakdown("both", byVariant.get(variants.get(2))));
        metrics.addAll(breakdown("both_appcds", byVariant.get(variants.get(3))));
        metrics.addAll(warm(ws));
        metrics.addAll(ClassLoadProfile.of(ws, Brokers.BOTH, CHILD_TIMEOUT).metrics());
        return new SuiteResult(name(), metrics);
    }

    /** Where the cold time of one variant went, as medians over its runs. */
    private static List<Metric> breakdown(String prefix, List<ChildJvm.Run> runs) {
        List<Metric> out = new ArrayList<>();
        out.add(Metric.median(prefix + "_fork_to_main_ms", runs.stream().map(r -> (double) r.millisToFact("main")).toList(), "ms"));
        for (String fact : List.of("kafka_broker_ms", "activemq_broker_ms", "kafka_rt_ms", "kafka_rt_publish_ms", "jms_rt_ms", "cpu_ms", "jit_ms", "gc_ms")) {
            out.add(Metric.median(prefix + "_" + fact.replace("_rt_", "_roundtrip_"), runs.stream().map(r -> r.number(fact)).toList(), "ms"));
        }
        out.add(Metric.median(prefix + "_brokers_started_ms", runs.stream().map(r -> r.number("env")).toList(), "ms"));
        out.add(Metric.median(prefix + "_classes_loaded", runs.stream().map(r -> r.number("classes")).toList(), "count"));
        return out;
    }

    private List<Metric> warm(Workspace ws) {
        List<Metric> out = new ArrayList<>();
        for (Brokers b : List.of(Brokers.KAFKA, Brokers.BOTH)) {
            ChildJvm.Run run = ChildJvm.run(List.of(), WarmRestartProbe.class, List.of(b.label(), String.valueOf(runs)), ws.log(), CHILD_TIMEOUT);
            out.add(Metric.median(b.label() + "_warm_restart_ms", series(run, "warm_"), "ms"));
            if (b == Brokers.KAFKA) {
                out.add(Metric.median("kafka_broker_restart_ms", series(run, "restart_"), "ms"));
            }
            Bench.progress("env: warm %s %s", b.label(), run.facts());
        }
        return out;
    }

    private static List<Double> series(ChildJvm.Run run, String prefix) {
        return run.facts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> Double.parseDouble(e.getValue())).toList();
    }

    private static void dumpArchive(Workspace ws, Path archive, List<String> flags) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm.run(concat(flags, List.of("-XX:ArchiveClassesAtExit=" + archive)), ColdStartProbe.class,
                List.of(Brokers.BOTH.label()), ws.log(), CHILD_TIMEOUT);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the JVM wrote no AppCDS archive at " + archive + "; see " + ws.log());
        }
        Bench.progress("env: AppCDS archive %s written (%d MiB)", archive.getFileName(), archive.toFile().length() >> 20);
    }

    /** sitkit's own Surefire JVM options, as the root pom declares them. */
    static List<String> surefireArgLine() {
        Properties p = new Properties();
        try (InputStream in = EnvSuite.class.getResourceAsStream("/bench.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bench.properties is missing from the class path; rebuild with bench/run", e);
        }
        return Arrays.stream(p.getProperty("surefire.argLine").trim().split("\\s+")).toList();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
