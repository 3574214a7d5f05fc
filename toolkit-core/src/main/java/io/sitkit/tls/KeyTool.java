package io.sitkit.tls;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        keyPair(server, "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", password);
        keyPair(client, "client", "CN=sitkit-client", null, password);
        trust(server, "server", trust, dir.resolve("server.crt"), password);
        trust(client, "client", trust, dir.resolve("client.crt"), password);
        return new TlsMaterial(server, client, trust, password);
    }

    private static void keyPair(Path store, String alias, String dname, String ext, String password) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname, "-validity", "2",
                "-keystore", store.toString(), "-storetype", TlsMaterial.STORE_TYPE,
                "-storepass:env", PASSWORD_ENV, "-keypass:env", PASSWORD_ENV));
        if (ext != null) {
            args.add("-ext");
            args.add(ext);
        }
        run(args, password);
    }

    private static void trust(Path keyStore, String alias, Path trustStore, Path certFile, String password) {
        run(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(),
                "-storetype", TlsMaterial.STORE_TYPE, "-storepass:env", PASSWORD_ENV, "-file", certFile.toString()),
                password);
        run(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certFile.toString(),
                "-keystore", trustStore.toString(), "-storetype", TlsMaterial.STORE_TYPE,
                "-storepass:env", PASSWORD_ENV), password);
    }

    private static void run(List<String> args, String password) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_ENV, password);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SitkitException("keytool " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new SitkitException("keytool " + args.get(0) + " failed with exit code " + process.exitValue()
                        + ": " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new SitkitException("could not run " + keytool + " to make TLS test certificates: " + e.getMessage()
                    + "; run on a full JDK (keytool is in its bin dir)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitkitException("interrupted while making TLS test certificates", e);
        }
    }
}
