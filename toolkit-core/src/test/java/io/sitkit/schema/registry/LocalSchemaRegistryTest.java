package io.sitkit.schema.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's life cycle and failure messages, on stand-in distributions whose runner jar is {@link FakeRegistry}. */
class LocalSchemaRegistryTest {
    @TempDir
    Path dir;

    @Test
    void a_registry_that_answers_is_ready_on_loopback_and_close_stops_its_whole_process_tree() throws IOException {
        Path home = distribution("serves");
        LocalSchemaRegistry registry = LocalSchemaRegistry.start(home, dir.resolve("logs/serves.log"), Duration.ofSeconds(30));
        List<ProcessHandle> tree;
        try {
            assertThat(new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl())).subjects()).isEmpty();
            assertThat(registry.confluentUrl()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
            assertThat(registry.startedIn()).isPositive();
            tree = launchedFrom(home);
            assertThat(tree).as("the fake registry and the child it started").hasSize(2);
        } finally {
            registry.close();
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(registry.isRunning()).isFalse();
        registry.close();
        assertThat(Files.readString(registry.log())).contains("fake registry: serving on 127.0.0.1:" + registry.port());
    }

    @Test
    void a_registry_that_exits_early_fails_the_start_with_the_exit_code_and_the_tail_of_its_log() throws IOException {
        Path home = distribution("exits");

        assertThatThrownBy(() -> LocalSchemaRegistry.start(home, dir.resolve("exits.log"), Duration.ofSeconds(30)))
                .hasMessage("the local schema registry exited with code 3 before it was ready; its log ends:\n"
                        + "fake registry: cannot open storage");
    }

    @Test
    void a_registry_that_never_answers_fails_at_the_deadline_and_is_stopped() throws IOException {
        Path home = distribution("silent");
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> LocalSchemaRegistry.start(home, dir.resolve("silent.log"), Duration.ofSeconds(3)))
                .hasMessageMatching("the local schema registry was not ready within PT3S \\(no answer from"
                        + " http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7/subjects\\); its log ends:\n"
                        + "fake registry: never ready");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3 + 10));
        assertThat(launchedFrom(home)).isEmpty();
    }

    @Test
    void a_missing_or_foreign_distribution_is_named() throws IOException {
        Path nowhere = dir.resolve("nowhere");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> LocalSchemaRegistry.start(nowhere, dir.resolve("x.log"), Duration.ofSeconds(5)))
                .hasMessage("no Apicurio Registry distribution at " + nowhere.toAbsolutePath()
                        + "; unpack io.apicurio:apicurio-registry-app:3.0.9:tar.gz:all there (the build does this for its tests)");
        assertThatThrownBy(() -> LocalSchemaRegistry.start(empty, dir.resolve("x.log"), Duration.ofSeconds(5)))
                .hasMessage("no *-runner.jar in " + empty.toAbsolutePath() + ": not an unpacked Apicurio Registry distribution");
        assertThatThrownBy(() -> LocalSchemaRegistry.start(empty, dir.resolve("x.log"), Duration.ZERO))
                .hasMessage("the start-up bound of the local schema registry must be positive, was PT0S");
    }

    /** A directory holding {@code <mode>-runner.jar}: the class {@link FakeRegistry} and a manifest naming it. */
    private Path distribution(String mode) throws IOException {
        Path home = Files.createDirectories(dir.resolve(mode + "-home"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeRegistry.class.getName());
        String entry = FakeRegistry.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(home.resolve(mode + "-runner.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest);
             InputStream clazz = FakeRegistry.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            clazz.transferTo(jar);
            jar.closeEntry();
        }
        return home;
    }

    /** Live processes of this JVM's tree whose command line names {@code home}. */
    private static List<ProcessHandle> launchedFrom(Path home) {
        String marker = home.getFileName().toString();
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(marker)).toList();
    }
}
