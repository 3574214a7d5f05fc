package io.sitkit.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.core.Protection;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.env.ProtectedEnvironments;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.schema.SchemaFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schema registry of a protected environment, against a real Apicurio Registry: its writes —
 * register, compatibility levels, subject deletion — are refused while locked with the message of
 * every refused write (the registry left as it was, nothing audited) and audited once unlocked;
 * reads, checks and registering a schema already there are not writes. A client built alone is
 * unguarded.
 */
@ExtendWith(SharedEmbedded.class)
class ProtectedRegistryIT {
    private static final String NAME = "guarded-registry";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"p\",\"fields\":["
            + "{\"name\":\"weight\",\"type\":\"double\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"p\",\"fields\":["
            + "{\"name\":\"weight\",\"type\":\"double\"},{\"name\":\"unit\",\"type\":\"string\",\"default\":\"kg\"}]}";
    private static LocalSchemaRegistry registry;

    private final String subject = "parcel-" + System.nanoTime() + "-value";
    private Path audit;
    private Environment env;
    private SchemaRegistryClient alone;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start("protected");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void open(EmbeddedEnvironment shared) throws IOException {
        audit = ProtectedEnvironments.newAuditFile();
        env = ProtectedEnvironments.start(shared, NAME, audit, Map.of("sitkit.schema-registry.url", registry.confluentUrl()));
        alone = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void the_environments_registry_refuses_every_write_while_locked_and_leaves_the_registry_as_it_was() {
        SchemaRegistryClient guarded = env.schemaRegistry().orElseThrow();
        assertThat(env.schemaRegistry()).containsSame(guarded);
        assertThat(guarded.protection()).isSameAs(env.protection());

        assertThatThrownBy(() -> guarded.register(subject, SchemaFormat.AVRO, V1)).isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("register a schema under " + subject));
        assertThatThrownBy(() -> guarded.setCompatibility(subject, "full")).isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("set the compatibility level of " + subject + " to full"));
        assertThatThrownBy(() -> guarded.setCompatibility("NONE")).isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("set the global compatibility level to NONE"));
        assertThatThrownBy(() -> guarded.deleteSubject(subject)).isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage(refusal("delete subject " + subject));

        assertThat(alone.subjects()).doesNotContain(subject);
        assertThat(audit).doesNotExist();
    }

    @Test
    void reads_checks_and_registering_a_schema_already_there_are_no_writes_while_locked() {
        int id = alone.register(subject, SchemaFormat.AVRO, V1);
        SchemaRegistryClient guarded = env.schemaRegistry().orElseThrow();

        assertThat(guarded.register(subject, SchemaFormat.AVRO, V1)).as("found by a lookup, nothing written").isEqualTo(id);
        assertThat(guarded.schemaById(id).text()).contains("Parcel");
        assertThat(guarded.versions(subject)).containsExactly(1);
        assertThat(guarded.checkCompatibility(subject, SchemaFormat.AVRO, V2).compatible()).isTrue();
        assertThatThrownBy(() -> guarded.register(subject, SchemaFormat.AVRO, V2)).as("a new version is a write")
                .hasMessage(refusal("register a schema under " + subject));

        assertThat(alone.versions(subject)).containsExactly(1);
        assertThat(audit).doesNotExist();
    }

    @Test
    void once_unlocked_every_write_goes_through_and_is_audited() throws IOException {
        SchemaRegistryClient guarded = env.schemaRegistry().orElseThrow();
        env.protection().unlock(NAME);

        int id = guarded.register(subject, SchemaFormat.AVRO, V1);
        assertThat(guarded.setCompatibility(subject, "full")).isEqualTo("FULL");
        assertThat(guarded.deleteSubject(subject)).containsExactly(1);

        assertThat(id).isPositive();
        assertThat(alone.subjects()).doesNotContain(subject);
        List<JsonNode> lines = auditLines();
        assertThat(lines).extracting(l -> l.get("environment").asText(), l -> l.get("action").asText(), l -> l.get("registry").asText(),
                l -> l.get("subject").asText(), l -> l.path("level").asText("-")).containsExactly(
                tuple(NAME, "register schema", registry.confluentUrl(), subject, "-"),
                tuple(NAME, "set compatibility", registry.confluentUrl(), subject, "FULL"),
                tuple(NAME, "delete subject", registry.confluentUrl(), subject, "-"));
        assertThat(lines.get(0).get("schemaBytes").asInt()).isEqualTo(V1.length());
        assertThat(lines.get(0).get("schemaSha256").asText()).hasSize(64);
    }

    @Test
    void a_client_built_alone_is_tied_to_no_environment_and_writes_even_while_the_environment_is_locked() {
        assertThat(env.protection().isLocked()).isTrue();

        assertThat(alone.protection()).isSameAs(Protection.none());
        assertThat(alone.register(subject, SchemaFormat.AVRO, V1)).isPositive();
        assertThat(alone.deleteSubject(subject)).containsExactly(1);
        assertThat(audit).doesNotExist();
    }

    @Test
    void an_environment_without_a_registry_configured_has_none() {
        Map<String, String> noRegistry = new HashMap<>(Map.of("sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", env.kafkaBootstrapServers().orElseThrow()));
        try (Environment bare = Environments.start(SitkitConfig.of(noRegistry))) {
            assertThat(bare.schemaRegistry()).isEmpty();
        }
    }

    private static String refusal(String what) {
        return ProtectedEnvironments.refusal(what + " in the schema registry at " + registry.confluentUrl(), NAME);
    }

    private List<JsonNode> auditLines() throws IOException {
        return ProtectedEnvironments.auditLines(audit);
    }
}
