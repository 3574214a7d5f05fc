package io.sitkit.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which configuration values are credentials, so they are masked wherever configuration
 * is shown: passwords, secrets, tokens, JAAS configs, keys of key stores, credentials, and
 * credentials written into URLs ({@code tcp://user:password@host}, {@code ?jms.password=…}).
 *
 * <p>Thread-safety: stateless.
 */
public final class Secrets {
    /** What a masked value prints as. */
    public static final String MASK = "******";
    /** User info: up to the last {@code @} of an authority, which ends at a path, query, fragment, space, comma or parenthesis. */
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/?#\\s,()]+@");
    /** A query or matrix parameter: separator, name, value (which ends where the next parameter or URL in a list begins). */
    private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;\\s,?#]+)=([^&;)\\s,#]*)");
    /** The last word of a parameter name that makes its value a credential: {@code jms.password}, {@code access_token}, {@code sig}. */
    private static final Pattern SECRET_WORD = Pattern.compile(
            "(?i)(?:^|[^a-z])(password|passwd|pwd|secret|token|credentials?|user[._-]?info|api[._-]?key|sig|signature)$");

    private Secrets() {
    }

    public static boolean isSensitive(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.contains("credential") || k.endsWith(".key") || k.contains("private") || k.contains("apikey")
                || k.contains("api-key") || k.contains("sasl.oauthbearer.assertion") || k.contains("user.info")
                || k.contains("userinfo") || k.contains("user-info");
    }

    /**
     * The value as it may be shown: {@link #MASK} when the key is sensitive, otherwise the value with
     * any credentials inside URLs masked ({@link #redactUrls}).
     */
    public static String mask(String key, String value) {
        return value == null ? null : isSensitive(key) ? MASK : redactUrls(value);
    }

    /** Every entry as it may be shown ({@link #mask(String, String)}), sorted by key. */
    public static java.util.SortedMap<String, String> mask(java.util.Map<String, String> values) {
        java.util.SortedMap<String, String> shown = new java.util.TreeMap<>();
        values.forEach((k, v) -> shown.put(k, mask(k, v)));
        return shown;
    }

    /**
     * The text with the credentials of any URL in it masked: the user info before a host
     * ({@code tcp://user:password@host} becomes {@code tcp://******@host}) and the values of query
     * parameters whose names end in a password, secret, token, credential, user info, API key or
     * signature ({@code ?jms.password=…}, {@code &access_token=…}). For URLs in messages, logs and
     * descriptions.
     */
    public static String redactUrls(String text) {
        if (text == null || text.indexOf('@') < 0 && text.indexOf('=') < 0) {
            return text;
        }
        String s = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        java.util.regex.Matcher m = PARAM.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String value = isSecretParameter(m.group(2)) ? MASK : m.group(3);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        return m.appendTail(out).toString();
    }

    /** Whether a URL parameter of this name carries a credential ({@code password}, {@code access_token}, {@code sig}…). */
    private static boolean isSecretParameter(String name) {
        return SECRET_WORD.matcher(name).find();
    }
}
