package io.sitkit.schema.registry;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.config.SitkitConfig;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a schema registry is and how to talk to it: base URL of the Confluent API (for Apicurio
 * {@code http://host:8080/apis/ccompat/v7}), basic credentials or a bearer token, TLS, timeouts.
 *
 * <pre>{@code
 * RegistrySettings s = RegistrySettings.of("https://registry:8081").withBasicAuth("ci", password)
 *         .withRequestTimeout(Duration.ofSeconds(5));
 * RegistrySettings fromConfig = RegistrySettings.from(SitkitConfig.load());   // sitkit.schema-registry.*
 * }</pre>
 *
 * <p>{@link #toString()} never shows the password or the token. Thread-safety: immutable.
 *
 * @param url            base URL, without a trailing slash
 * @param user           basic-auth user, if any
 * @param password       basic-auth password, if any; never printed
 * @param bearerToken    bearer token, if any (instead of basic auth); never printed
 * @param connectTimeout bound on connecting
 * @param requestTimeout bound on each request, from sending to the whole answer
 * @param ssl            TLS context for https (trust store of a private CA), default the JVM's
 */
public record RegistrySettings(String url, Optional<String> user, Optional<String> password, Optional<String> bearerToken,
                               Duration connectTimeout, Duration requestTimeout, Optional<SSLContext> ssl) {
    /** Default bound on connecting. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default bound on each request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Validates every part; the url loses trailing slashes. */
    public RegistrySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(ssl, "ssl");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema registry URL '" + Secrets.redactUrls(url) + "' is not a URL: "
                    + Secrets.redactUrls(e.getMessage()));
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("schema registry URL '" + Secrets.redactUrls(url) + "' must be http://host:port/… or https://…");
        }
        if (uri.getUserInfo() != null || !Secrets.redactUrls(url).equals(url)) {
            // Refused, so the URL can appear in every message and log as it is.
            throw new IllegalArgumentException("schema registry URL must not carry credentials; use "
                    + ConfigKeys.SCHEMA_REGISTRY_USER + " and " + ConfigKeys.SCHEMA_REGISTRY_PASSWORD + ", or "
                    + ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN);
        }
        if (bearerToken.isPresent() && user.isPresent()) {
            throw new IllegalArgumentException("schema registry: give basic auth or a bearer token, not both");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("schema registry basic auth needs both a user and a password");
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("schema registry " + what + " must be positive, was " + d);
        }
    }

    /** A registry at {@code url} without authentication, with the default timeouts. */
    public static RegistrySettings of(String url) {
        return new RegistrySettings(url, Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Optional.empty());
    }

    /**
     * From configuration: {@code sitkit.schema-registry.url} (required), {@code .user},
     * {@code .password}, {@code .bearer-token}, {@code .connect-timeout}, {@code .request-timeout},
     * {@code .truststore}, {@code .truststore-password}, {@code .truststore-type}.
     *
     * @throws io.sitkit.config.ConfigException when a value is missing, malformed or unreadable
     */
    public static RegistrySettings from(SitkitConfig config) {
        RegistrySettings s = of(config.required(ConfigKeys.SCHEMA_REGISTRY_URL));
        Optional<String> user = config.get(ConfigKeys.SCHEMA_REGISTRY_USER);
        if (user.isPresent()) {
            s = s.withBasicAuth(user.get(), config.required(ConfigKeys.SCHEMA_REGISTRY_PASSWORD));
        }
        Optional<String> token = config.get(ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN);
        if (token.isPresent() && user.isPresent()) {
            throw new ConfigException("set " + ConfigKeys.SCHEMA_REGISTRY_USER + "/password or " + ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN
                    + ", not both");
        }
        if (token.isPresent()) {
            s = s.withBearerToken(token.get());
        }
        Optional<String> store = config.get(ConfigKeys.SCHEMA_REGISTRY_TRUSTSTORE);
        if (store.isPresent()) {
            s = s.withSsl(TrustStores.context(Path.of(store.get()), config.string(ConfigKeys.SCHEMA_REGISTRY_TRUSTSTORE_TYPE, "PKCS12"),
                    config.get(ConfigKeys.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD)));
        }
        return s.withConnectTimeout(config.duration(ConfigKeys.SCHEMA_REGISTRY_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT))
                .withRequestTimeout(config.duration(ConfigKeys.SCHEMA_REGISTRY_REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT));
    }

    /** Basic authentication (instead of any bearer token). */
    public RegistrySettings withBasicAuth(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return new RegistrySettings(url, Optional.of(user), Optional.of(password), Optional.empty(), connectTimeout, requestTimeout, ssl);
    }

    /** A bearer token (instead of any basic authentication). */
    public RegistrySettings withBearerToken(String token) {
        Objects.requireNonNull(token, "token");
        return new RegistrySettings(url, Optional.empty(), Optional.empty(), Optional.of(token), connectTimeout, requestTimeout, ssl);
    }

    /** Bound on connecting (default {@link #DEFAULT_CONNECT_TIMEOUT}). */
    public RegistrySettings withConnectTimeout(Duration timeout) {
        return new RegistrySettings(url, user, password, bearerToken, timeout, requestTimeout, ssl);
    }

    /** Bound on each request (default {@link #DEFAULT_REQUEST_TIMEOUT}). */
    public RegistrySettings withRequestTimeout(Duration timeout) {
        return new RegistrySettings(url, user, password, bearerToken, connectTimeout, timeout, ssl);
    }

    /**
     * TLS trusting the certificates in {@code store}, a PKCS12 (or JKS) file.
     *
     * @param password the store's password, or {@code null} when it has none; never printed
     * @throws io.sitkit.config.ConfigException naming the file when it is missing or unreadable
     */
    public RegistrySettings withTrustStore(Path store, String password) {
        return withSsl(TrustStores.context(store, "PKCS12", Optional.ofNullable(password).filter(p -> !p.isEmpty())));
    }

    /** TLS with {@code context} (e.g. one trusting a private CA). */
    public RegistrySettings withSsl(SSLContext context) {
        return new RegistrySettings(url, user, password, bearerToken, connectTimeout, requestTimeout, Optional.of(context));
    }

    @Override
    public String toString() {
        return "RegistrySettings[url=" + url + user.map(u -> ", user=" + u + ", password=" + Secrets.MASK).orElse("")
                + bearerToken.map(t -> ", bearerToken=" + Secrets.MASK).orElse("")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ssl.map(c -> ", tls=" + c.getProtocol()).orElse("") + "]";
    }
}
