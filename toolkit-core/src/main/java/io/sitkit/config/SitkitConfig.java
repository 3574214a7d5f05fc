package io.sitkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * sitkit's configuration: an immutable map of {@link ConfigKeys keys} to text values, each
 * remembering where it came from.
 *
 * <p>Precedence, highest first:
 * <ol>
 *   <li>values set in code ({@link #with(String, String)});</li>
 *   <li>JVM system properties ({@code -Dsitkit.kafka.bootstrap-servers=…});</li>
 *   <li>environment variables ({@code SITKIT_KAFKA_BOOTSTRAP_SERVERS=…});</li>
 *   <li>the config file: {@code sitkit.config.file} if set (system property or
 *       {@code SITKIT_CONFIG_FILE}), else {@code sitkit.properties}, {@code sitkit.yaml} or
 *       {@code sitkit.yml} at the classpath root; YAML nesting is flattened with dots;</li>
 *   <li>built-in defaults, applied where each value is read.</li>
 * </ol>
 * A key in one of sitkit's namespaces that no part of sitkit reads (a typo, most often) is logged
 * as a warning once, with the nearest known key.
 *
 * <pre>{@code
 * SitkitConfig config = SitkitConfig.load().with(ConfigKeys.KAFKA_TIMEOUT, "3s");
 * Duration timeout = config.duration(ConfigKeys.KAFKA_TIMEOUT, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>{@link #toString()} masks credentials (see {@link Secrets}).
 *
 * <p>Thread-safety: immutable.
 */
public final class SitkitConfig {

    private record Value(String text, String source) {
    }

    private static final SitkitConfig EMPTY = new SitkitConfig(Map.of());
    private final Map<String, Value> values;

    private SitkitConfig(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No values: every read falls back to its default. */
    public static SitkitConfig empty() {
        return EMPTY;
    }

    /** Values set in code only, e.g. for tests. */
    public static SitkitConfig of(Map<String, String> values) {
        return EMPTY.withAll(values, "code");
    }

    /** Reads the file, environment variables and system properties of this JVM (see class doc). */
    public static SitkitConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    /** {@link #load()} with explicit environment and system properties, for tests. */
    public static SitkitConfig load(Map<String, String> env, Properties system) {
        Map<String, Value> merged = new LinkedHashMap<>();
        String file = system.getProperty(ConfigKeys.CONFIG_FILE, env.get(ConfigKeys.envName(ConfigKeys.CONFIG_FILE)));
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(ConfigKeys.CONFIG_FILE + " names '" + path.toAbsolutePath()
                        + "', which is not a readable file");
            }
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                readFile(r, path.toString(), merged);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
            }
        } else {
            for (String name : new String[] {"sitkit.properties", "sitkit.yaml", "sitkit.yml"}) {
                try (InputStream in = Thread.currentThread().getContextClassLoader() == null ? null
                        : Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                    if (in != null) {
                        readFile(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + name, merged);
                        break;
                    }
                } catch (IOException e) {
                    throw new ConfigException("cannot read classpath:" + name + ": " + e.getMessage(), e);
                }
            }
        }
        readEnv(env, merged);
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("sitkit.")) {
                merged.put(key, new Value(system.getProperty(key), "system property"));
            }
        }
        merged.forEach((key, v) -> {
            if (UnknownKeys.isUnknown(key)) {
                UnknownKeys.warn(key, v.source, false);
            }
        });
        for (String name : env.keySet()) {
            if (UnknownKeys.isUnknownVariable(name)) {
                UnknownKeys.warn(name, "environment variable", true);
            }
        }
        return new SitkitConfig(merged);
    }

    /** Parses properties ({@code key=value}) or YAML text, chosen by {@code name}'s extension. */
    public static SitkitConfig parse(String text, String name) {
        Map<String, Value> parsed = new LinkedHashMap<>();
        try {
            readFile(new StringReader(text), name, parsed);
        } catch (IOException e) {
            throw new ConfigException("cannot parse " + name + ": " + e.getMessage(), e);
        }
        return new SitkitConfig(parsed);
    }

    private static void readFile(Reader reader, String name, Map<String, Value> into) throws IOException {
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            JsonNode root;
            try {
                root = new ObjectMapper(new YAMLFactory()).readTree(reader);
            } catch (IOException e) {
                throw new ConfigException("config file " + name + " is not valid YAML: " + e.getMessage(), e);
            }
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new ConfigException("config file " + name + " must hold a YAML mapping at the top");
                }
                flatten("", root, name, into);
            }
        } else {
            Properties p = new Properties();
            p.load(reader);
            for (String key : p.stringPropertyNames()) {
                into.put(key, new Value(p.getProperty(key), name));
            }
        }
    }

    private static void flatten(String prefix, JsonNode node, String source, Map<String, Value> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), source, into);
            }
        } else if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode item : node) {
                sb.append(sb.length() == 0 ? "" : ",").append(item.asText());
            }
            into.put(prefix, new Value(sb.toString(), source));
        } else if (!node.isNull()) {
            into.put(prefix, new Value(node.asText(), source));
        }
    }

    private static void readEnv(Map<String, String> env, Map<String, Value> into) {
        for (String key : ConfigKeys.ALL) {
            String v = env.get(ConfigKeys.envName(key));
            if (v != null) {
                into.put(key, new Value(v, "environment variable " + ConfigKeys.envName(key)));
            }
        }
        for (String prefix : ConfigKeys.PASS_THROUGH_PREFIXES) {
            String envPrefix = ConfigKeys.envName(prefix);
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().startsWith(envPrefix) && e.getKey().length() > envPrefix.length()) {
                    String rest = e.getKey().substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                    into.put(prefix + rest, new Value(e.getValue(), "environment variable " + e.getKey()));
                }
            }
        }
    }

    /** A copy with {@code key} set in code (highest precedence). */
    public SitkitConfig with(String key, String value) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, new Value(value, "code"));
        }
        return new SitkitConfig(copy);
    }

    /** A copy with all of {@code more} set, recording {@code source}. */
    public SitkitConfig withAll(Map<String, String> more, String source) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        more.forEach((k, v) -> copy.put(k, new Value(v, source)));
        return new SitkitConfig(copy);
    }

    public Optional<String> get(String key) {
        Value v = values.get(key);
        return v == null || v.text.isBlank() ? Optional.empty() : Optional.of(v.text.strip());
    }

    /** Where the value of {@code key} came from ("system property", a file name, …), if set. */
    public Optional<String> source(String key) {
        return Optional.ofNullable(values.get(key)).map(Value::source);
    }

    public String string(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** The value, or a {@link ConfigException} naming the key and its environment variable. */
    public String required(String key) {
        return get(key).orElseThrow(() -> new ConfigException(key + " is not set; set it in sitkit.properties/yaml, as -D"
                + key + "=… or as the environment variable " + ConfigKeys.envName(key)));
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(key, "true or false");
    }

    public int integer(String key, int defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    /** A size in bytes: a whole number, optionally with {@code KiB}, {@code MiB} or {@code GiB} ({@code 256MiB}). */
    public long bytes(String key, long defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String t = v.get().replace("_", "").trim();
        long unit = 1;
        for (String[] u : new String[][]{{"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).trim();
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(key, "a size in bytes such as 1048576 or 256MiB");
        }
    }

    /**
     * A duration written as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT10S}).
     */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        Duration d = parseDuration(v.get());
        if (d == null || d.isNegative()) {
            throw invalid(key, "a duration such as 500ms, 10s, 2m, 1h or PT10S");
        }
        return d;
    }

    static Duration parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> null;
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** All keys under {@code prefix}, with the prefix removed, e.g. Kafka client pass-through properties. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), v.text);
            }
        });
        return out;
    }

    /** Every key set, with sensitive values masked. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, Secrets.mask(k, v.text) + "  (" + v.source + ")"));
        return out;
    }

    private ConfigException invalid(String key, String expected) {
        Value v = values.get(key);
        String shown = Secrets.isSensitive(key) ? Secrets.MASK : "'" + Secrets.redactUrls(v.text) + "'";
        return new ConfigException(key + " = " + shown + " (from " + v.source + ") is not valid; expected " + expected);
    }

    @Override
    public String toString() {
        return "SitkitConfig" + describe();
    }
}
