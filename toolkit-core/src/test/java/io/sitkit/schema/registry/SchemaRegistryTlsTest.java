package io.sitkit.schema.registry;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.sitkit.config.SitkitConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** https to a registry whose certificate comes from a private CA (a self-signed one, made with the JDK's keytool). */
class SchemaRegistryTlsTest {
    private static final char[] PASSWORD = "changeit-test".toCharArray();
    @TempDir
    Path dir;
    private HttpsServer server;
    private KeyStore keys;
    private Path store;

    @BeforeEach
    void start() throws Exception {
        Path store = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        this.store = store;
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/subjects", exchange -> {
            byte[] body = "[\"orders-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @Test
    void a_trust_store_from_configuration_holding_only_the_certificate_is_enough_and_its_password_never_shows() throws Exception {
        String url = "https://127.0.0.1:" + server.getAddress().getPort();
        Path cert = dir.resolve("registry.crt");
        Path trust = dir.resolve("trust.p12");
        keytool("-exportcert", "-alias", "registry", "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry-ca", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", "trust-pw-9");
        Map<String, String> config = Map.of("sitkit.schema-registry.url", url, "sitkit.schema-registry.truststore", trust.toString(),
                "sitkit.schema-registry.truststore-password", "trust-pw-9");

        RegistrySettings settings = RegistrySettings.from(SitkitConfig.of(config));

        assertThat(new SchemaRegistryClient(settings).subjects()).containsExactly("orders-value");
        assertThat(settings.toString()).isEqualTo("RegistrySettings[url=" + url + ", connectTimeout=PT5S, requestTimeout=PT10S, tls=TLS]");
        assertThat(SitkitConfig.of(config).toString()).doesNotContain("trust-pw-9");
        assertThatThrownBy(() -> RegistrySettings.of(url).withTrustStore(trust, "wrong-pw"))
                .hasMessage("schema registry trust store " + trust.toAbsolutePath() + " cannot be read as PKCS12: keystore password was incorrect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw"));
        assertThatThrownBy(() -> RegistrySettings.of(url).withTrustStore(dir.resolve("none.p12"), null))
                .hasMessage("schema registry trust store " + dir.resolve("none.p12").toAbsolutePath() + " does not exist");
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_registry_behind_a_private_ca_is_reached_with_its_trust_store_and_refused_without_it() throws Exception {
        String url = "https://127.0.0.1:" + server.getAddress().getPort();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        assertThat(new SchemaRegistryClient(RegistrySettings.of(url).withSsl(trusting)).subjects()).isEqualTo(List.of("orders-value"));
        assertThatThrownBy(() -> new SchemaRegistryClient(RegistrySettings.of(url)).subjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("schema registry at " + url + " unreachable while trying to list subjects: SSLHandshakeException");
    }
}
