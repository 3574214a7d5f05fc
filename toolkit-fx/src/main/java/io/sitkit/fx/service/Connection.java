package io.sitkit.fx.service;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Protection;
import io.sitkit.core.PublishResult;
import io.sitkit.env.Bus;
import io.sitkit.env.DemoTraffic;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaLookup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An open profile: the core environment (embedded brokers started in this JVM, or external ones),
 * one bus on it, the schema lookup its decoders use (the registry when
 * {@code sitkit.schema-registry.url} is set; on a sandbox without one, the demo traffic's schemas), and
 * the environment's protection — the core's, shown by the inspector, never reimplemented.
 *
 * <pre>{@code
 * try (Connection c = Connection.open(ConnectionProfile.sandbox("sandbox", true), auditFile)) {
 *     List<DestinationEntry> all = DestinationCatalog.list(c);
 * }
 * }</pre>
 *
 * <p>A JMS profile naming a connection factory class or a JNDI lookup gets its factory from
 * {@link JmsProviders} (with the profile's client jars), the rest from the core as usual.
 *
 * <p>What the inspector injects goes through {@link #inject}: straight to the bus, or — while an
 * exploratory {@link Session} records this connection — through the session's recorder, so the
 * recording marks it injected.
 *
 * <p>Thread-safety: thread-safe (the bus and environment are); {@link #open} blocks while brokers
 * start or answer, so call it off the FX thread. {@link #close()} is idempotent and closes a
 * running session, the demo traffic, the bus, the environment and the JMS client jars in that order.
 */
public final class Connection implements AutoCloseable {
    /** Pause between demo orders on a sandbox. */
    public static final Duration DEMO_INTERVAL = Duration.ofMillis(700);

    private final ConnectionProfile profile;
    private final Environment environment;
    private final Bus bus;
    private final Optional<SchemaLookup> schemas;
    private final Optional<DemoTraffic> demo;
    private final Redactor redactor;
    private final Optional<JmsProviders.Provider> jmsProvider;
    private final AtomicReference<Session> session = new AtomicReference<>();
    private volatile boolean closed;

    private Connection(ConnectionProfile profile, Environment environment, Bus bus, Optional<SchemaLookup> schemas,
                       Optional<DemoTraffic> demo, Redactor redactor, Optional<JmsProviders.Provider> jmsProvider) {
        this.profile = profile;
        this.redactor = redactor;
        this.jmsProvider = jmsProvider;
        this.environment = environment;
        this.bus = bus;
        this.schemas = schemas;
        this.demo = demo;
    }

    /**
     * Opens {@code profile}: starts or reaches its brokers and opens a bus.
     *
     * @param auditFile where injected messages are audited unless the profile names its own file
     */
    public static Connection open(ConnectionProfile profile, Path auditFile) {
        Objects.requireNonNull(profile, "profile");
        SitkitConfig config = profile.toConfig(auditFile);
        List<AutoCloseable> opened = new ArrayList<>();
        Environment env;
        Optional<JmsProviders.Provider> provider = Optional.empty();
        if (profile.kind() != ConnectionProfile.Kind.SANDBOX && JmsProviders.isCustom(profile)) {
            // a factory class from the profile's jars, or a JNDI lookup: settings the configuration keys cannot carry
            JmsProviders.Provider jms = JmsProviders.resolve(profile, config);
            provider = Optional.of(jms);
            opened.add(jms);
            try {
                KafkaSettings kafka = config.get(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS).isPresent() ? KafkaSettings.from(config, null) : null;
                env = Environments.external(config, kafka, jms.settings());
            } catch (RuntimeException e) {
                jms.close();
                throw e;
            }
        } else {
            env = Environments.start(config);
        }
        opened.add(0, env);
        try {
            Bus bus = env.openBus();
            opened.add(0, bus);
            // the environment's registry: its writes, if any, pass the profile's protection
            Optional<SchemaLookup> schemas = env.schemaRegistry().map(SchemaLookup.class::cast);
            Optional<DemoTraffic> demo = Optional.empty();
            if (profile.kind() == ConnectionProfile.Kind.SANDBOX) {
                if (profile.demoTraffic()) {
                    demo = Optional.of(DemoTraffic.start(bus, DEMO_INTERVAL, System.nanoTime()));
                }
                if (schemas.isEmpty()) {
                    schemas = Optional.of(DemoTraffic.schemas());
                }
            }
            return new Connection(profile, env, bus, schemas, demo, Redactor.from(config), provider);
        } catch (RuntimeException e) {
            RuntimeException failure = closeAll(opened);
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public Environment environment() {
        return environment;
    }

    public Bus bus() {
        return bus;
    }

    /** The environment's guard: locked while protected, audit of every injected message. */
    public Protection protection() {
        return environment.protection();
    }

    /** Where decoders find schemas by id, if anywhere. */
    public Optional<SchemaLookup> schemas() {
        return schemas;
    }

    /**
     * What exports mask: the profile's {@code sitkit.redact.fields} and {@code sitkit.redact.paths}, and
     * every secret of the profile wherever it appears (the core's {@link Redactor}).
     */
    public Redactor redactor() {
        return redactor;
    }

    /** The demo traffic generator, when this sandbox runs one. */
    public Optional<DemoTraffic> demo() {
        return demo;
    }

    /**
     * Publishes {@code message} for the inspector's user (inject, re-send, import): through the
     * running session's recorder when one records this connection, else through the bus. Either way
     * the core checks protection and audits it.
     */
    public PublishResult inject(OutgoingMessage message) {
        Session s = session.get();
        return s == null ? bus.publish(message) : s.inject(message);
    }

    /** The exploratory session recording this connection now, if any. */
    public Optional<Session> session() {
        return Optional.ofNullable(session.get());
    }

    /** Called by {@link Session#start}: false when another session records this connection already. */
    boolean attach(Session s) {
        return session.compareAndSet(null, s);
    }

    /** Called by {@link Session#close}. */
    void detach(Session s) {
        session.compareAndSet(s, null);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Where it points, for people: "Kafka 127.0.0.1:9092 · JMS tcp://…" (never credentials). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        environment.kafkaBootstrapServers().ifPresent(s -> parts.add("Kafka " + s));
        environment.jmsBrokerUrl().ifPresent(u -> parts.add("JMS " + u));
        return String.join(" · ", parts);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> toClose = new ArrayList<>();
        Session recording = session.get();
        if (recording != null) {
            toClose.add(recording);
        }
        demo.ifPresent(toClose::add);
        toClose.add(bus);
        toClose.add(environment);
        jmsProvider.ifPresent(toClose::add);
        RuntimeException failure = closeAll(toClose);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes each in order, past failures; returns the first failure with the rest suppressed, or null. */
    static RuntimeException closeAll(List<AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                RuntimeException re = e instanceof RuntimeException rt ? rt : new IllegalStateException("closing " + r + " failed", e);
                if (first == null) {
                    first = re;
                } else {
                    first.addSuppressed(re);
                }
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return "Connection[" + profile.name() + ": " + describe() + "]";
    }
}
