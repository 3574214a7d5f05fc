package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.SitkitException;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code sitkit.environment=embedded} (the default): a real Kafka broker in KRaft mode and a real
 * ActiveMQ Classic broker in this JVM, on free loopback ports, started in parallel. Either can be
 * switched off ({@code sitkit.kafka.enabled}, {@code sitkit.jms.enabled}). Queue captures use the
 * broker's mirrored queues. Needs the optional {@code kafka_2.13} and {@code activemq-broker}
 * dependencies (brought in by toolkit-junit and toolkit-fx).
 *
 * <pre>{@code
 * try (Environment env = Environments.start(SitkitConfig.load())) { ... }   // embedded is the default
 * }</pre>
 *
 * <p>Thread-safety: stateless; each {@link #start} starts new brokers.
 */
public final class EmbeddedEnvironmentProvider implements EnvironmentProvider {
    public static final String NAME = "embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEnvironmentProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Environment start(SitkitConfig config) {
        BrokerLogLevels.apply(config.string(ConfigKeys.EMBEDDED_LOG_LEVEL, "WARN"));
        boolean withKafka = config.bool(ConfigKeys.KAFKA_ENABLED, true);
        boolean withJms = config.bool(ConfigKeys.JMS_ENABLED, true);
        if (!withKafka && !withJms) {
            throw new SitkitException("both " + ConfigKeys.KAFKA_ENABLED + " and " + ConfigKeys.JMS_ENABLED
                    + " are false: the embedded environment would have no broker");
        }
        Path dataDir = config.get(ConfigKeys.EMBEDDED_DATA_DIR).map(Path::of).orElse(null);
        EmbeddedActiveMqSecurity jmsSecurity = withJms ? EmbeddedSecurity.jms(config) : null;
        long t0 = System.nanoTime();
        EmbeddedProxies proxies = EmbeddedProxies.open(config.bool(ConfigKeys.EMBEDDED_PROXY, false),
                withKafka ? config.integer(ConfigKeys.EMBEDDED_KAFKA_BROKERS, 1) : 0, withJms);
        AutoCloseable warmup = StartupWarmup.start(withKafka);
        CompletableFuture<EmbeddedKafkaBroker> kafka = withKafka
                ? CompletableFuture.supplyAsync(() -> startKafka(config, dataDir, proxies), daemon("sitkit-start-kafka"))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<EmbeddedActiveMq> activeMq = withJms
                ? CompletableFuture.supplyAsync(() -> startActiveMq(config, dataDir, jmsSecurity), daemon("sitkit-start-activemq"))
                : CompletableFuture.completedFuture(null);
        EmbeddedKafkaBroker k = null;
        EmbeddedActiveMq a = null;
        RuntimeException failure = null;
        try {
            k = kafka.join();
        } catch (CompletionException e) {
            failure = unwrap(e);
        }
        try {
            a = activeMq.join();
        } catch (CompletionException e) {
            if (failure == null) {
                failure = unwrap(e);
            } else {
                failure.addSuppressed(unwrap(e));
            }
        }
        if (failure != null) {
            for (AutoCloseable c : new AutoCloseable[] {a, k, warmup, proxies}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("embedded environment ready in {} ms: Kafka {}, ActiveMQ {}", took.toMillis(),
                k == null ? "off" : k.bootstrapServers() + " (" + k.startupTime().toMillis() + " ms)",
                a == null ? "off" : a.brokerUrl() + " (" + a.startupTime().toMillis() + " ms)");
        // Through the proxies, secured bytes pass unchanged: the certificates are for 127.0.0.1, where the proxies listen.
        String bootstrap = k == null ? null : proxies.enabled() ? proxies.attach(k) : k.bootstrapServers();
        String jmsUrl = a == null ? null : proxies.enabled() ? proxies.attach(a) : a.brokerUrl();
        KafkaSettings kafkaSettings = k == null ? null : EmbeddedSecurity.kafkaSettings(config, k, bootstrap);
        JmsSettings jmsSettings = a == null ? null : EmbeddedSecurity.jmsSettings(config, a, jmsUrl, jmsSecurity);
        List<AutoCloseable> owned = new ArrayList<>();
        owned.add(proxies);
        owned.add(warmup);
        owned.add(k);
        owned.add(a);
        return new EmbeddedEnvironment(config, kafkaSettings, jmsSettings, owned, k, a, took, proxies.all());
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new SitkitException("embedded start failed: " + e.getCause(), e.getCause());
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }

    private static EmbeddedKafkaBroker startKafka(SitkitConfig config, Path dataDir, EmbeddedProxies proxies) {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, EmbeddedEnvironmentProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SitkitException("embedded Kafka needs org.apache.kafka:kafka_2.13 (with kafka-metadata and "
                    + "kafka-server-common) on the classpath — toolkit-junit brings them; or set "
                    + ConfigKeys.KAFKA_ENABLED + "=false, or " + ConfigKeys.ENVIRONMENT + "=external");
        }
        EmbeddedKafkaConfig kc = EmbeddedKafkaConfig.defaults()
                .withAutoCreateTopics(config.bool(ConfigKeys.KAFKA_AUTO_CREATE_TOPICS, true))
                .withDefaultPartitions(config.integer(ConfigKeys.KAFKA_DEFAULT_PARTITIONS, 1))
                .withMaxMessageBytes(config.integer(ConfigKeys.KAFKA_MAX_MESSAGE_BYTES, KafkaSettings.DEFAULT_MAX_MESSAGE_BYTES))
                .withBrokerProperties(config.withPrefix(ConfigKeys.KAFKA_BROKER_PREFIX))
                .withBrokers(config.integer(ConfigKeys.EMBEDDED_KAFKA_BROKERS, 1))
                .withSecurity(EmbeddedSecurity.kafka(config));
        for (Map.Entry<String, String> advertised : proxies.kafkaBrokerProperties(kc.security()).entrySet()) {
            kc = kc.withBrokerProperty(advertised.getKey(), advertised.getValue());
        }
        if (dataDir != null) {
            kc = kc.withDataDir(dataDir.resolve("kafka"));
        }
        return EmbeddedKafkaBroker.start(kc);
    }

    private static EmbeddedActiveMq startActiveMq(SitkitConfig config, Path dataDir, EmbeddedActiveMqSecurity security) {
        try {
            Class.forName("org.apache.activemq.broker.BrokerService", false, EmbeddedEnvironmentProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SitkitException("embedded ActiveMQ needs org.apache.activemq:activemq-broker on the classpath — "
                    + "toolkit-junit brings it; or set " + ConfigKeys.JMS_ENABLED + "=false, or "
                    + ConfigKeys.ENVIRONMENT + "=external");
        }
        return EmbeddedActiveMq.start(config.bool(ConfigKeys.EMBEDDED_ACTIVEMQ_PERSISTENT, false),
                dataDir == null ? null : dataDir.resolve("activemq"),
                config.string(ConfigKeys.JMS_MIRROR_PREFIX, JmsSettings.DEFAULT_MIRROR_PREFIX), security);
    }
}
