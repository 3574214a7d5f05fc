package io.sitkit.config;

import java.util.Locale;

/**
 * Decides which configuration values are credentials, so they are masked wherever configuration
 * is shown: passwords, secrets, tokens, JAAS configs, keys of key stores, credentials.
 *
 * <p>Thread-safety: stateless.
 */
public final class Secrets {
    /** What a masked value prints as. */
    public static final String MASK = "******";

    private Secrets() {
    }

    public static boolean isSensitive(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.contains("credential") || k.endsWith(".key") || k.contains("private") || k.contains("apikey")
                || k.contains("api-key") || k.contains("sasl.oauthbearer.assertion");
    }

    /** The value, or {@link #MASK} when the key is sensitive. */
    public static String mask(String key, String value) {
        return value == null ? null : isSensitive(key) ? MASK : value;
    }
}
