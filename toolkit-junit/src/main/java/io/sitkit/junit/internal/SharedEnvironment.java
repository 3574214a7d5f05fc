package io.sitkit.junit.internal;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.env.Bus;
import io.sitkit.junit.EnvironmentUnavailableException;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The environment every test class of a run shares: started on first use, checked once (brokers
 * answer, registry answers when configured), closed when the run ends. A failed start or entry
 * check is remembered, so every later test fails at once with the same one message instead of
 * timing out one by one.
 */
@SuppressWarnings("deprecation") // CloseableResource keeps Jupiter 5.10-5.12 closing it; 5.13+ and 6 close AutoCloseable
public final class SharedEnvironment implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedEnvironment.class);

    private final SitkitConfig config;
    private final Redactor redactor;
    private final Path outputDir;
    private final Environment environment;
    private final Bus bus;
    private final RuntimeException failure;
    private boolean closed;
    private final java.util.Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile TopicPool topics;
    private volatile java.util.List<io.sitkit.contract.Contract> contracts;

    private SharedEnvironment(SitkitConfig config, Path outputDir, Environment environment, Bus bus, RuntimeException failure) {
        this.config = config;
        this.redactor = Redactor.from(config);
        this.outputDir = outputDir;
        this.environment = environment;
        this.bus = bus;
        this.failure = failure;
    }

    /** The run's shared environment, started by the first caller. */
    public static SharedEnvironment of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedEnvironment.class, k -> start(context), SharedEnvironment.class);
    }

    private static SharedEnvironment start(ExtensionContext context) {
        SitkitConfig config = JUnitConfig.load(context);
        Path out = Path.of(JUnitConfig.extensionSetting(context, JUnitConfig.OUTPUT_DIR).orElse(JUnitConfig.DEFAULT_OUTPUT_DIR));
        Environment env = null;
        Bus bus = null;
        try {
            env = Environments.start(config);
            bus = env.openBus();
            entryChecks(env, bus);
            return new SharedEnvironment(config, out, env, bus, null);
        } catch (io.sitkit.env.DockerUnavailableException e) {
            // the provider checked before starting anything; nothing to close
            String message = e.getMessage() + ", or " + JUnitConfig.DOCKER_MISSING + "=skip to skip these tests instead of failing them";
            boolean skip = JUnitConfig.extensionSetting(context, JUnitConfig.DOCKER_MISSING).orElse("fail").equalsIgnoreCase("skip");
            return new SharedEnvironment(config, out, null, null, skip ? new DockerMissing(message) : new EnvironmentUnavailableException(message, null));
        } catch (RuntimeException e) {
            if (bus != null) {
                bus.close();
            }
            if (env != null) {
                env.close();
            }
            String message = "sitkit could not prepare the test environment (" + config.string(ConfigKeys.ENVIRONMENT, "embedded")
                    + "); no test that needs it will run: " + e.getMessage();
            return new SharedEnvironment(config, out, null, null, new EnvironmentUnavailableException(message, e));
        }
    }

    /** Docker is missing and the user asked to skip. */
    private static final class DockerMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DockerMissing(String message) {
            super(message, null, false, false);
        }
    }

    /** Brokers answer (a listing is a round trip to each), the registry answers when one is configured. */
    private static void entryChecks(Environment env, Bus bus) {
        bus.listDestinations();
        env.schemaRegistry().ifPresent(SchemaRegistryClient::subjects);
    }

    /**
     * @throws EnvironmentUnavailableException with the first failure's message, every time
     */
    public SharedEnvironment requireAvailable() {
        if (failure instanceof DockerMissing) {
            throw new org.opentest4j.TestAbortedException(failure.getMessage());
        }
        if (failure != null) {
            throw new EnvironmentUnavailableException(failure.getMessage(), failure.getCause());
        }
        return this;
    }

    public SitkitConfig config() {
        return config;
    }

    public Redactor redactor() {
        return redactor;
    }

    public Path outputDir() {
        return outputDir;
    }

    public Environment environment() {
        return requireAvailable().environment;
    }

    public Bus bus() {
        return requireAvailable().bus;
    }

    /**
     * Makes sure a Kafka topic exists (one partition if created), once per run and topic: an
     * observed topic must exist before its capture starts.
     */
    public void ensureTopic(String name) {
        if (ensured.contains(name)) {
            return;
        }
        bus().kafka().createTopicIfMissing(name, 1);
        ensured.add(name);
    }

    /**
     * The contracts each test's messages are verified against ({@code sitkit.junit.contracts}, a
     * file or directory), loaded once; empty when none are configured.
     */
    public java.util.List<io.sitkit.contract.Contract> contracts(ExtensionContext context) {
        java.util.List<io.sitkit.contract.Contract> loaded = contracts;
        if (loaded == null) {
            loaded = JUnitConfig.extensionSetting(context, io.sitkit.junit.SitkitReportListener.CONTRACTS)
                    .map(p -> io.sitkit.contract.Contracts.load(Path.of(p))).orElse(java.util.List.of());
            contracts = loaded;
        }
        return loaded;
    }

    /** A new, existing Kafka topic for one test, named after {@code logical} (made ahead in batches). */
    public String freshTopic(String logical) {
        TopicPool pool = topics;
        if (pool == null) {
            synchronized (this) {
                if (topics == null) {
                    topics = new TopicPool(bus().kafka());
                }
                pool = topics;
            }
        }
        return pool.take(logical);
    }

    /** Bound used when creating per-test topics. */
    public Duration timeout() {
        return config.duration(ConfigKeys.KAFKA_TIMEOUT, Duration.ofSeconds(10));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        if (topics != null) {
            topics.close();
        }
        if (bus != null) {
            try {
                bus.close();
            } catch (RuntimeException e) {
                first = e;
            }
        }
        if (environment != null) {
            try {
                environment.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
