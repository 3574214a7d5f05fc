package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.SitkitException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class TestcontainersEnvironmentProviderTest {
    private static final DockerProbe ABSENT = () -> new DockerProbe.Answer(false, "no /var/run/docker.sock");
    private static final DockerProbe PRESENT = () -> new DockerProbe.Answer(true, "unix:///var/run/docker.sock");
    private static final String SWITCH = "; set sitkit.environment=embedded (env SITKIT_ENVIRONMENT=embedded) to run on the"
            + " embedded brokers (no Docker needed)";

    @Test
    void without_docker_selecting_it_fails_at_once_saying_how_to_switch_to_embedded() {
        var provider = new TestcontainersEnvironmentProvider(ABSENT, type -> true, config -> {
            throw new AssertionError("no container may start without Docker");
        });

        assertThatThrownBy(() -> provider.start(SitkitConfig.empty()))
                .isExactlyInstanceOf(DockerUnavailableException.class)
                .hasMessage("sitkit.environment=testcontainers needs a Docker engine, and none answered here"
                        + " (no /var/run/docker.sock)" + SWITCH);
    }

    @Test
    void a_docker_check_that_hangs_counts_as_no_docker_within_one_second() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        DockerProbe hanging = () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DockerProbe.Answer(true, "too late");
        };
        var provider = new TestcontainersEnvironmentProvider(hanging, type -> true, config -> null);
        try {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> provider.start(SitkitConfig.empty()))
                    .isExactlyInstanceOf(DockerUnavailableException.class)
                    .hasMessage("sitkit.environment=testcontainers needs a Docker engine, and none answered here"
                            + " (the Docker check did not answer within 800 ms)" + SWITCH);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        } finally {
            release.countDown();
        }
    }

    @Test
    void this_machines_docker_check_answers_in_under_a_second() {
        long t0 = System.nanoTime();
        DockerProbe.Answer answer = DockerProbe.local().within(TestcontainersEnvironmentProvider.DOCKER_CHECK_BOUND).probe();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(answer.detail()).isNotBlank();
    }

    @Test
    void selecting_it_through_the_service_loader_on_a_machine_without_docker_fails_in_under_a_second() {
        assumeThat(DockerProbe.local().probe().present()).as("a Docker engine answers here; this test is about its absence").isFalse();
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> Environments.start(SitkitConfig.empty().with("sitkit.environment", "testcontainers")))
                .isExactlyInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("sitkit.environment=testcontainers needs a Docker engine, and none answered here (DOCKER_HOST unset")
                .hasMessageEndingWith(SWITCH);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void with_docker_but_without_the_testcontainers_jars_it_names_the_artifact_to_add() {
        var provider = new TestcontainersEnvironmentProvider(PRESENT,
                type -> !type.equals("org.testcontainers.kafka.KafkaContainer"), config -> null);

        assertThatThrownBy(() -> provider.start(SitkitConfig.empty()))
                .isExactlyInstanceOf(SitkitException.class)
                .hasMessage("sitkit.environment=testcontainers needs Testcontainers on the test classpath"
                        + " (org.testcontainers.kafka.KafkaContainer is missing): add org.testcontainers:testcontainers-kafka"
                        + " (test scope; its version comes from org.testcontainers:testcontainers-bom), or set sitkit.environment=embedded");
    }

    @Test
    void with_docker_and_the_jars_the_containers_start_with_the_given_configuration() {
        AtomicReference<SitkitConfig> seen = new AtomicReference<>();
        SitkitConfig config = SitkitConfig.empty().with("sitkit.testcontainers.kafka-image", "apache/kafka-native:4.1.1");
        var provider = new TestcontainersEnvironmentProvider(PRESENT, type -> true, c -> {
            seen.set(c);
            throw new IllegalStateException("containers would start here");
        });

        assertThatThrownBy(() -> provider.start(config)).hasMessage("containers would start here");
        assertThat(seen.get()).isSameAs(config);
    }

    @Test
    void the_service_loader_knows_it_by_name() {
        assertThat(Environments.provider("testcontainers")).isInstanceOf(TestcontainersEnvironmentProvider.class)
                .extracting(EnvironmentProvider::name).isEqualTo("testcontainers");
    }

    @Test
    void a_non_positive_bound_is_refused() {
        assertThatThrownBy(() -> PRESENT.within(Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Docker check's bound must be positive: PT0S");
    }
}
