package io.sitkit.schema.registry;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Quarkus runner jar and its {@code lib}); the build unpacks it for sitkit's own tests. Readiness is
 * awaited by probing the API, with a deadline; if the process ends first or the deadline passes,
 * the error shows the tail of its log.
 *
 * <p>Thread-safety: {@link #close()} is idempotent and may be called from any thread.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startedIn;

    private LocalSchemaRegistry(Process process, int port, Path log, Duration startedIn) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedIn = startedIn;
    }

    /**
     * Starts the registry and waits until its API answers.
     *
     * @param home   the unpacked distribution
     * @param log    file for the child's output
     * @param within how long to wait for readiness
     * @throws SitkitException naming the cause and showing the log's tail
     */
    public static LocalSchemaRegistry start(Path home, Path log, Duration within) {
        Path runner = runner(home);
        int port = freePort();
        long t0 = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.log.level=WARN", "-jar", runner.toString()));
            process = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new SitkitException("cannot start the local schema registry from " + runner + ": " + e.getMessage(), e);
        }
        LocalSchemaRegistry registry = new LocalSchemaRegistry(process, port, log, Duration.ZERO);
        try {
            awaitReady(process, registry.confluentUrl() + "/subjects", within, log);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return new LocalSchemaRegistry(process, port, log, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Path runner(Path home) {
        if (!Files.isDirectory(home)) {
            throw new SitkitException("no Apicurio Registry distribution at " + home.toAbsolutePath()
                    + "; unpack io.apicurio:apicurio-registry-app:3.0.9:tar.gz:all there (the build does this for its tests)");
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new SitkitException("no *-runner.jar in " + home.toAbsolutePath()
                            + ": not an unpacked Apicurio Registry distribution"));
        } catch (IOException e) {
            throw new SitkitException("cannot list " + home + ": " + e.getMessage(), e);
        }
    }

    private static void awaitReady(Process process, String probeUrl, Duration within, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(probeUrl)).timeout(Duration.ofSeconds(2)).GET().build();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        process.onExit().thenRun(() -> ready.completeExceptionally(new SitkitException(
                "the local schema registry exited with code " + process.exitValue() + " before it was ready; its log ends:\n" + tail(log))));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitkit-registry-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            // a probe every 100 ms until the API answers 200, the process dies or the deadline passes
            poller.scheduleWithFixedDelay(() -> {
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ready.complete(null);
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            ready.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SitkitException("the local schema registry was not ready within " + within + "; its log ends:\n" + tail(log), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SitkitException s ? s : new SitkitException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while waiting for the local schema registry", e);
        } finally {
            poller.shutdownNow();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
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

    /** Base URL of its Confluent-compatible API. */
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

    /** Stops the process (and its children) with a bounded wait. Idempotent. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
