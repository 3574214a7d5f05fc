package io.sitkit.jms.embedded;

import io.sitkit.config.Secrets;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an {@link EmbeddedActiveMq} is secured: users and passwords (ActiveMQ's simple
 * authentication plugin; anonymous access refused) and/or an {@code ssl://} connector with a
 * generated certificate instead of {@code tcp://}, optionally requiring a client certificate
 * (mutual TLS).
 *
 * <pre>{@code
 * EmbeddedActiveMqSecurity security = EmbeddedActiveMqSecurity.none()
 *         .withUser("bob", "bob-secret")
 *         .withTls(true);
 * EmbeddedActiveMqSecurity mutual = EmbeddedActiveMqSecurity.none().withMutualTls();
 * }</pre>
 *
 * <p>{@link #toString()} masks the passwords. Thread-safety: immutable.
 *
 * @param users              user name → password; empty means no authentication
 * @param tls                whether the connector is {@code ssl://}
 * @param clientCertificates whether the {@code ssl://} connector refuses clients without a certificate
 *                           it trusts ({@link EmbeddedActiveMq#tls()}'s client key store is one)
 */
public record EmbeddedActiveMqSecurity(Map<String, String> users, boolean tls, boolean clientCertificates) {

    public EmbeddedActiveMqSecurity {
        Objects.requireNonNull(users, "users must not be null; use Map.of()");
        users.forEach((u, p) -> {
            if (u == null || u.isBlank() || p == null || p.isEmpty()) {
                throw new IllegalArgumentException("users need a non-blank name and a non-empty password but user '"
                        + u + "' had " + (p == null || p.isEmpty() ? "none" : "one") + (u == null || u.isBlank() ? " and no name" : ""));
            }
        });
        if (clientCertificates && !tls) {
            throw new IllegalArgumentException("client certificates need an ssl:// connector but tls is off; use withMutualTls()");
        }
        users = Map.copyOf(users);
    }

    /** Users and TLS as given, no client certificates required. */
    public EmbeddedActiveMqSecurity(Map<String, String> users, boolean tls) {
        this(users, tls, false);
    }

    /** Anonymous access over {@code tcp://}. */
    public static EmbeddedActiveMqSecurity none() {
        return new EmbeddedActiveMqSecurity(Map.of(), false, false);
    }

    /** A copy with one more user; anonymous access is then refused. */
    public EmbeddedActiveMqSecurity withUser(String user, String password) {
        Map<String, String> copy = new TreeMap<>(users);
        copy.put(user, password);
        return new EmbeddedActiveMqSecurity(copy, tls, clientCertificates);
    }

    /** A copy with an {@code ssl://} connector (on), or a {@code tcp://} one without client certificates (off). */
    public EmbeddedActiveMqSecurity withTls(boolean on) {
        return new EmbeddedActiveMqSecurity(users, on, on && clientCertificates);
    }

    /** A copy with an {@code ssl://} connector that requires a trusted client certificate. */
    public EmbeddedActiveMqSecurity withMutualTls() {
        return new EmbeddedActiveMqSecurity(users, true, true);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        users.keySet().forEach(u -> shown.put(u, Secrets.MASK));
        return "EmbeddedActiveMqSecurity[users=" + shown + ", tls=" + tls + ", clientCertificates=" + clientCertificates + "]";
    }
}
