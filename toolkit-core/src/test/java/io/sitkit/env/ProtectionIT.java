package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A protected environment over real brokers: writes refused until unlocked, then audited. */
@ExtendWith(SharedEmbedded.class)
class ProtectionIT {
    @Test
    void writes_are_refused_until_unlocked_and_every_publish_is_audited(EmbeddedEnvironment shared) throws Exception {
        Path audit = ProtectedEnvironments.newAuditFile();
        Destination orders = Destination.kafka("protected-orders");
        Destination payments = Destination.jmsQueue("protected-payments");
        try (Environment env = ProtectedEnvironments.start(shared, "shared-staging", audit, Map.of()); Bus bus = env.openBus()) {
            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text(orders, "{}")))
                    .isInstanceOf(ProtectedEnvironmentException.class)
                    .hasMessage("refused to publish to kafka:protected-orders: environment 'shared-staging' is protected;"
                            + " unlock it on purpose with protection().unlock(\"shared-staging\"), or run against an unprotected environment");
            assertThatThrownBy(() -> bus.jms().purge(payments)).hasMessageStartingWith("refused to purge jms:queue:protected-payments:");
            assertThatThrownBy(() -> bus.kafka().deleteTopic("protected-orders")).hasMessageStartingWith("refused to delete topic kafka:protected-orders:");
            assertThatThrownBy(() -> bus.kafka().createTopic("protected-new", 1)).hasMessageStartingWith("refused to create topic kafka:protected-new:");
            assertThatThrownBy(() -> bus.jms().receive(payments, java.time.Duration.ofMillis(10)))
                    .hasMessageStartingWith("refused to receive (consume) from jms:queue:protected-payments:");
            assertThat(audit).doesNotExist();

            env.protection().unlock("shared-staging");
            bus.publish(OutgoingMessage.text(orders, "{\"orderId\":\"o-1\"}").withKey("o-1"));
            bus.publish(OutgoingMessage.text(payments, "{\"amount\":5}"));
            bus.kafka().createTopic("protected-new", 1);
            env.protection().lock();

            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text(orders, "{}"))).isInstanceOf(ProtectedEnvironmentException.class);
            List<String> lines = Files.readAllLines(audit);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(2)).contains("\"action\":\"create topic\",\"destination\":\"kafka:protected-new\"}");
            assertThat(lines.get(0)).contains("\"environment\":\"shared-staging\",\"action\":\"publish\",\"destination\":\"kafka:protected-orders\",\"key\":\"o-1\",\"payloadBytes\":17,\"payloadSha256\":\"");
            assertThat(lines.get(1)).contains("\"destination\":\"jms:queue:protected-payments\"").doesNotContain("\"key\"");
        }
    }

    @Test
    void an_external_environment_from_settings_built_in_code_takes_its_protection_from_the_configuration(EmbeddedEnvironment shared) {
        SitkitConfig config = SitkitConfig.of(Map.of("sitkit.protection.enabled", "true", "sitkit.protection.environment-name", "coded"));
        io.sitkit.jms.JmsSettings jms = io.sitkit.jms.JmsSettings.of(
                () -> new org.apache.activemq.ActiveMQConnectionFactory(shared.jmsBrokerUrl().orElseThrow()), "coded broker");
        try (Environment env = Environments.external(config, null, jms); Bus bus = env.openBus()) {
            assertThat(env.protection().isLocked()).isTrue();
            assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("jms:queue:coded", "{}")))
                    .hasMessageStartingWith("refused to publish to jms:queue:coded: environment 'coded' is protected;");
            env.protection().unlock("coded");
            assertThat(bus.publish(OutgoingMessage.text("jms:queue:coded", "{}")).destination()).isEqualTo(Destination.jmsQueue("coded"));
        }
    }
}
