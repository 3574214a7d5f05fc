package io.sitkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that keeps running beside the measured one — the brokers of the {@code inspector}
 * suite, so the inspector's JVM holds only the inspector. It reports {@code @bench} facts on
 * stdout (read on a daemon thread) and takes one command per line on stdin; closing stdin asks it
 * to stop.
 *
 * <pre>{@code
 * try (ServiceJvm brokers = ServiceJvm.start(List.of(), BrokerHost.class, List.of(), log)) {
 *     String bootstrap = brokers.awaitFact("bootstrap", Duration.ofMinutes(3));
 *     brokers.send("produce topic 10000 200000");
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #send} and {@link #awaitFact} may be called from any thread; {@link #close()} is
 * idempotent and waits a bounded time before killing the process.
 */
final class ServiceJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Writer stdin;
    private final Map<String, String> facts = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private volatile boolean ended;
    private boolean closed;

    private ServiceJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "bench-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ServiceJvm start(List<String> jvmFlags, Class<?> main, List<String> args, Path log) {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(jvmFlags, main, args))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new ServiceJvm(main.getSimpleName(), pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + main.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(Probe.FACT)) {
                    String[] kv = line.substring(Probe.FACT.length()).split(" ", 2);
                    facts.put(kv[0], kv.length > 1 ? kv[1] : "");
                } else if (line.startsWith(Probe.PROGRESS)) {
                    Bench.progress("%s", line.substring(Probe.PROGRESS.length()));
                }
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; awaitFact reports it
        } finally {
            ended = true;
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    /** Waits for fact {@code key} and returns its value. */
    String awaitFact(String key, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (changed) {
            while (!facts.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new IllegalStateException(name + (ended ? " ended" : " did not report '" + key + "' within " + within)
                            + " before reporting '" + key + "'; facts so far: " + facts);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(changed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + name, e);
                }
            }
            return facts.get(key);
        }
    }

    /** Sends one command line. */
    synchronized void send(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " does not take commands any more: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
