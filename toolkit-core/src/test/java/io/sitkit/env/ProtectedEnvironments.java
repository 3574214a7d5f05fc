package io.sitkit.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.config.SitkitConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For protection tests: an external environment over the shared embedded brokers that is protected
 * and audited to a fresh file, the lines of that audit file, and the message of a refused write.
 *
 * <pre>{@code
 * Path audit = ProtectedEnvironments.newAuditFile();
 * try (Environment env = ProtectedEnvironments.start(shared, "staging", audit, Map.of()); Bus bus = env.openBus()) {
 *     assertThatThrownBy(() -> bus.publish(OutgoingMessage.text("kafka:orders", "{}")))
 *             .hasMessage(ProtectedEnvironments.refusal("publish to kafka:orders", "staging"));
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ProtectedEnvironments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProtectedEnvironments() {
    }

    /** A path for an audit file in a new folder under {@code target}; the file itself is not created. */
    public static Path newAuditFile() throws IOException {
        return Files.createTempDirectory(Path.of("target"), "audit").resolve("audit.jsonl");
    }

    /**
     * Starts an external environment on the shared brokers' Kafka and JMS, protected (locked) under
     * {@code name} and audited to {@code audit}; {@code more} adds or overrides settings.
     */
    public static Environment start(EmbeddedEnvironment shared, String name, Path audit, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", shared.kafkaBootstrapServers().orElseThrow(),
                "sitkit.jms.url", shared.jmsBrokerUrl().orElseThrow(),
                "sitkit.protection.enabled", "true",
                "sitkit.protection.environment-name", name,
                "sitkit.audit.file", audit.toString()));
        settings.putAll(more);
        return Environments.start(SitkitConfig.of(settings));
    }

    /** The audit file's lines, each read as JSON. */
    public static List<JsonNode> auditLines(Path audit) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The core's message for a write refused on the locked environment {@code name}: "refused to " + {@code what} + …. */
    public static String refusal(String what, String name) {
        return "refused to " + what + ": environment '" + name + "' is protected; unlock it on purpose"
                + " with protection().unlock(\"" + name + "\"), or run against an unprotected environment";
    }
}
