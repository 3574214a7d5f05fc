package io.sitkit.tls;

import io.sitkit.config.Secrets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Key stores for one secured test broker and its clients, all PKCS12 with the same random password.
 * The server certificate is for {@code localhost} and {@code 127.0.0.1}; the trust store trusts the
 * server and the client certificate, so it serves both sides (and mutual TLS).
 *
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.generate(dir);          // a few keytool runs, about a second
 * props.put("ssl.truststore.location", tls.trustStore().toString());
 * props.put("ssl.truststore.password", tls.password());
 * }</pre>
 *
 * <p>{@link #toString()} masks the password. Thread-safety: immutable.
 *
 * @param serverKeyStore key store with the server's key and certificate (alias {@code server})
 * @param clientKeyStore key store with a client key and certificate (alias {@code client}, CN {@code sitkit-client})
 * @param trustStore     trust store with both certificates
 * @param password       password of all three stores and their keys
 */
public record TlsMaterial(Path serverKeyStore, Path clientKeyStore, Path trustStore, String password) {
    /** The store type of every file: {@code PKCS12}. */
    public static final String STORE_TYPE = "PKCS12";

    public TlsMaterial {
        Objects.requireNonNull(serverKeyStore, "serverKeyStore must not be null");
        Objects.requireNonNull(clientKeyStore, "clientKeyStore must not be null");
        Objects.requireNonNull(trustStore, "trustStore must not be null");
        Objects.requireNonNull(password, "password must not be null");
        if (password.length() < 6) {
            throw new IllegalArgumentException("password must have at least 6 characters (keytool's minimum)");
        }
    }

    /**
     * Generates fresh stores in {@code dir} (created if missing) with a random password, replacing
     * stores an earlier call left there.
     *
     * @throws io.sitkit.core.SitkitException if keytool is missing or fails; the message has its output
     */
    public static TlsMaterial generate(Path dir) {
        return KeyTool.generate(dir);
    }

    @Override
    public String toString() {
        return "TlsMaterial[serverKeyStore=" + serverKeyStore + ", clientKeyStore=" + clientKeyStore
                + ", trustStore=" + trustStore + ", password=" + Secrets.MASK + "]";
    }
}
