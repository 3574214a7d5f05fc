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
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@?\\s]+@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;][^=&;\\s]*(password|secret|token|user\\.?info|credential)[^=&;\\s]*=)[^&;)\\s]*");

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

    /**
     * The text with the credentials of any URL in it masked: the user info before a host
     * ({@code tcp://user:password@host} becomes {@code tcp://******@host}) and the values of query
     * parameters whose names speak of a password, secret, token, credential or user info
     * ({@code ?jms.password=…}). For URLs in messages, logs and descriptions.
     */
    public static String redactUrls(String text) {
        if (text == null || text.indexOf('@') < 0 && text.indexOf('=') < 0) {
            return text;
        }
        String s = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        return SECRET_PARAM.matcher(s).replaceAll("$1" + MASK);
    }
}
