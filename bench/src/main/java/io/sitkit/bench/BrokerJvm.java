package io.sitkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BrokerProbe} in a JVM of its own, for as long as a suite needs it: started, asked for its
 * bootstrap servers, and stopped by closing its standard input (forcibly after 30 s).
 *
 * <p>Thread-safety: confined to the suite's thread.
 */
final class BrokerJvm implements AutoCloseable {
    private final Process process;
    private final String bootstrap;

    private BrokerJvm(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static BrokerJvm start(Path log) {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BrokerProbe.class.getName());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the broker JVM: " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(Probe.FACT + "kafka ")) {
                    return new BrokerJvm(p, line.substring((Probe.FACT + "kafka ").length()).trim());
                }
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("lost the broker JVM's output: " + e.getMessage(), e);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the broker JVM ended without reporting its bootstrap servers; see " + log);
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
