package io.sitkit.redact;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.core.PropertyType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor: masks secret values (passwords, tokens, keys) and sensitive payload fields with
 * {@link Secrets#MASK} wherever sitkit renders or writes a message.
 *
 * <ul>
 *   <li><b>Secret values</b> are masked wherever they occur: in text, header values, keys and
 *       payloads (inside JSON strings, numbers and member names; as UTF-8 bytes anywhere else).
 *       Every non-empty secret is masked, even a one-character one — a short secret will mask
 *       unrelated text too, which is the safe side.</li>
 *   <li><b>Fields</b> are JSON member names, matched at any depth ignoring case; the whole value
 *       (a subtree too) becomes the mask. A header whose name is a field, or looks like a
 *       credential ({@link Secrets#isSensitive}), has its value masked.</li>
 *   <li><b>Paths</b> name values exactly: {@code $.patient.id}, {@code $.cards[*].number},
 *       {@code $.items[0]}, {@code $['odd name']}; names in paths are case-sensitive.</li>
 * </ul>
 * A JSON payload that changes is written back compactly; anything else keeps its bytes except
 * where a secret was. When nothing matches, the very instance passed in is returned, and
 * {@link #none()} returns everything untouched without looking at it.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.builder()
 *         .secretValues(System.getenv("DB_PASSWORD"))
 *         .fields("ssn", "password")
 *         .paths("$.cards[*].number")
 *         .build()
 *         .with(Redactor.from(config));
 * String shown = redactor.preview(message.payload(), 200);
 * }</pre>
 *
 * <p>Thread-safety: immutable; share one instance freely. {@link Builder} is not thread-safe.
 */
public final class Redactor {
    private static final Redactor NONE = new Redactor(Set.of(), Set.of(), List.of());
    private static final byte[] MASK_BYTES = Secrets.MASK.getBytes(StandardCharsets.UTF_8);
    /** A condition as matchers describe it: a JSON path, an operator, and a quoted, /regex/ or bare operand. */
    private static final Pattern CONDITION = Pattern.compile(
            "(\\$\\S*) (==|!=|>=|<=|>|<|contains|matches) (\"(?:[^\"\\\\\\n]|\\\\.)*(?:\"|…)|/[^\\n]*?/(?=[\\s),]|$)|[^\\s),]+)");
    /** The last member name of a path: {@code patientId} in {@code $.patient.patientId} or {@code $['patientId']}. */
    private static final Pattern LAST_NAME = Pattern.compile("(?:\\.|\\[')([^.\\['\\]]+)'?]?$");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)password\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private final Set<String> secretValues;
    private final Set<String> fields;
    private final List<FieldPath> paths;
    private final SecretMask secrets;
    private final JsonRedaction json;

    private Redactor(Set<String> secretValues, Set<String> fields, List<FieldPath> paths) {
        this.secretValues = Collections.unmodifiableSet(new TreeSet<>(secretValues));
        this.fields = Collections.unmodifiableSet(new TreeSet<>(fields));
        this.paths = List.copyOf(paths);
        this.secrets = new SecretMask(this.secretValues);
        this.json = new JsonRedaction(this.fields, this.paths, secrets);
    }

    /** The redactor that changes nothing. */
    public static Redactor none() {
        return NONE;
    }

    /** A builder for secret values, fields and paths. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A redactor from configuration: fields from {@value ConfigKeys#REDACT_FIELDS}, paths from
     * {@value ConfigKeys#REDACT_PATHS} (both comma-separated), and as secret values every value whose
     * key looks like a credential ({@link Secrets#isSensitive}), plus the passwords quoted inside a
     * JAAS config. {@code true}/{@code false} under such keys are flags, not secrets, and are skipped.
     *
     * @throws IllegalArgumentException naming a path that cannot be parsed
     */
    public static Redactor from(SitkitConfig config) {
        Builder b = builder();
        config.get(ConfigKeys.REDACT_FIELDS).ifPresent(v -> b.fields(split(v)));
        config.get(ConfigKeys.REDACT_PATHS).ifPresent(v -> b.paths(split(v)));
        config.withPrefix("").forEach((key, raw) -> {
            String value = raw == null ? "" : raw.strip();
            if (Secrets.isSensitive(key) && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                b.secretValues(value);
                Matcher m = JAAS_PASSWORD.matcher(value);
                while (m.find()) {
                    b.secretValues(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        });
        return b.build();
    }

    private static String[] split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** A redactor masking everything this one or {@code other} masks. */
    public Redactor with(Redactor other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Set<String> s = new TreeSet<>(secretValues);
        s.addAll(other.secretValues);
        Set<String> f = new TreeSet<>(fields);
        f.addAll(other.fields);
        Map<String, FieldPath> p = new LinkedHashMap<>();
        paths.forEach(path -> p.put(path.text(), path));
        other.paths.forEach(path -> p.putIfAbsent(path.text(), path));
        return new Redactor(s, f, new ArrayList<>(p.values()));
    }

    /** Whether this redactor has nothing to mask (then every method returns its argument). */
    public boolean isEmpty() {
        return secretValues.isEmpty() && fields.isEmpty() && paths.isEmpty();
    }

    /** The text with every secret value masked; null stays null, and untouched text is returned as is. */
    public String text(String s) {
        return secrets.apply(s);
    }

    /**
     * The text of a failure message: the values that conditions on sensitive fields or paths compare
     * with are masked as well — {@code $.patientId == "P-1"} becomes {@code $.patientId == "******"}
     * (also {@code !=}, {@code <}, {@code >}, {@code contains}, {@code matches}), since the value a test
     * expects is as sensitive as the one a message carries, and is shown even when no message had it.
     * Then secret values are masked as {@link #text} does.
     */
    public String conditions(String s) {
        if (s == null || fields.isEmpty() && paths.isEmpty()) {
            return text(s);
        }
        Matcher m = CONDITION.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = m.group();
            if (sensitivePath(m.group(1))) {
                String operand = m.group(3).startsWith("\"") ? "\"" + Secrets.MASK + "\"" : Secrets.MASK;
                shown = m.group(1) + " " + m.group(2) + " " + operand;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return text(out.toString());
    }

    private boolean sensitivePath(String path) {
        for (FieldPath p : paths) {
            if (p.text().equals(path)) {
                return true;
            }
        }
        Matcher last = LAST_NAME.matcher(path);
        return last.find() && fields.contains(last.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * The payload with sensitive fields, paths and secret values masked (see the class doc);
     * the same array when nothing changed, null for null.
     */
    public byte[] payload(byte[] payload) {
        if (payload == null || payload.length == 0 || isEmpty()) {
            return payload;
        }
        if (JsonRedaction.looksLikeJson(payload)) {
            byte[] redacted = json.apply(payload);
            if (redacted != null) {
                return redacted;
            }
        }
        return secrets.apply(payload);
    }

    /**
     * The headers with credential-like and field-named headers masked and secret values masked in the
     * others. A masked typed JMS property becomes a {@link PropertyType#STRING}, since the mask is text.
     * The same instance when nothing changed.
     */
    public Headers headers(Headers headers) {
        if (isEmpty() || headers.isEmpty()) {
            return headers;
        }
        List<Header> out = new ArrayList<>(headers.size());
        boolean changed = false;
        for (Header h : headers) {
            Header r = header(h);
            changed |= r != h;
            out.add(r);
        }
        return changed ? Headers.of(out) : headers;
    }

    private Header header(Header h) {
        byte[] value = h.value();
        if (value == null) {
            return h;
        }
        boolean sensitive = fields.contains(h.name().toLowerCase(Locale.ROOT)) || Secrets.isSensitive(h.name());
        byte[] masked = sensitive ? MASK_BYTES : secrets.apply(value);
        if (masked == value || Arrays.equals(masked, value)) {
            return h;
        }
        return new Header(h.name(), masked, h.type() == PropertyType.BYTES ? PropertyType.BYTES : PropertyType.STRING);
    }

    /**
     * The message with key and payload redacted as payloads (a JSON key has its fields masked too) and
     * headers as {@link #headers}; transport metadata is kept. A value a sensitive field or path has in
     * the JSON payload is masked in the message's key and header values too — a patient id is often
     * the Kafka key as well. The same instance when nothing changed.
     */
    public Message message(Message m) {
        if (isEmpty()) {
            return m;
        }
        byte[] payload = m.payload();
        byte[] redactedPayload = payload(payload);
        Set<String> carried = redactedPayload == payload ? Set.of() : JsonRedaction.maskedValues(payload, redactedPayload);
        byte[] key = m.key();
        byte[] redactedKey = alsoMasking(payload(key), carried);
        Headers headers = headers(m.headers());
        if (!carried.isEmpty()) {
            List<Header> out = new ArrayList<>(headers.size());
            for (Header h : headers) {
                byte[] v = alsoMasking(h.value(), carried);
                out.add(v == h.value() ? h : new Header(h.name(), v, h.type() == PropertyType.BYTES ? PropertyType.BYTES : PropertyType.STRING));
            }
            headers = Headers.of(out);
        }
        if (redactedKey == key && headers.equals(m.headers()) && redactedPayload == payload) {
            return m;
        }
        return new Message(m.destination(), redactedKey, headers, redactedPayload, m.bodyType(), m.timestamp(),
                m.capturedAt(), m.metadata());
    }

    /** The bytes masked whole when they are one of {@code values}, else with the values of 4 or more characters masked inside. */
    private static byte[] alsoMasking(byte[] bytes, Set<String> values) {
        if (bytes == null || values.isEmpty()) {
            return bytes;
        }
        if (values.contains(new String(bytes, StandardCharsets.UTF_8))) {
            return MASK_BYTES;
        }
        return new SecretMask(values.stream().filter(v -> v.length() >= 4).toList()).apply(bytes);
    }

    /** {@link Payloads#preview} of the redacted payload. */
    public String preview(byte[] payload, int maxChars) {
        return Payloads.preview(payload(payload), maxChars);
    }

    /** Says how many secret values are configured (never which) and lists fields and paths. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "Redactor{none}";
        }
        return "Redactor{" + secretValues.size() + (secretValues.size() == 1 ? " secret value" : " secret values")
                + ", fields=" + fields + ", paths=" + paths + "}";
    }

    /**
     * Collects secret values, fields and paths; {@link #build()} makes the immutable {@link Redactor}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final Set<String> secretValues = new TreeSet<>();
        private final Set<String> fields = new TreeSet<>();
        private final Map<String, FieldPath> paths = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Values to mask wherever they occur. Empty values are skipped: there is nothing to hide.
         *
         * @throws IllegalArgumentException for a null value (its position is named)
         */
        public Builder secretValues(String... values) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    throw new IllegalArgumentException("secret value #" + i + " is null; pass only values that are set");
                }
                if (!values[i].isEmpty()) {
                    secretValues.add(values[i]);
                }
            }
            return this;
        }

        /**
         * JSON member names (and header names) whose values are masked, at any depth, ignoring case.
         *
         * @throws IllegalArgumentException for a null or blank name
         */
        public Builder fields(String... names) {
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("redact field name is blank: '" + name + "'");
                }
                fields.add(name.strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * JSON paths whose values are masked, such as {@code $.patient.id} or {@code $.cards[*].number}.
         *
         * @throws IllegalArgumentException naming a path that cannot be parsed and the accepted forms
         */
        public Builder paths(String... jsonPaths) {
            for (String p : jsonPaths) {
                FieldPath parsed = FieldPath.parse(p);
                paths.putIfAbsent(parsed.text(), parsed);
            }
            return this;
        }

        /** The redactor; {@link #none()} when nothing was added. */
        public Redactor build() {
            if (secretValues.isEmpty() && fields.isEmpty() && paths.isEmpty()) {
                return NONE;
            }
            return new Redactor(secretValues, fields, new ArrayList<>(paths.values()));
        }
    }
}
