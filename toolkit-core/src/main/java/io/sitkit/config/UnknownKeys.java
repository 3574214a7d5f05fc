package io.sitkit.config;

import io.sitkit.core.internal.Suggestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds configuration keys that nothing in sitkit reads — most often a typo, such as
 * {@code sitkit.kafka.bootstrap-server} — and warns once per JVM, suggesting the nearest known key.
 * Only namespaces whose keys are all listed in {@link ConfigKeys#ALL} are checked; other
 * {@code sitkit.*} keys (the inspector's profile settings, say) and the pass-through prefixes are left alone.
 *
 * <p>Thread-safety: thread-safe.
 */
final class UnknownKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SitkitConfig.class);
    private static final Set<String> CHECKED = Set.of("environment", "protection", "audit", "config", "kafka", "jms",
            "capture", "redact", "embedded", "testcontainers", "sandbox", "schema-registry", "junit");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private UnknownKeys() {
    }

    /** Whether {@code key} lies in a checked namespace and is neither a known key nor under a pass-through prefix. */
    static boolean isUnknown(String key) {
        if (!key.startsWith("sitkit.") || ConfigKeys.ALL.contains(key)
                || ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith)) {
            return false;
        }
        String rest = key.substring("sitkit.".length());
        int dot = rest.indexOf('.');
        return CHECKED.contains(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** Whether environment variable {@code name} looks like a sitkit key that no key maps to. */
    static boolean isUnknownVariable(String name) {
        if (!name.startsWith("SITKIT_") || ConfigKeys.ALL.stream().anyMatch(k -> ConfigKeys.envName(k).equals(name))
                || ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(p -> name.startsWith(ConfigKeys.envName(p)))) {
            return false;
        }
        String rest = name.substring("SITKIT_".length()).toLowerCase(Locale.ROOT);
        return CHECKED.stream().anyMatch(ns -> rest.equals(ns.replace('-', '_')) || rest.startsWith(ns.replace('-', '_') + "_"));
    }

    /** The known key nearest to {@code key}, if one is near enough to be a typo of it. */
    static Optional<String> nearest(String key) {
        return Optional.ofNullable(Suggestions.nearest(key, ConfigKeys.ALL));
    }

    /** Warns once per JVM about {@code key} (or variable) set in {@code source}. */
    static void warn(String key, String source, boolean variable) {
        if (!WARNED.add(key)) {
            return;
        }
        Optional<String> near = variable
                ? Optional.ofNullable(Suggestions.nearest(key, ConfigKeys.ALL.stream().map(ConfigKeys::envName).toList()))
                : nearest(key);
        LOG.warn("{} ({}) is not a sitkit setting and is ignored{}", key, source, near.map(k -> "; did you mean " + k + "?").orElse(""));
    }
}
