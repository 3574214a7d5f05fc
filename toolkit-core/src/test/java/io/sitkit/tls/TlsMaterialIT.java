package io.sitkit.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** keytool-made stores: loadable with their password only, with the names clients verify. */
class TlsMaterialIT {

    @Test
    void generatesAServerCertificateForLoopbackAClientCertificateAndATrustStoreWithBoth(@TempDir Path dir) throws Exception {
        TlsMaterial tls = TlsMaterial.generate(dir.resolve("tls"));

        KeyStore trust = load(tls.trustStore(), tls.password());
        assertThat(Collections.list(trust.aliases())).containsExactlyInAnyOrder("server", "client");
        X509Certificate server = (X509Certificate) load(tls.serverKeyStore(), tls.password()).getCertificate("server");
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(server.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");
        assertThat(server.getNotAfter()).isInTheFuture();
        KeyStore client = load(tls.clientKeyStore(), tls.password());
        assertThat(((X509Certificate) client.getCertificate("client")).getSubjectX500Principal().getName())
                .isEqualTo("CN=sitkit-client");
        assertThat(client.isKeyEntry("client")).isTrue();
        assertThat(tls.password()).hasSize(32).isNotEqualTo(TlsMaterial.generate(dir.resolve("other")).password());
    }

    @Test
    void theStoresDoNotOpenWithAnotherPassword(@TempDir Path dir) {
        TlsMaterial tls = TlsMaterial.generate(dir);

        assertThatThrownBy(() -> load(tls.trustStore(), "not-the-password"))
                .hasMessageContaining("password");
        assertThat(List.of(tls.serverKeyStore(), tls.clientKeyStore(), tls.trustStore())).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    @Test
    void aShortPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new TlsMaterial(Path.of("s"), Path.of("c"), Path.of("t"), "abc"))
                .hasMessage("password must have at least 6 characters (keytool's minimum)");
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
