package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.SitkitException;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import io.sitkit.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the containers of {@link TestcontainersEnvironmentProvider}. The only class that touches
 * Testcontainers types; loaded only once the provider has found them on the classpath. Not run on
 * machines without Docker (the project's own CI has none), so kept as small as it can be.
 */
final class TestcontainersBrokers {
    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersBrokers.class);
    static final int OPENWIRE_PORT = 61616;

    private TestcontainersBrokers() {
    }

    static Environment start(SitkitConfig config) {
        boolean withKafka = config.bool(ConfigKeys.KAFKA_ENABLED, true);
        boolean withJms = config.bool(ConfigKeys.JMS_ENABLED, true);
        if (!withKafka && !withJms) {
            throw new SitkitException("both " + ConfigKeys.KAFKA_ENABLED + " and " + ConfigKeys.JMS_ENABLED
                    + " are false: the testcontainers environment would have no broker");
        }
        String mirrorPrefix = config.string(ConfigKeys.JMS_MIRROR_PREFIX, JmsSettings.DEFAULT_MIRROR_PREFIX);
        long t0 = System.nanoTime();
        CompletableFuture<KafkaContainer> kafka = withKafka
                ? CompletableFuture.supplyAsync(() -> started(new KafkaContainer(
                        config.string(ConfigKeys.TESTCONTAINERS_KAFKA_IMAGE, TestcontainersEnvironmentProvider.DEFAULT_KAFKA_IMAGE))),
                daemon("sitkit-start-kafka-container"))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<GenericContainer<?>> activeMq = withJms
                ? CompletableFuture.supplyAsync(() -> started(activeMq(config, mirrorPrefix)), daemon("sitkit-start-activemq-container"))
                : CompletableFuture.completedFuture(null);
        List<AutoCloseable> owned = new ArrayList<>();
        RuntimeException failure = null;
        KafkaContainer k = null;
        GenericContainer<?> a = null;
        try {
            k = kafka.join();
            owned.add(k);
        } catch (CompletionException e) {
            failure = unwrap(e);
        }
        try {
            a = activeMq.join();
            owned.add(a);
        } catch (CompletionException e) {
            failure = failure == null ? unwrap(e) : suppress(failure, unwrap(e));
        }
        if (failure != null) {
            for (AutoCloseable c : owned) {
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
        String bootstrap = k == null ? null : k.getBootstrapServers();
        String jmsUrl = a == null ? null : "tcp://" + a.getHost() + ":" + a.getMappedPort(OPENWIRE_PORT);
        LOG.info("testcontainers environment ready in {} ms: Kafka {}, ActiveMQ {}",
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), bootstrap == null ? "off" : bootstrap, jmsUrl == null ? "off" : jmsUrl);
        KafkaSettings kafkaSettings = bootstrap == null ? null : KafkaSettings.from(config, bootstrap);
        JmsSettings jmsSettings = jmsUrl == null ? null
                : JmsSettings.from(config.with(ConfigKeys.JMS_PROVIDER, "activemq").with(ConfigKeys.JMS_CONNECTION_FACTORY, null),
                jmsUrl, QueueObservation.MIRROR);
        List<AutoCloseable> closeOrder = new ArrayList<>(owned);
        return new BaseEnvironment(TestcontainersEnvironmentProvider.NAME, config, kafkaSettings, jmsSettings) {
            @Override
            protected List<AutoCloseable> ownedResources() {
                return closeOrder;
            }
        };
    }

    /** ActiveMQ Classic with mirrored queues (so queue captures are lossless), OpenWire on 61616. */
    private static GenericContainer<?> activeMq(SitkitConfig config, String mirrorPrefix) {
        String xml = """
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                         http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
                  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="sitkit" persistent="false" useJmx="false"
                          useMirroredQueues="true">
                    <destinationInterceptors>
                      <mirroredQueue copyMessage="true" prefix="%s"/>
                    </destinationInterceptors>
                    <transportConnectors>
                      <transportConnector name="openwire" uri="tcp://0.0.0.0:%d"/>
                    </transportConnectors>
                  </broker>
                </beans>
                """.formatted(mirrorPrefix, OPENWIRE_PORT);
        GenericContainer<?> container = new GenericContainer<>(
                config.string(ConfigKeys.TESTCONTAINERS_ACTIVEMQ_IMAGE, TestcontainersEnvironmentProvider.DEFAULT_ACTIVEMQ_IMAGE));
        return container.withExposedPorts(OPENWIRE_PORT)
                .withCopyToContainer(Transferable.of(xml), "/opt/apache-activemq/conf/activemq.xml")
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
    }

    private static <C extends GenericContainer<?>> C started(C container) {
        container.start();
        return container;
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r
                : new SitkitException("testcontainers start failed: " + e.getCause(), e.getCause());
    }

    private static RuntimeException suppress(RuntimeException first, RuntimeException next) {
        first.addSuppressed(next);
        return first;
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
