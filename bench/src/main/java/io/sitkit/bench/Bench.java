package io.sitkit.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver {@code bench/run} starts: runs the named suites (all when none is named), each of
 * which forks its own fresh JVMs, prints one table, and writes {@code <results>/<suite>.json}.
 *
 * <p>Usage: {@code Bench <results-dir> <scratch-dir> [suite…]}; exit code 2 for an unknown suite,
 * 1 if a suite failed to run. Missed targets are reported in the table, not in the exit code.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class Bench {
    static final List<Suite> SUITES = List.of(new EnvSuite(), new ThroughputSuite(), new CorrelationSuite(), new LatencySuite(),
            new JunitSuite(), new StubsSuite(), new RecordingSuite(), new InspectorSuite());

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Bench <results-dir> <scratch-dir> [suite...]");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        List<Suite> chosen = choose(List.of(args).subList(2, args.length));
        Files.createDirectories(results);
        Files.createDirectories(scratch);
        Map<String, SuiteResult> done = new LinkedHashMap<>();
        for (Suite s : chosen) {
            Path log = scratch.resolve(s.name() + "-children.log");
            Files.deleteIfExists(log);
            progress("%s: %s (child JVM logs: %s)", s.name(), s.description(), log);
            long t0 = System.nanoTime();
            SuiteResult r;
            try {
                r = s.run(new Suite.Workspace(scratch, results, log));
            } catch (RuntimeException e) {
                System.err.println("bench: suite '" + s.name() + "' failed: " + e.getMessage());
                e.printStackTrace();
                System.exit(1);
                return;
            }
            write(results.resolve(s.name() + ".json"), r);
            done.put(s.name(), r);
            progress("%s: done in %d s", s.name(), Probe.millisSince(t0) / 1000);
        }
        System.out.println();
        System.out.print(Table.render(done.values()));
        done.keySet().forEach(n -> System.out.println("wrote " + results.resolve(n + ".json")));
    }

    private static List<Suite> choose(List<String> names) {
        if (names.isEmpty()) {
            return SUITES;
        }
        List<Suite> out = new ArrayList<>();
        for (String n : names) {
            Suite s = SUITES.stream().filter(x -> x.name().equals(n)).findFirst().orElse(null);
            if (s == null) {
                System.err.println("bench: unknown suite '" + n + "'; suites: "
                        + SUITES.stream().map(Suite::name).toList());
                System.exit(2);
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static void write(Path file, SuiteResult r) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Probe.Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), r);
        Files.writeString(tmp, "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A progress line on stderr, so stdout stays the table. */
    static void progress(String format, Object... args) {
        System.err.println("  . " + String.format(format, args));
    }
}
