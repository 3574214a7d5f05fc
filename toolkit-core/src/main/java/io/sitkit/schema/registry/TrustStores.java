package io.sitkit.schema.registry;

import io.sitkit.config.ConfigException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/** Reads a trust store file into a TLS context. Errors name the file, never the password. Stateless. */
final class TrustStores {
    private TrustStores() {
    }

    static SSLContext context(Path store, String type, Optional<String> password) {
        Path file = store.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("schema registry trust store " + file + " does not exist");
        }
        KeyStore keys;
        try (InputStream in = Files.newInputStream(file)) {
            keys = KeyStore.getInstance(type);
            keys.load(in, password.map(String::toCharArray).orElse(null));
            if (keys.size() == 0) {
                throw new ConfigException("schema registry trust store " + file + " holds no certificates");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("schema registry trust store " + file + " cannot be read as " + type + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("schema registry trust store " + file + " gives no TLS context: " + e.getMessage(), e);
        }
    }
}
