package io.sitkit.jms.embedded;

import io.sitkit.core.SitkitException;
import io.sitkit.tls.TlsMaterial;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.SslContext;
import org.apache.activemq.plugin.StatisticsBrokerPlugin;
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

    /** Installs the plugins (statistics, and authentication when there are users) and the TLS stores, if any. */
    static void apply(BrokerService broker, EmbeddedActiveMqSecurity security, TlsMaterial tls) {
        BrokerPlugin authentication = authentication(security);
        broker.setPlugins(authentication == null ? new BrokerPlugin[] {new StatisticsBrokerPlugin()}
                : new BrokerPlugin[] {new StatisticsBrokerPlugin(), authentication});
        if (tls != null) {
            installTls(broker, tls);
        }
    }

    /**
     * The connector's URI on {@code hostPort}: {@code tcp://}, {@code ssl://}, or with client
     * certificates {@code ssl://…?needClientAuth=true} (clients then see the plain {@code ssl://} address).
     */
    static String connectorUri(EmbeddedActiveMqSecurity security, String hostPort) {
        if (!security.tls()) {
            return "tcp://" + hostPort;
        }
        return "ssl://" + hostPort + (security.clientCertificates() ? "?needClientAuth=true" : "");
    }

    /** Generates TLS material in {@code dir} when the security asks for TLS; {@code null} otherwise. */
    static TlsMaterial generateTls(EmbeddedActiveMqSecurity security, Path dir) {
        return security.tls() ? TlsMaterial.generate(dir) : null;
    }

    /** The authentication plugin, or {@code null} when there are no users. */
    private static BrokerPlugin authentication(EmbeddedActiveMqSecurity security) {
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

    /** Installs the stores as the broker's SSL context (a restarted broker gets the same certificate). */
    private static void installTls(BrokerService broker, TlsMaterial tls) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(tls.serverKeyStore(), tls.password()), tls.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.trustStore(), tls.password()));
            broker.setSslContext(new SslContext(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom()));
        } catch (Exception e) {
            throw new SitkitException("could not load the generated TLS stores " + tls.serverKeyStore().getParent()
                    + ": " + e.getMessage(), e);
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
