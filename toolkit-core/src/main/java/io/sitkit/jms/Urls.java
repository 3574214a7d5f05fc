package io.sitkit.jms;

import java.util.regex.Pattern;

/** Removes credentials from broker URLs before they appear anywhere. Stateless. */
final class Urls {
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@?]+@");
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)([?&][^=&]*(password|secret|token)[^=&]*=)[^&)]*");

    private Urls() {
    }

    static String redact(String url) {
        String s = USER_INFO.matcher(url).replaceAll("$1******@");
        return SECRET_PARAM.matcher(s).replaceAll("$1******");
    }
}
