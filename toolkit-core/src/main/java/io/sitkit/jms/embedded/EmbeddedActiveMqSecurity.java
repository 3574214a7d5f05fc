package io.sitkit.jms.embedded;

import io.sitkit.config.Secrets;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an {@link EmbeddedActiveMq} is secured: users and passwords (ActiveMQ's simple
 * authentication plugin; anonymous access refused) and/or an {@code ssl://} connector with a
 * generated certificate instead of {@code tcp://}.
 *
 * <pre>{@code
 * EmbeddedActiveMqSecurity security = EmbeddedActiveMqSecurity.none()
 *         .withUser("bob", "bob-secret")
 *         .withTls(true);
 * }</pre>
 *
 * <p>{@link #toString()} masks the passwords. Thread-safety: immutable.
 *
 * @param users user name → password; empty means no authentication
 * @param tls   whether the connector is {@code ssl://}
 */
public record EmbeddedActiveMqSecurity(Map<String, String> users, boolean tls) {

    public EmbeddedActiveMqSecurity {
        Objects.requireNonNull(users, "users must not be null; use Map.of()");
        users.forEach((u, p) -> {
            if (u == null || u.isBlank() || p == null || p.isEmpty()) {
                throw new IllegalArgumentException("users need a non-blank name and a non-empty password but user '"
                        + u + "' had " + (p == null || p.isEmpty() ? "none" : "one") + (u == null || u.isBlank() ? " and no name" : ""));
            }
        });
        users = Map.copyOf(users);
    }

    /** Anonymous access over {@code tcp://}. */
    public static EmbeddedActiveMqSecurity none() {
        return new EmbeddedActiveMqSecurity(Map.of(), false);
    }

    /** A copy with one more user; anonymous access is then refused. */
    public EmbeddedActiveMqSecurity withUser(String user, String password) {
        Map<String, String> copy = new TreeMap<>(users);
        copy.put(user, password);
        return new EmbeddedActiveMqSecurity(copy, tls);
    }

    /** A copy with an {@code ssl://} connector (on) or a {@code tcp://} one (off). */
    public EmbeddedActiveMqSecurity withTls(boolean on) {
        return new EmbeddedActiveMqSecurity(users, on);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        users.keySet().forEach(u -> shown.put(u, Secrets.MASK));
        return "EmbeddedActiveMqSecurity[users=" + shown + ", tls=" + tls + "]";
    }
}
