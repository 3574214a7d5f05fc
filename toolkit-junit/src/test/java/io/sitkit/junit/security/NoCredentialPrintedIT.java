package io.sitkit.junit.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link SecretScenario} in a child JVM with known secrets and reads back every line it printed
 * (stdout, stderr, the slf4j-simple log file with Kafka and ActiveMQ at INFO and sitkit at DEBUG) and
 * every file it wrote (run reports, flow traces, the recording, the audit file): none holds a secret.
 */
class NoCredentialPrintedIT {
    private static Path root;
    private static Path out;
    private static List<String> secrets;
    private static int exitCode;

    @BeforeAll
    static void runTheScenarioInAChildJvm() throws Exception {
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "no-credential-it");
        out = root.resolve("out");
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the flags of the build's own test JVMs: C1 only and the parallel collector start a short-lived JVM sooner on few cores
        Process child = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC",
                "-Dorg.slf4j.simpleLogger.logFile=" + out.resolve("slf4j.log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.activemq=info",
                "-Dorg.slf4j.simpleLogger.log.io.sitkit=debug",
                "-cp", System.getProperty("java.class.path"), SecretScenario.class.getName(), root.toString())
                .redirectOutput(out.resolve("stdout.txt").toFile())
                .redirectError(out.resolve("stderr.txt").toFile())
                .start();
        if (!child.waitFor(240, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the secret scenario did not finish within 240 s; see " + out);
        }
        exitCode = child.exitValue();
        secrets = Files.readAllLines(root.resolve("secrets.txt"));
    }

    @Test
    void theScenarioRanEverythingItShould() throws IOException {
        String stdout = Files.readString(out.resolve("stdout.txt"));
        assertThat(exitCode).as("exit code; stderr in %s", out).isZero();
        assertThat(stdout).contains("testkit: 1 passed, 1 failed", "recorded: 2", "SCENARIO DONE")
                .contains("sasl.jaas.config=******", "sitkit.jms.password=******")
                .doesNotContain("UNEXPECTED");
        assertThat(stdout.lines().filter(l -> l.startsWith("refused as expected"))).hasSize(2);
        assertThat(out.resolve("launcher/report.json")).isNotEmptyFile();
        assertThat(out.resolve("launcher/report.html")).isNotEmptyFile();
        assertThat(out.resolve("recording.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("audit.jsonl")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("slf4j.log")))
                .contains("embedded Kafka", "ProducerConfig values", "sasl.jaas.config = [hidden]");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsonl") && f.toString().contains("testkit")))
                    .as("flow traces of the failing test").isNotEmpty();
        }
        assertThat(secrets).hasSize(7).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
    }

    @Test
    void noLineOfAnyLogReportTraceOrRecordingHoldsACredential() throws IOException {
        List<Path> scanned;
        try (Stream<Path> files = Files.walk(out)) {
            scanned = files.filter(Files::isRegularFile).toList();
        }
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        for (Path file : scanned) {
            List<String> content = readLines(file);
            lines += content.size();
            leaks.addAll(leaksIn(file, content));
        }
        assertThat(scanned.size()).as("files scanned").isGreaterThanOrEqualTo(8);
        assertThat(lines).as("lines scanned").isGreaterThan(500);
        assertThat(leaks).as("lines that hold a known secret (file:line)").isEmpty();
    }

    @Test
    void theScanFindsASecretWhereThereIsOne() {
        Path configFile = root.resolve("sitkit.properties");
        assertThat(leaksIn(configFile, readLines(configFile))).as("the user's own config file holds the secrets")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    /** Secrets as written, and base64-encoded (as in a Basic header or a JSON byte array). */
    private static List<String> leaksIn(Path file, List<String> content) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            String line = content.get(i);
            for (String secret : secrets) {
                String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
                if (line.contains(secret) || line.contains(b64.substring(0, b64.length() - 4))) {
                    found.add(root.relativize(file) + ":" + (i + 1));
                }
            }
        }
        return found;
    }

    private static List<String> readLines(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
