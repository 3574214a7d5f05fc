package io.sitkit.jms;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import org.apache.activemq.ActiveMQSslConnectionFactory;

/**
 * An ActiveMQ Classic connection factory with its own trust store and key store
 * ({@code sitkit.jms.ssl.*}), so {@code ssl://} needs no JVM-wide {@code javax.net.ssl} properties;
 * the key store's certificate is offered to brokers that require one (mutual TLS).
 *
 * <p>Thread-safety: stateless.
 */
final class ActiveMqTls {
    private ActiveMqTls() {
    }

    static boolean configured(SitkitConfig config) {
        return config.get(ConfigKeys.JMS_SSL_TRUSTSTORE).isPresent() || config.get(ConfigKeys.JMS_SSL_KEYSTORE).isPresent();
    }

    static ActiveMQSslConnectionFactory factory(SitkitConfig config, String url) {
        ActiveMQSslConnectionFactory factory = new ActiveMQSslConnectionFactory(url);
        try {
            config.get(ConfigKeys.JMS_SSL_TRUSTSTORE).ifPresent(store -> {
                factory.setTrustStoreType(typeOf(store));
                factory.setTrustStorePassword(config.get(ConfigKeys.JMS_SSL_TRUSTSTORE_PASSWORD).orElse(null));
            });
            if (config.get(ConfigKeys.JMS_SSL_TRUSTSTORE).isPresent()) {
                factory.setTrustStore(config.get(ConfigKeys.JMS_SSL_TRUSTSTORE).get());
            }
            if (config.get(ConfigKeys.JMS_SSL_KEYSTORE).isPresent()) {
                String store = config.get(ConfigKeys.JMS_SSL_KEYSTORE).get();
                String password = config.get(ConfigKeys.JMS_SSL_KEYSTORE_PASSWORD).orElse(null);
                factory.setKeyStoreType(typeOf(store));
                factory.setKeyStorePassword(password);
                factory.setKeyStoreKeyPassword(config.get(ConfigKeys.JMS_SSL_KEY_PASSWORD).orElse(password));
                factory.setKeyStore(store);
            }
        } catch (Exception e) {
            throw new ConfigException("could not use the JMS key or trust store (" + ConfigKeys.JMS_SSL_TRUSTSTORE + ", "
                    + ConfigKeys.JMS_SSL_KEYSTORE + "): " + e.getMessage(), e);
        }
        return factory;
    }

    private static String typeOf(String store) {
        return store.toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }
}
