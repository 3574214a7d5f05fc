package io.sitkit.env;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.SitkitException;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code sitkit.environment=testcontainers}: Kafka ({@code apache/kafka-native}, through
 * {@code org.testcontainers:testcontainers-kafka}'s {@code KafkaContainer}) and ActiveMQ Classic
 * ({@code apache/activemq-classic}, mirrored queues on) in Docker containers, started in parallel
 * and removed on close. Images: {@code sitkit.testcontainers.kafka-image},
 * {@code sitkit.testcontainers.activemq-image}.
 *
 * <p>Selecting it checks first, in under a second, that a Docker engine answers ({@link DockerProbe});
 * without one it fails at once with {@link DockerUnavailableException} saying how to switch to the
 * embedded brokers. Then it checks that the optional {@code org.testcontainers:testcontainers-kafka}
 * jar is on the classpath, naming the artifact to add when it is not.
 *
 * <pre>{@code
 * try (Environment env = Environments.start(SitkitConfig.load().with("sitkit.environment", "testcontainers"))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: stateless; each {@link #start} starts new containers.
 */
public final class TestcontainersEnvironmentProvider implements EnvironmentProvider {
    public static final String NAME = "testcontainers";
    /** How long the Docker check may take before it counts as "no Docker". */
    public static final Duration DOCKER_CHECK_BOUND = Duration.ofMillis(800);
    /** The artifact to add for this provider; it brings {@code org.testcontainers:testcontainers}. */
    public static final String ARTIFACT = "org.testcontainers:testcontainers-kafka";
    static final String DEFAULT_KAFKA_IMAGE = "apache/kafka-native:4.1.1";
    static final String DEFAULT_ACTIVEMQ_IMAGE = "apache/activemq-classic:6.1.7";

    private final DockerProbe docker;
    private final Predicate<String> classPresent;
    private final Function<SitkitConfig, Environment> containers;

    /** The provider {@code ServiceLoader} finds: probes this machine. */
    public TestcontainersEnvironmentProvider() {
        this(DockerProbe.local());
    }

    /** With another Docker check (bounded by {@link #DOCKER_CHECK_BOUND} all the same). */
    public TestcontainersEnvironmentProvider(DockerProbe docker) {
        this(docker, TestcontainersEnvironmentProvider::onClasspath, config -> TestcontainersBrokers.start(config));
    }

    TestcontainersEnvironmentProvider(DockerProbe docker, Predicate<String> classPresent,
                                      Function<SitkitConfig, Environment> containers) {
        this.docker = Objects.requireNonNull(docker, "docker").within(DOCKER_CHECK_BOUND);
        this.classPresent = classPresent;
        this.containers = containers;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws DockerUnavailableException when no Docker engine answers within {@link #DOCKER_CHECK_BOUND}
     * @throws SitkitException            when the Testcontainers jars are missing
     */
    @Override
    public Environment start(SitkitConfig config) {
        DockerProbe.Answer answer = docker.probe();
        if (!answer.present()) {
            throw new DockerUnavailableException(ConfigKeys.ENVIRONMENT + "=" + NAME + " needs a Docker engine, and none answered here ("
                    + answer.detail() + "); set " + ConfigKeys.ENVIRONMENT + "=embedded (env "
                    + ConfigKeys.envName(ConfigKeys.ENVIRONMENT) + "=embedded) to run on the embedded brokers (no Docker needed)");
        }
        for (String type : new String[] {"org.testcontainers.containers.GenericContainer", "org.testcontainers.kafka.KafkaContainer"}) {
            if (!classPresent.test(type)) {
                throw new SitkitException(ConfigKeys.ENVIRONMENT + "=" + NAME + " needs Testcontainers on the test classpath ("
                        + type + " is missing): add " + ARTIFACT + " (test scope; its version comes from "
                        + "org.testcontainers:testcontainers-bom), or set " + ConfigKeys.ENVIRONMENT + "=embedded");
            }
        }
        return containers.apply(config);
    }

    private static boolean onClasspath(String type) {
        try {
            Class.forName(type, false, TestcontainersEnvironmentProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
