package io.sitkit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe in a fresh JVM on this JVM's class path and collects what it reports. The launch
 * instant is taken just before the process is forked, so "time to fact X" covers the JVM's own
 * start-up too.
 *
 * <pre>{@code
 * ChildJvm.Run run = ChildJvm.run(List.of(), ColdStartProbe.class, List.of("both"), log, Duration.ofMinutes(2));
 * long coldMs = run.millisToFact("ready");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * What a child reported.
     *
     * @param facts         {@code @bench} facts, by key
     * @param factNanos     when each fact's line arrived, in nanoseconds after the fork
     * @param metrics       {@code @metric} lines, in order
     * @param launchEpochMs wall-clock time of the fork
     */
    record Run(Map<String, String> facts, Map<String, Long> factNanos, List<Metric> metrics, long launchEpochMs) {
        long millisToFact(String key) {
            Long n = factNanos.get(key);
            if (n == null) {
                throw new IllegalStateException("the probe never reported '" + key + "'; facts: " + facts);
            }
            return n / 1_000_000;
        }

        double number(String key) {
            String v = facts.get(key);
            if (v == null) {
                throw new IllegalStateException("the probe never reported '" + key + "'; facts: " + facts);
            }
            return Double.parseDouble(v);
        }
    }

    static Run run(List<String> jvmFlags, Class<?> main, List<String> args, Path log, Duration timeout) {
        return run(jvmFlags, main, args, log, timeout, (k, v) -> { });
    }

    /** As {@link #run(List, Class, List, Path, Duration)}, handing each fact to {@code onFact} as it arrives (on this thread). */
    static Run run(List<String> jvmFlags, Class<?> main, List<String> args, Path log, Duration timeout,
                   java.util.function.BiConsumer<String, String> onFact) {
        List<String> cmd = command(jvmFlags, main, args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        List<Metric> metrics = new ArrayList<>();
        long launchEpoch = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd.get(0) + ": " + e.getMessage(), e);
        }
        // A hung child must not hang the run: kill it at the deadline, which also ends the read loop.
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(
                p::destroyForcibly, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                long at = System.nanoTime() - t0;
                if (line.startsWith(Probe.FACT)) {
                    String[] kv = line.substring(Probe.FACT.length()).split(" ", 2);
                    facts.put(kv[0], kv.length > 1 ? kv[1] : "");
                    nanos.put(kv[0], at);
                    onFact.accept(kv[0], facts.get(kv[0]));
                } else if (line.startsWith(Probe.PROGRESS)) {
                    Bench.progress("%s", line.substring(Probe.PROGRESS.length()));
                } else if (line.startsWith(Probe.METRIC)) {
                    metrics.add(Probe.Json.MAPPER.readValue(line.substring(Probe.METRIC.length()), Metric.class));
                }
            }
            p.waitFor();
            if (watchdog.isDone()) {
                throw new IllegalStateException(main.getSimpleName() + " " + args + " did not end within " + timeout
                        + " and was killed; see " + log);
            }
            watchdog.cancel(false);
        } catch (JsonProcessingException e) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " printed a malformed metric: " + e.getMessage(), e);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("lost the output of " + main.getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + main.getSimpleName(), e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + args + " " + jvmFlags + " exited with "
                    + p.exitValue() + "; facts so far: " + facts + "; see " + log);
        }
        return new Run(facts, nanos, metrics, launchEpoch);
    }

    /** {@code java <flags> -cp <this class path> <main> <args>}. */
    static List<String> command(List<String> jvmFlags, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }
}
