package io.sitkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes a cold start loads and from where: one child JVM run with
 * {@code -Xlog:class+load}, summarised per source (the JDK's CDS archive, the JDK's modules, each
 * application jar) into {@code env-profile.txt} next to the suite's JSON.
 *
 * <p>Thread-safety: immutable once built.
 *
 * @param bySource classes loaded per source, largest first
 * @param brokers  the mode that was profiled
 */
record ClassLoadProfile(Map<String, Integer> bySource, Brokers brokers) {
    private static final Pattern LINE = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: (.+)$");

    static ClassLoadProfile of(Suite.Workspace ws, Brokers brokers, Duration timeout) {
        Path log = ws.scratch().resolve("classload-" + brokers.label() + ".log");
        try {
            Files.deleteIfExists(log);
            ChildJvm.run(List.of("-Xlog:class+load=info:file=" + log), ColdStartProbe.class, List.of(brokers.label()), ws.log(), timeout);
            Map<String, Integer> counts = new TreeMap<>();
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(l -> {
                    Matcher m = LINE.matcher(l);
                    if (m.find()) {
                        counts.merge(source(m.group(2)), 1, Integer::sum);
                    }
                });
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            ClassLoadProfile profile = new ClassLoadProfile(sorted, brokers);
            Files.writeString(ws.results().resolve("env-profile.txt"), profile.render());
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot profile class loading into " + log, e);
        }
    }

    private static String source(String raw) {
        if (raw.startsWith("shared objects file")) {
            return "jdk (CDS archive)";
        }
        if (raw.startsWith("jrt:/")) {
            return "jdk (modules, not archived)";
        }
        if (!raw.startsWith("file:") && !raw.startsWith("jar:")) {
            return "generated (lambdas, proxies, hidden classes)";
        }
        return raw.substring(raw.lastIndexOf('/') + 1);
    }

    int total() {
        return bySource.values().stream().mapToInt(Integer::intValue).sum();
    }

    int fromJdk() {
        return bySource.entrySet().stream().filter(e -> e.getKey().startsWith("jdk")).mapToInt(Map.Entry::getValue).sum();
    }

    List<Metric> metrics() {
        String p = brokers.label();
        return List.of(Metric.of(p + "_classes_from_jdk", fromJdk(), "count"),
                Metric.of(p + "_classes_from_app_jars", total() - fromJdk(), "count"));
    }

    String render() {
        List<String> out = new ArrayList<>();
        out.add("Classes loaded by one cold start (" + brokers.label() + ", fresh JVM, no options), by source");
        out.add("(-Xlog:class+load; written by bench/run env)");
        out.add("");
        bySource.forEach((k, v) -> out.add(String.format("%6d  %s", v, k)));
        out.add(String.format("%6d  total", total()));
        return String.join("\n", out) + "\n";
    }
}
