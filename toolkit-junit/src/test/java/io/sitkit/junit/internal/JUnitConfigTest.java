package io.sitkit.junit.internal;

import io.sitkit.config.SitkitConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension's own keys follow the one scheme: system property, environment variable, JUnit parameter, file. */
class JUnitConfigTest {

    @Test
    void extensionKeysAreReadFromEnvironmentVariablesAboveJUnitParametersAndFromTheFileBelowThem(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("sitkit.properties");
        Files.writeString(file, "sitkit.junit.docker-missing=skip\nsitkit.junit.output-dir=from-file\n");
        Properties system = new Properties();
        system.setProperty("sitkit.config.file", file.toString());
        system.setProperty("sitkit.junit.contracts", "from-system");
        SitkitConfig base = SitkitConfig.load(Map.of("SITKIT_JUNIT_OUTPUT_DIR", "from-env"), system);
        Map<String, String> junit = Map.of("sitkit.junit.output-dir", "from-junit", "sitkit.junit.contracts", "from-junit",
                "sitkit.junit.asyncapi", "from-junit");

        SitkitConfig c = JUnitConfig.layer(base, k -> Optional.ofNullable(junit.get(k)));

        assertThat(c.get(JUnitConfig.OUTPUT_DIR)).hasValue("from-env");
        assertThat(c.get(JUnitConfig.DOCKER_MISSING)).hasValue("skip");
        assertThat(c.get(io.sitkit.junit.SitkitReportListener.CONTRACTS)).hasValue("from-system");
        assertThat(c.get(io.sitkit.junit.SitkitReportListener.ASYNCAPI)).hasValue("from-junit");
        assertThat(c.source(JUnitConfig.OUTPUT_DIR)).hasValue("environment variable SITKIT_JUNIT_OUTPUT_DIR");
    }
}
