package io.sitkit.sandbox;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.EmbeddedEnvironmentProvider;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.stub.RunningStubs;
import io.sitkit.stub.StubFiles;
import io.sitkit.stub.StubSet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox: starts the configured environment (embedded Kafka and ActiveMQ by default), starts
 * the stubs and interceptors of the files named by {@code sitkit.sandbox.stubs}, prints how to
 * connect to it all, and runs until Ctrl-C — the place a tester points their services and the
 * inspector at.
 *
 * <pre>
 * mvn -B -pl toolkit-core compile exec:java
 * mvn -B -pl toolkit-core compile exec:java -Dsitkit.jms.enabled=false
 * mvn -B -pl toolkit-core compile exec:java -Dsitkit.sandbox.stubs=docs/stubs/checkout-neighbours.yaml
 * </pre>
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SitkitConfig.load(), System.out)) {   // programmatically, e.g. in a test
 *     sandbox.stubs().get(0).stub("payment-gateway").received(exactly(1));
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #close} is idempotent and safe from a shutdown hook; {@link #describe} is stateless.
 */
public final class Sandbox implements AutoCloseable {
    private final Environment env;
    private final Bus bus;
    private final List<RunningStubs> stubs;
    private boolean closed;

    private Sandbox(Environment env, Bus bus, List<RunningStubs> stubs) {
        this.env = env;
        this.bus = bus;
        this.stubs = List.copyOf(stubs);
    }

    public static void main(String[] args) throws InterruptedException {
        Sandbox sandbox = start(SitkitConfig.load(), System.out);
        System.out.println("Press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("sitkit sandbox stopping…");
            sandbox.close();
            stopped.countDown();
        }, "sitkit-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Starts the environment, then the stub files of {@link ConfigKeys#SANDBOX_STUBS} (every file
     * is read before any starts), and prints the connection details and the stubs to {@code out}.
     *
     * @throws io.sitkit.stub.StubFileException for a stub file that cannot be used; nothing is left running
     */
    public static Sandbox start(SitkitConfig config, PrintStream out) {
        List<StubSet> sets = new ArrayList<>();
        for (String file : stubFiles(config)) {
            sets.add(StubFiles.read(Path.of(file)));
        }
        Environment env = Environments.start(config);
        Bus bus = null;
        List<RunningStubs> running = new ArrayList<>();
        try {
            if (!sets.isEmpty()) {
                bus = env.openBus();
                for (StubSet set : sets) {
                    running.add(set.start(bus));
                }
            }
        } catch (RuntimeException e) {
            new Sandbox(env, bus, running).closeAfterFailure(e);
            throw e;
        }
        Sandbox sandbox = new Sandbox(env, bus, running);
        describe(env, config, running, out);
        return sandbox;
    }

    private static List<String> stubFiles(SitkitConfig config) {
        return config.get(ConfigKeys.SANDBOX_STUBS).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The running environment. */
    public Environment environment() {
        return env;
    }

    /** The stubs and interceptors of each configured file, in the order the files are named. */
    public List<RunningStubs> stubs() {
        return stubs;
    }

    /** Closes the stubs (last file first), the bus, then the environment; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // closed last-first: the stubs (last file first), the bus, then the environment
        List<AutoCloseable> all = new ArrayList<>();
        all.add(env);
        if (bus != null) {
            all.add(bus);
        }
        all.addAll(stubs);
        io.sitkit.core.internal.Closer.closeAll(all);
    }

    private void closeAfterFailure(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Prints the connection details of {@code env} for people and scripts. */
    public static void describe(Environment env, SitkitConfig config, PrintStream out) {
        describe(env, config, List.of(), out);
    }

    private static void describe(Environment env, SitkitConfig config, List<RunningStubs> stubs, PrintStream out) {
        out.println();
        out.println("sitkit sandbox is running (" + env.name() + " environment"
                + (env instanceof EmbeddedEnvironment e ? ", started in " + e.startupReport() : "") + ")");
        env.kafkaBootstrapServers().ifPresent(s ->
                out.println("  Kafka bootstrap servers : " + s + "    (" + ConfigKeys.KAFKA_BOOTSTRAP_SERVERS + ")"));
        boolean embedded = env.name().equals(EmbeddedEnvironmentProvider.NAME);
        env.jmsBrokerUrl().ifPresent(u -> out.println("  JMS broker URL          : " + u + "    (" + ConfigKeys.JMS_URL
                + (embedded ? ", ActiveMQ Classic / OpenWire" : "") + ")"));
        if (env.jmsBrokerUrl().isPresent() && embedded) {
            out.println("  Queue observation       : mirrored queues — every message to queue Q is copied to topic "
                    + config.string(ConfigKeys.JMS_MIRROR_PREFIX, "VirtualTopic.Mirror.") + "Q");
        }
        for (RunningStubs s : stubs) {
            out.println("  Stubs from " + s.source() + " (" + ConfigKeys.SANDBOX_STUBS + "):");
            s.describe().forEach(line -> out.println("    " + line));
        }
        out.println("  As environment variables for your services" + (embedded ? ":" : " (credentials removed):"));
        env.connectionProperties().forEach((k, v) -> out.println("    export " + ConfigKeys.envName(k) + "=" + v));
        out.flush();
    }
}
