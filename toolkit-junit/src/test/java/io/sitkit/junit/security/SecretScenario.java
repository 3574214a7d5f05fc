package io.sitkit.junit.security;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.jms.embedded.EmbeddedActiveMqSecurity;
import io.sitkit.junit.scenarios.OrderFlowScenario;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The representative run {@link NoCredentialPrintedIT} starts in a child JVM, so that every line the
 * JVM prints can be read: secured brokers (SASL/SCRAM over TLS Kafka, ActiveMQ with a password over
 * TLS), a passing and a failing sitkit test through the EngineTestKit and through a launcher (run
 * report, flow traces), a recording, an audit file, refused logins, and configuration printed the
 * way a user would print it.
 *
 * <p>Arguments: the root dir. Writes {@code secrets.txt} (one known secret a line) and
 * {@code sitkit.properties} (the configuration, secrets included, as a user would keep it) into the
 * root and everything the run produces into {@code root/out}.
 */
public final class SecretScenario {
    static final String KAFKA_PASSWORD = "kafkaKnownSecret-5d41402a";
    static final String JMS_PASSWORD = "jmsKnownSecret-7d793037";
    static final String WRONG_KAFKA_PASSWORD = "kafkaWrongSecret-1f3870be";
    static final String WRONG_JMS_PASSWORD = "jmsWrongSecret-c4ca4238";

    private SecretScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Files.createDirectories(root.resolve("out"));
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults()
                .withSecurity(EmbeddedKafkaSecurity.saslScramTls(Map.of("alice", KAFKA_PASSWORD))));
             EmbeddedActiveMq activeMq = EmbeddedActiveMq.start(false, null, EmbeddedActiveMq.DEFAULT_MIRROR_PREFIX,
                     EmbeddedActiveMqSecurity.none().withUser("bob", JMS_PASSWORD).withTls(true))) {
            List<String> secrets = new ArrayList<>(List.of(KAFKA_PASSWORD, JMS_PASSWORD, WRONG_KAFKA_PASSWORD,
                    WRONG_JMS_PASSWORD, kafka.tls().orElseThrow().password(), activeMq.tls().orElseThrow().password(),
                    Files.readString(kafka.dataDir().resolve("inter-broker.secret")).strip()));
            Files.write(root.resolve("secrets.txt"), secrets);
            Path configFile = root.resolve("sitkit.properties");
            Files.writeString(configFile, properties(kafka, activeMq, out));
            System.setProperty("sitkit.config.file", configFile.toString());

            SitkitConfig config = SitkitConfig.load();
            System.out.println("configuration: " + config);
            System.out.println("kafka broker: " + kafka + " " + kafka.config() + " " + kafka.tls().orElseThrow());
            System.out.println("activemq broker: " + activeMq.brokerUrl() + " " + activeMq.tls().orElseThrow());

            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OrderFlowScenario.class))
                    .configurationParameter("sitkit.junit.output-dir", out.resolve("testkit").toString()).execute();
            System.out.println("testkit: " + results.testEvents().succeeded().count() + " passed, "
                    + results.testEvents().failed().count() + " failed");
            results.testEvents().failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(Throwable::printStackTrace));

            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OrderFlowScenario.class))
                    .configurationParameter("sitkit.junit.output-dir", out.resolve("launcher").toString()).build());

            try (Environment env = Environments.start(config);
                 Bus bus = env.openBus();
                 Recorder recorder = RecorderSpec.to(out.resolve("recording.jsonl"))
                         .start(bus, "kafka:recorded-orders", "jms:queue:recorded-payments")) {
                System.out.println("environment: " + env);
                recorder.note("a secured recording");
                recorder.inject(OutgoingMessage.text("kafka:recorded-orders", "{\"orderId\":\"r-1\"}").withKey("r-1"));
                recorder.inject(OutgoingMessage.text("jms:queue:recorded-payments", "{\"orderId\":\"r-1\"}"));
                System.out.println("recorded: " + recorder.awaitRecorded(2, Duration.ofSeconds(10)));
            }

            refusedLogin(config.with("sitkit.kafka.client.sasl.jaas.config",
                    EmbeddedKafkaSecurity.jaasConfig("alice", WRONG_KAFKA_PASSWORD)).with("sitkit.jms.enabled", "false"),
                    "kafka:refused");
            refusedLogin(config.with("sitkit.jms.password", WRONG_JMS_PASSWORD).with("sitkit.kafka.enabled", "false"),
                    "jms:queue:refused");
        }
        System.out.println("SCENARIO DONE");
    }

    private static void refusedLogin(SitkitConfig config, String address) {
        try (Environment env = Environments.start(config); Bus bus = env.openBus()) {
            bus.publish(OutgoingMessage.text(address, "x"));
            System.out.println("UNEXPECTED: a wrong password was accepted at " + address);
        } catch (RuntimeException e) {
            System.out.println("refused as expected: " + e);
            e.printStackTrace();
        }
    }

    private static String properties(EmbeddedKafkaBroker kafka, EmbeddedActiveMq activeMq, Path out) {
        StringBuilder p = new StringBuilder();
        p.append("sitkit.environment=external\n");
        p.append("sitkit.kafka.bootstrap-servers=").append(kafka.bootstrapServers()).append('\n');
        p.append("sitkit.kafka.timeout=5s\n");
        kafka.clientSecurityProperties().forEach((k, v) -> p.append("sitkit.kafka.client.").append(k).append('=')
                .append(v.replace("\\", "\\\\")).append('\n'));
        p.append("sitkit.kafka.client.sasl.jaas.config=")
                .append(EmbeddedKafkaSecurity.jaasConfig("alice", KAFKA_PASSWORD).replace("\\", "\\\\")).append('\n');
        p.append("sitkit.jms.url=").append(activeMq.brokerUrl()).append('\n');
        p.append("sitkit.jms.user=bob\n");
        p.append("sitkit.jms.password=").append(JMS_PASSWORD).append('\n');
        p.append("sitkit.jms.timeout=5s\n");
        p.append("sitkit.jms.queue-observation=mirror\n");
        p.append("sitkit.jms.ssl.truststore=").append(activeMq.tls().orElseThrow().trustStore()).append('\n');
        p.append("sitkit.jms.ssl.truststore-password=").append(activeMq.tls().orElseThrow().password()).append('\n');
        p.append("sitkit.audit.file=").append(out.resolve("audit.jsonl")).append('\n');
        return p.toString();
    }
}
