package io.sitkit.tls;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JDK's {@code keytool}. The password goes through the child's environment
 * ({@code -storepass:env}), never its command line.
 *
 * <p>Thread-safety: stateless.
 */
final class KeyTool {
    private static final String PASSWORD_ENV = "SITKIT_KEYTOOL_STORE_PASSWORD";
    private static final long TIMEOUT_SECONDS = 60;

    private KeyTool() {
    }

    static TlsMaterial generate(Path dir) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SitkitException("could not create the TLS dir " + dir + ": " + e.getMessage(), e);
        }
        Path server = dir.resolve("server.p12");
        Path client = dir.resolve("client.p12");
        Path trust = dir.resolve("truststore.p12");
        try {
            for (Path old : List.of(server, client, trust)) {
                Files.deleteIfExists(old); // keytool would add to an old store, under its old password
            }
        } catch (IOException e) {
            throw new SitkitException("could not replace the old TLS stores in " + dir + ": " + e.getMessage(), e);
        }
        // Both keytool runs at once: each is a JVM start, the slow part.
        Running serverRun = keyPair(server, "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", password);
        Running clientRun;
        try {
            clientRun = keyPair(client, "client", "CN=sitkit-client", null, password);
        } catch (RuntimeException e) {
            serverRun.process().destroyForcibly();
            throw e;
        }
        try {
            serverRun.await();
        } finally {
            clientRun.await();
        }
        trustBoth(server, client, trust, password);
        return new TlsMaterial(server, client, trust, password);
    }

    private static Running keyPair(Path store, String alias, String dname, String ext, String password) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname, "-validity", "2",
                "-keystore", store.toString(), "-storetype", TlsMaterial.STORE_TYPE,
                "-storepass:env", PASSWORD_ENV, "-keypass:env", PASSWORD_ENV));
        if (ext != null) {
            args.add("-ext");
            args.add(ext);
        }
        return start(args, password, store.resolveSibling(alias + ".keytool.log"));
    }

    /** The trust store is written in-process from the two key stores' certificates: two keytool runs fewer. */
    private static void trustBoth(Path server, Path client, Path trustStore, String password) {
        try {
            KeyStore trust = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
            trust.load(null, null);
            trust.setCertificateEntry("server", load(server, password).getCertificate("server"));
            trust.setCertificateEntry("client", load(client, password).getCertificate("client"));
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SitkitException("could not write the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static Running start(List<String> args, String password, Path log) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().put(PASSWORD_ENV, password);
        try {
            return new Running(builder.start(), args.get(0), log);
        } catch (IOException e) {
            throw new SitkitException("could not run " + keytool + " to make TLS test certificates: " + e.getMessage()
                    + "; run on a full JDK (keytool is in its bin dir)", e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** A started keytool whose output goes to {@code log} (deleted once it succeeded). */
    private record Running(Process process, String what, Path log) {
        void await() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new SitkitException("keytool " + what + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new SitkitException("keytool " + what + " failed with exit code " + process.exitValue()
                            + ": " + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new SitkitException("could not read the output of keytool " + what + " in " + log + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new SitkitException("interrupted while making TLS test certificates", e);
            }
        }
    }
}
