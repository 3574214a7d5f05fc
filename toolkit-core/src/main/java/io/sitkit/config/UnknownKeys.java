package io.sitkit.config;

import io.sitkit.core.internal.Suggestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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
    /** The environment variables of the known keys. */
    private static final List<String> VARIABLES = ConfigKeys.ALL.stream().map(ConfigKeys::envName).toList();

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
        if (!name.startsWith("SITKIT_") || VARIABLES.contains(name)
                || ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(p -> name.startsWith(ConfigKeys.envName(p)))) {
            return false;
        }
        String rest = name.substring("SITKIT_".length()).toLowerCase(Locale.ROOT);
        return CHECKED.stream().anyMatch(ns -> rest.equals(ns.replace('-', '_')) || rest.startsWith(ns.replace('-', '_') + "_"));
    }

    /**
     * What {@code key} was most likely meant to be: a Kafka property without its prefix
     * ({@code sitkit.kafka.security.protocol}) is meant for {@code sitkit.kafka.client.}; otherwise the
     * known key of the same namespace whose rest is nearest, if near enough to be a typo of it.
     */
    static Optional<String> nearest(String key) {
        String rest = key.substring("sitkit.".length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.ofNullable(Suggestions.nearest(key, ConfigKeys.ALL));
        }
        String prefix = "sitkit." + rest.substring(0, dot + 1);
        String name = rest.substring(dot + 1);
        if (prefix.equals("sitkit.kafka.") && name.indexOf('.') > 0 && !name.startsWith("client") && !name.startsWith("broker")) {
            return Optional.of(ConfigKeys.KAFKA_CLIENT_PREFIX + name);
        }
        return nearestWithin(prefix, name, ConfigKeys.ALL);
    }

    /** The same for an environment variable, among the variables of its namespace ({@code SITKIT_KAFKA_}…). */
    static Optional<String> nearestVariable(String name) {
        int second = name.indexOf('_', "SITKIT_".length());
        if (second < 0) {
            return Optional.ofNullable(Suggestions.nearest(name, VARIABLES));
        }
        return nearestWithin(name.substring(0, second + 1), name.substring(second + 1), VARIABLES);
    }

    private static Optional<String> nearestWithin(String prefix, String name, List<String> known) {
        List<String> rests = known.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
        return Optional.ofNullable(Suggestions.nearest(name, rests)).map(r -> prefix + r);
    }

    /** Warns once per JVM about {@code key} (or variable) set in {@code source}. */
    static void warn(String key, String source, boolean variable) {
        if (!WARNED.add(key)) {
            return;
        }
        Optional<String> near = variable ? nearestVariable(key) : nearest(key);
        LOG.warn("{} ({}) is not a sitkit setting and is ignored{}", key, source, near.map(k -> "; did you mean " + k + "?").orElse(""));
    }
}
