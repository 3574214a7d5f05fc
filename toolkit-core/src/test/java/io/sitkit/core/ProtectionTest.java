package io.sitkit.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtectionTest {
    @Test
    void a_protected_environment_refuses_writes_until_its_name_is_typed() {
        Protection p = Protection.of("staging", true, Optional.empty());

        assertThatThrownBy(() -> p.checkWrite("publish to", Destination.kafka("orders")))
                .isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage("refused to publish to kafka:orders: environment 'staging' is protected; unlock it on purpose"
                        + " with protection().unlock(\"staging\"), or run against an unprotected environment");
        assertThatThrownBy(() -> p.unlock("Staging"))
                .hasMessage("not unlocked: 'Staging' is not the name of this environment; type 'staging' exactly to allow writes to it");
        assertThat(p.isLocked()).isTrue();

        p.unlock("staging");
        p.checkWrite("purge", Destination.jmsQueue("payments"));
        assertThat(p.toString()).isEqualTo("Protection[staging, protected, unlocked]");

        p.lock();
        assertThat(p.isLocked()).isTrue();
    }

    @Test
    void an_unprotected_environment_allows_writes_and_lock_changes_nothing() {
        Protection p = Protection.of("embedded", false, Optional.empty());
        p.lock();

        p.checkWrite("delete topic", Destination.kafka("orders"));
        assertThat(p.isLocked()).isFalse();
        assertThat(Protection.none().isProtected()).isFalse();
    }

    @Test
    void an_audit_line_says_when_who_where_the_key_and_the_payload_digest_but_not_the_payload() {
        Protection p = Protection.of("staging", true, Optional.empty())
                .withClock(Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC));

        String line = p.line("publish", Destination.kafka("orders"), "o-1".getBytes(), "{\"card\":\"4111\"}".getBytes());

        assertThat(line).isEqualTo("{\"at\":\"2026-11-25T07:00:00Z\",\"user\":\"" + System.getProperty("user.name")
                + "\",\"environment\":\"staging\",\"action\":\"publish\",\"destination\":\"kafka:orders\",\"key\":\"o-1\","
                + "\"payloadBytes\":15,\"payloadSha256\":\"" + sha("{\"card\":\"4111\"}") + "\"}");
        assertThat(line).doesNotContain("4111");
    }

    @Test
    void a_schema_registry_write_is_refused_with_the_same_message_and_audited_without_the_schema(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Protection p = Protection.of("staging", true, Optional.of(audit))
                .withClock(Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC));

        assertThatThrownBy(() -> p.checkWrite("delete subject orders-value in the schema registry at http://registry:8081"))
                .isInstanceOf(ProtectedEnvironmentException.class)
                .hasMessage("refused to delete subject orders-value in the schema registry at http://registry:8081: environment 'staging'"
                        + " is protected; unlock it on purpose with protection().unlock(\"staging\"), or run against an unprotected environment");
        p.unlock("staging");
        p.wroteSchemaRegistry("set compatibility", "http://registry:8081", "", "NONE", null);
        p.wroteSchemaRegistry("register schema", "http://registry:8081", "orders-value", null, "{\"type\":\"string\"}");

        String head = "{\"at\":\"2026-11-25T07:00:00Z\",\"user\":\"" + System.getProperty("user.name") + "\",\"environment\":\"staging\",";
        assertThat(Files.readAllLines(audit)).containsExactly(
                head + "\"action\":\"set compatibility\",\"registry\":\"http://registry:8081\",\"level\":\"NONE\"}",
                head + "\"action\":\"register schema\",\"registry\":\"http://registry:8081\",\"subject\":\"orders-value\","
                        + "\"schemaBytes\":17,\"schemaSha256\":\"" + sha("{\"type\":\"string\"}") + "\"}");
    }

    private static String sha(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
