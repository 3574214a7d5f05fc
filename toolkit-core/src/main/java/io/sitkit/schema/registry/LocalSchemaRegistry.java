package io.sitkit.schema.registry;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A local Apicurio Registry (in-memory storage) in a child JVM on a free loopback port, for tests
 * of schema-registry clients and of systems that use one. It speaks the Confluent API at
 * {@link #confluentUrl()}.
 *
 * <pre>{@code
 * try (LocalSchemaRegistry registry = LocalSchemaRegistry.start(Path.of("target/apicurio"), Path.of("target/apicurio.log"),
 *         Duration.ofSeconds(60))) {
 *     SchemaRegistryClient client = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));
 * }
 * }</pre>
 *
 * <p>{@code home} is an unpacked {@code io.apicurio:apicurio-registry-app:3.0.9:tar.gz:all} (a
 * Quarkus {@code *-runner.jar} and its {@code lib}); the build unpacks it for sitkit's own tests.
 * It is started with the {@code java} of {@code java.home}, bound to {@code 127.0.0.1}, its output
 * written to the given log file (replacing an earlier one). Readiness is awaited by probing the
 * Confluent API, with growing pauses between probes (50 ms up to 500 ms) and a deadline; if the
 * process ends first or the deadline passes, the process is stopped and the error shows the tail
 * of its log.
 *
 * <p>Thread-safety: the accessors are safe from any thread; {@link #close()} is idempotent and may
 * be called from any thread.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final int port;
    private final Path log;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration startedIn = Duration.ZERO;

    private LocalSchemaRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the registry and waits until its API answers.
     *
     * @param home   the unpacked distribution
     * @param log    file for the child's output (its directory is created)
     * @param within how long to wait for readiness
     * @throws SitkitException naming the cause and showing the log's tail; the process is stopped by then
     */
    public static LocalSchemaRegistry start(Path home, Path log, Duration within) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(log, "log");
        if (within == null || within.isZero() || within.isNegative()) {
            throw new IllegalArgumentException("the start-up bound of the local schema registry must be positive, was " + within);
        }
        Path runner = runner(home);
        int port = freePort();
        long t0 = System.nanoTime();
        Process process;
        try {
            Path parent = log.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN",
                    "-jar", runner.toString());
            process = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new SitkitException("cannot start the local schema registry from " + runner + ": " + e.getMessage(), e);
        }
        LocalSchemaRegistry registry = new LocalSchemaRegistry(process, port, log);
        try {
            awaitReady(process, URI.create(registry.confluentUrl() + "/subjects"), within, log);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        registry.startedIn = Duration.ofNanos(System.nanoTime() - t0);
        return registry;
    }

    private static Path runner(Path home) {
        Path dir = home.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new SitkitException("no Apicurio Registry distribution at " + dir
                    + "; unpack io.apicurio:apicurio-registry-app:3.0.9:tar.gz:all there (the build does this for its tests)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).sorted().findFirst()
                    .orElseThrow(() -> new SitkitException("no *-runner.jar in " + dir
                            + ": not an unpacked Apicurio Registry distribution"));
        } catch (IOException e) {
            throw new SitkitException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void awaitReady(Process process, URI probe, Duration within, Path log) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        process.onExit().thenRun(() -> ready.completeExceptionally(new SitkitException(
                "the local schema registry exited with code " + process.exitValue() + " before it was ready; its log ends:\n" + tail(log))));
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitkit-registry-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            prober.schedule(new Probe(probe, ready, prober), FIRST_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            ready.get(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SitkitException("the local schema registry was not ready within " + within + " (no answer from " + probe
                    + "); its log ends:\n" + tail(log), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SitkitException s ? s : new SitkitException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while waiting for the local schema registry", e);
        } finally {
            prober.shutdownNow();
            try {
                prober.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One probe; reschedules itself with a longer pause until the API answers 200 or the wait is over. */
    private static final class Probe implements Runnable {
        private final URI uri;
        private final CompletableFuture<Void> ready;
        private final ScheduledExecutorService prober;
        private Duration pause = FIRST_PAUSE;

        Probe(URI uri, CompletableFuture<Void> ready, ScheduledExecutorService prober) {
            this.uri = uri;
            this.ready = ready;
            this.prober = prober;
        }

        @Override
        public void run() {
            if (ready.isDone()) {
                return;
            }
            if (answers(uri)) {
                ready.complete(null);
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            if (!prober.isShutdown()) {
                prober.schedule(this, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private static boolean answers(URI uri) {
            HttpURLConnection c = null;
            try {
                c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                c.setRequestProperty("Connection", "close");
                int status = c.getResponseCode();
                try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                    if (body != null) {
                        body.readAllBytes();
                    }
                }
                return status == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } finally {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new SitkitException("no free loopback port for the local schema registry: " + e.getMessage(), e);
        }
    }

    /** The port it listens on (loopback). */
    public int port() {
        return port;
    }

    /** Base URL of its Confluent-compatible API, {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String confluentUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** How long it took from launch to the first answer. */
    public Duration startedIn() {
        return startedIn;
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    /** Whether the process is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops the process and its children: politely, then forcibly after 10 s, waiting at most 5 s
     * more. Idempotent; safe after a failed start.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "LocalSchemaRegistry[" + confluentUrl() + (process.isAlive() ? "" : ", stopped") + ", log=" + log + "]";
    }
}
