package io.sitkit.fx.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {
    private static final String SECRET = "pa55-w0rd-never-in-the-file";

    private static ConnectionProfile staging() {
        return ConnectionProfile.jms("staging JMS", "tcp://mq.example:61616", "tester")
                .withSecret("sitkit.jms.password", SECRET).protectedAs("staging");
    }

    @Test
    void secrets_are_saved_encrypted_and_come_back_with_the_passphrase(@TempDir Path dir) throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        SecretVault vault = SecretVault.create("correct horse".toCharArray(), 1_000);

        store.save(List.of(staging(), ConnectionProfile.sandbox("sandbox", true)), Optional.of(vault));

        String file = Files.readString(store.file());
        assertThat(file).doesNotContain(SECRET).contains("\"sitkit.jms.password\" : \"").contains("AES-256-GCM");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        SecretVault reopened = SecretVault.unlock("correct horse".toCharArray(), store.vaultParams().orElseThrow());
        List<ConnectionProfile> back = store.load(Optional.of(reopened));
        assertThat(back).hasSize(2);
        assertThat(back.get(0).secrets()).containsEntry("sitkit.jms.password", SECRET);
        assertThat(back.get(0).isProtected()).isTrue();
        assertThat(back.get(0).environmentName()).isEqualTo("staging");
        assertThat(back.get(1).demoTraffic()).isTrue();
    }

    @Test
    void without_the_passphrase_profiles_load_knowing_which_secrets_to_ask_for(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(List.of(staging()), Optional.of(SecretVault.create("correct horse".toCharArray(), 1_000)));

        ConnectionProfile bare = store.load(Optional.empty()).get(0);

        assertThat(bare.secrets()).isEmpty();
        assertThat(bare.missingSecrets()).containsExactly("sitkit.jms.password");
        assertThatThrownBy(() -> bare.toConfig(null))
                .hasMessage("profile 'staging JMS' needs [sitkit.jms.password] before it can connect");
    }

    @Test
    void a_wrong_passphrase_is_told_apart_from_a_right_one(@TempDir Path dir) {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(List.of(staging()), Optional.of(SecretVault.create("correct horse".toCharArray(), 1_000)));

        assertThatThrownBy(() -> SecretVault.unlock("wrong horse".toCharArray(), store.vaultParams().orElseThrow()))
                .isInstanceOf(SecretVault.WrongPassphraseException.class)
                .hasMessage("the master passphrase does not open the saved secrets; check it and try again"
                        + " (or connect without saved secrets and type them in)");
    }

    @Test
    void without_a_vault_secrets_are_not_saved_at_all(@TempDir Path dir) throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));

        store.save(List.of(staging()), Optional.empty());

        assertThat(Files.readString(store.file())).doesNotContain(SECRET).contains("\"secretsNotSaved\" : [ \"sitkit.jms.password\" ]");
        assertThat(store.vaultParams()).isEmpty();
        assertThat(store.load(Optional.empty()).get(0).missingSecrets()).containsExactly("sitkit.jms.password");
    }

    @Test
    void a_sealed_secret_moved_to_another_profile_does_not_open() {
        SecretVault vault = SecretVault.create("correct horse".toCharArray(), 1_000);
        SecretVault.Sealed sealed = vault.seal(SECRET, "staging/sitkit.jms.password");

        assertThat(vault.open(sealed, "staging/sitkit.jms.password")).isEqualTo(SECRET);
        assertThatThrownBy(() -> vault.open(sealed, "prod/sitkit.jms.password")).isInstanceOf(SecretVault.WrongPassphraseException.class);
    }

    @Test
    void secrets_are_refused_as_settings_and_never_printed() {
        assertThatThrownBy(() -> ConnectionProfile.kafka("k", "b:9092").withSetting("sitkit.kafka.client.sasl.jaas.config", "x"))
                .hasMessage("profile 'k': 'sitkit.kafka.client.sasl.jaas.config' is a secret; set it with withSecret so it is never"
                        + " shown and saved only encrypted");
        assertThat(staging().toString()).doesNotContain(SECRET).contains("sitkit.jms.password");
    }

    @Test
    void a_profile_becomes_the_core_configuration_with_the_inspector_audit_file() {
        var config = staging().toConfig(Path.of("/tmp/audit.jsonl"));

        assertThat(config.get("sitkit.environment")).contains("external");
        assertThat(config.get("sitkit.jms.url")).contains("tcp://mq.example:61616");
        assertThat(config.get("sitkit.jms.password")).contains(SECRET);
        assertThat(config.get("sitkit.protection.enabled")).contains("true");
        assertThat(config.get("sitkit.audit.file")).contains("/tmp/audit.jsonl");
        assertThat(ConnectionProfile.sandbox("s", true).toConfig(null).get(ConnectionProfile.DEMO_TRAFFIC)).isEmpty();
    }

    @Test
    void the_config_dir_follows_the_platform_unless_overridden() {
        var props = new java.util.Properties();
        props.setProperty("user.home", "/home/ann");
        props.setProperty("os.name", "Linux");
        assertThat(ConfigDirs.resolve(props, java.util.Map.of())).isEqualTo(Path.of("/home/ann/.config/sitkit"));
        assertThat(ConfigDirs.resolve(props, java.util.Map.of("XDG_CONFIG_HOME", "/x"))).isEqualTo(Path.of("/x/sitkit"));
        props.setProperty("os.name", "Mac OS X");
        assertThat(ConfigDirs.resolve(props, java.util.Map.of())).isEqualTo(Path.of("/home/ann/Library/Application Support/sitkit"));
        props.setProperty(ConfigDirs.OVERRIDE, "/tmp/cfg");
        assertThat(ConfigDirs.resolve(props, java.util.Map.of())).isEqualTo(Path.of("/tmp/cfg"));
    }
}
