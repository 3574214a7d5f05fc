package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.fx.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating and deleting topics and purging queues through the core, on the shared sandbox's real brokers. */
@ExtendWith(SharedSandbox.class)
class DestinationAdminIT {

    private static ConnectionProfile staging(Connection shared) {
        return ConnectionProfile.kafka("staging", shared.environment().kafkaBootstrapServers().orElseThrow())
                .withSetting("sitkit.jms.url", shared.environment().jmsBrokerUrl().orElseThrow())
                .protectedAs("staging");
    }

    private static List<String> names(Connection c) {
        return c.bus().listDestinations().stream().map(DestinationInfo::destination).map(Destination::toString).toList();
    }

    @Test
    void a_protected_connection_refuses_every_write_until_unlocked_and_the_core_audits_each_one(Connection shared, @TempDir Path dir)
            throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Destination queue = Destination.jmsQueue("svc-admin-q");
        shared.bus().publish(OutgoingMessage.text(queue, "one"));
        shared.bus().publish(OutgoingMessage.text(queue, "two"));
        try (Connection c = Connection.open(staging(shared), audit)) {
            DestinationAdmin admin = new DestinationAdmin(c);

            assertThatThrownBy(() -> admin.createTopic("svc-admin-new", 2)).isInstanceOf(ProtectedEnvironmentException.class)
                    .hasMessage("refused to create topic kafka:svc-admin-new: environment 'staging' is protected; unlock it on purpose"
                            + " with protection().unlock(\"staging\"), or run against an unprotected environment");
            assertThatThrownBy(() -> admin.purge(queue)).hasMessageStartingWith("refused to purge jms:queue:svc-admin-q: environment 'staging'");
            assertThatThrownBy(() -> admin.deleteTopic(Destination.kafka("svc-admin-new")))
                    .hasMessageStartingWith("refused to delete topic kafka:svc-admin-new: environment 'staging'");
            assertThat(audit).doesNotExist();
            assertThat(c.bus().jms().depth(queue)).isEqualTo(2);

            c.protection().unlock("staging");
            Destination created = admin.createTopic(" svc-admin-new ", 2);
            int partitions = c.bus().kafka().listDestinations().stream().filter(i -> i.destination().equals(created))
                    .mapToInt(DestinationInfo::partitions).findFirst().orElse(-1);
            admin.deleteTopic(created);
            List<String> afterDelete = names(c);
            int purged = admin.purge(queue);

            assertThat(created).isEqualTo(Destination.kafka("svc-admin-new"));
            assertThat(partitions).isEqualTo(2);
            assertThat(afterDelete).as("listed no more once deleteTopic returns").doesNotContain("kafka:svc-admin-new");
            assertThat(purged).isEqualTo(2);
            assertThat(c.bus().jms().depth(queue)).isZero();
            List<String> lines = Files.readAllLines(audit);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).contains("\"environment\":\"staging\",\"action\":\"create topic\",\"destination\":\"kafka:svc-admin-new\"}");
            assertThat(lines.get(1)).contains("\"action\":\"delete topic\",\"destination\":\"kafka:svc-admin-new\"}");
            assertThat(lines.get(2)).contains("\"action\":\"purge\",\"destination\":\"jms:queue:svc-admin-q\"}");
        }
    }

    @Test
    void bad_requests_are_refused_before_anything_reaches_a_broker(Connection c) {
        DestinationAdmin admin = new DestinationAdmin(c);

        assertThatThrownBy(() -> admin.createTopic("  ", 1)).hasMessage("a new topic needs a name");
        assertThatThrownBy(() -> admin.createTopic("svc-admin-bad", 0)).hasMessage("partitions must be 1–1000, was 0");
        assertThatThrownBy(() -> admin.deleteTopic(Destination.jmsQueue("svc-admin-bad")))
                .hasMessage("only Kafka topics can be deleted here, not jms:queue:svc-admin-bad");
        assertThatThrownBy(() -> admin.purge(Destination.kafka("svc-admin-bad")))
                .hasMessage("only JMS queues can be purged, not kafka:svc-admin-bad");
        assertThatThrownBy(() -> admin.purge(Destination.jmsTopic("svc-admin-bad")))
                .hasMessage("only JMS queues can be purged, not jms:topic:svc-admin-bad");
        admin.createTopic("svc-admin-twice", 1);
        assertThatThrownBy(() -> admin.createTopic("svc-admin-twice", 1)).hasMessage("cannot create kafka:svc-admin-twice: it already exists");
    }
}
