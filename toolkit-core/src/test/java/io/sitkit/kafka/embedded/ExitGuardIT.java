package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.core.internal.DataDirs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A fatal Kafka fault in an embedded node is refused and logged instead of ending the test JVM. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExitGuardIT {

    @Test
    void a_broker_whose_log_dir_vanished_asks_to_halt_and_the_jvm_lives_on() throws Exception {
        int before = ExitGuard.JVM.refusals().size();
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
        DataDirs.deleteRecursively(kafka.dataDir());
        // The new partition's checkpoint files cannot be read: Kafka marks its only log dir offline and,
        // being a broker process, would halt the JVM. Whether the call itself succeeds does not matter.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            admin.createTopics(List.of(new NewTopic("after-the-dir-vanished", 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker may already refuse; the fault is what this test is after
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> ExitGuard.JVM.refusals().size() > before);
        List<String> refused = ExitGuard.JVM.refusals();
        assertThat(refused.subList(before, refused.size()))
                .anySatisfy(line -> assertThat(line).contains("asked to halt the JVM with status 1"));

        long t0 = System.nanoTime();
        try {
            kafka.close();
        } catch (SitkitException e) {
            // a broker without its data dir may report what it could not write on the way down
            assertThat(e).hasMessageContaining("embedded Kafka");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(kafka.isRunning()).isFalse();

        // The JVM is still here and Kafka still works in it.
        try (EmbeddedKafkaBroker next = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, next.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("fine", 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(15, TimeUnit.SECONDS)).contains("fine");
        }
    }

    @Test
    void kafkas_own_exit_procedures_are_replaced_only_while_an_embedded_node_runs() {
        int others = ExitGuard.JVM.running();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            assertThat(ExitGuard.JVM.running()).isEqualTo(others + 1);
            assertThat(ExitGuard.JVM.installed()).isTrue();
        }
        assertThat(ExitGuard.JVM.running()).isEqualTo(others);
        assertThat(ExitGuard.JVM.installed()).isEqualTo(others > 0);
    }
}
