package io.sitkit.jms.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.tls.TlsMaterial;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.SslContext;
import org.apache.activemq.security.SimpleAuthenticationPlugin;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies an {@link EmbeddedActiveMqSecurity} to a broker before it starts.
 *
 * <p>Thread-safety: stateless.
 */
final class BrokerSecurity {
    private BrokerSecurity() {
    }

    /** The authentication plugin, or {@code null} when there are no users. */
    static BrokerPlugin authentication(EmbeddedActiveMqSecurity security) {
        if (security.users().isEmpty()) {
            return null;
        }
        SimpleAuthenticationPlugin plugin = new SimpleAuthenticationPlugin();
        plugin.setAnonymousAccessAllowed(false);
        plugin.setUserPasswords(new HashMap<>(security.users()));
        Map<String, Set<Principal>> groups = new HashMap<>();
        security.users().keySet().forEach(u -> groups.put(u, Set.of(new Group("users"))));
        plugin.setUserGroups(groups);
        return plugin;
    }

    /** Generates TLS material in {@code dir} and installs it as the broker's SSL context. */
    static TlsMaterial tls(BrokerService broker, Path dir) {
        TlsMaterial tls = TlsMaterial.generate(dir);
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(tls.serverKeyStore(), tls.password()), tls.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.trustStore(), tls.password()));
            broker.setSslContext(new SslContext(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom()));
            return tls;
        } catch (Exception e) {
            throw new SitkitException("could not load the generated TLS stores in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The group every user belongs to (ActiveMQ's own GroupPrincipal lives in activemq-jaas). */
    private record Group(String getName) implements Principal {
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
