package io.sitkit.junit.internal;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * sitkit's configuration for a test run: code, system properties and environment variables as
 * the core reads them, then JUnit configuration parameters ({@code junit-platform.properties}),
 * then the sitkit properties/YAML file, then defaults.
 */
public final class JUnitConfig {
    /** What to do when the environment needs Docker and there is none ({@code fail} or {@code skip}). */
    public static final String DOCKER_MISSING = ConfigKeys.JUNIT_DOCKER_MISSING;
    /** Where failure artifacts and the report go (default {@code target/sitkit}). */
    public static final String OUTPUT_DIR = ConfigKeys.JUNIT_OUTPUT_DIR;
    /** Where failure artifacts and the report go when {@link #OUTPUT_DIR} is not set. */
    public static final String DEFAULT_OUTPUT_DIR = "target/sitkit";

    private JUnitConfig() {
    }

    /** The layered configuration. */
    public static SitkitConfig load(ExtensionContext context) {
        return load(context::getConfigurationParameter);
    }

    /** The layered configuration, JUnit's parameters read through {@code parameter}. */
    public static SitkitConfig load(java.util.function.Function<String, Optional<String>> parameter) {
        return layer(SitkitConfig.load(), parameter);
    }

    /** JUnit's parameters layered into {@code base} below code, system properties and environment variables. */
    static SitkitConfig layer(SitkitConfig base, java.util.function.Function<String, Optional<String>> parameter) {
        Map<String, String> fromJUnit = new LinkedHashMap<>();
        for (String key : ConfigKeys.ALL) {
            Optional<String> source = base.source(key);
            boolean stronger = source.isPresent() && (source.get().equals("system property") || source.get().equals("code")
                    || source.get().startsWith("environment variable"));
            if (!stronger) {
                parameter.apply(key).ifPresent(v -> fromJUnit.put(key, v));
            }
        }
        return fromJUnit.isEmpty() ? base : base.withAll(fromJUnit, "JUnit configuration parameter");
    }

    /** An extension setting ({@code sitkit.junit.*}), layered as {@link #load} layers every key. */
    public static Optional<String> extensionSetting(ExtensionContext context, String key) {
        return extensionSetting(context::getConfigurationParameter, key);
    }

    /** The same, JUnit's parameters read through {@code parameter} (a test plan's, say). */
    public static Optional<String> extensionSetting(java.util.function.Function<String, Optional<String>> parameter, String key) {
        return load(parameter).get(key);
    }
}
