package io.sitkit.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
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

    /** The known key nearest to {@code key} (edit distance at most 3), if any. */
    static Optional<String> nearest(String key) {
        return ConfigKeys.ALL.stream()
                .map(k -> Map.entry(k, distance(k, key)))
                .filter(e -> e.getValue() <= 3)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Warns once per JVM about {@code key} (or variable) set in {@code source}. */
    static void warn(String key, String source, boolean variable) {
        if (!WARNED.add(key)) {
            return;
        }
        Optional<String> near = variable
                ? ConfigKeys.ALL.stream().map(k -> Map.entry(k, distance(ConfigKeys.envName(k), key))).filter(e -> e.getValue() <= 3)
                        .min(Comparator.comparingInt(Map.Entry::getValue)).map(Map.Entry::getKey)
                : nearest(key);
        LOG.warn("{} ({}) is not a sitkit setting and is ignored{}", key, source,
                near.map(k -> "; did you mean " + (variable ? ConfigKeys.envName(k) : k) + "?").orElse(""));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
