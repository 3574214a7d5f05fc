package io.sitkit.kafka.embedded;

import io.sitkit.tls.TlsMaterial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The secrets behind the client listener of an {@link EmbeddedKafkaBroker}, shared by every node of a
 * cluster: one set of TLS stores (the certificate is for {@code 127.0.0.1}, so it also fits a proxy on
 * loopback) and one SCRAM password of the broker's own inter-broker user. Turns them into broker
 * properties, SCRAM bootstrap records and client properties.
 *
 * <p>Thread-safety: immutable.
 */
final class ListenerSecurity {
    /** The SCRAM user the brokers authenticate as on their own listener. */
    static final String BROKER_USER = "sitkit-broker";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final ListenerSecurity PLAIN = new ListenerSecurity(EmbeddedKafkaSecurity.none(), null, null);

    private final EmbeddedKafkaSecurity security;
    private final TlsMaterial tls;
    private final String brokerSecret;

    private ListenerSecurity(EmbeddedKafkaSecurity security, TlsMaterial tls, String brokerSecret) {
        this.security = security;
        this.tls = tls;
        this.brokerSecret = brokerSecret;
    }

    /** A plain listener: no stores, no secret. */
    static ListenerSecurity plain() {
        return PLAIN;
    }

    /** Generates TLS material in {@code dataDir} and reads or makes the broker's own SCRAM secret there. */
    static ListenerSecurity prepare(EmbeddedKafkaSecurity security, Path dataDir) {
        if (!security.usesTls()) {
            return new ListenerSecurity(security, null, null);
        }
        TlsMaterial tls = TlsMaterial.generate(dataDir.resolve("tls"));
        String secret = security.mode() == EmbeddedKafkaSecurity.Mode.SASL_SCRAM_TLS
                ? InterBrokerSecret.readOrCreate(dataDir.resolve("inter-broker.secret")) : null;
        return new ListenerSecurity(security, tls, secret);
    }

    /** The stores, or {@code null} for a plain listener. */
    TlsMaterial tls() {
        return tls;
    }

    /** Adds the TLS and SASL properties of the client listener {@code listener}; nothing for a plain one. */
    void addBrokerProperties(Properties p, String listener) {
        if (tls == null) {
            return;
        }
        String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        p.put(prefix + "ssl.keystore.location", tls.serverKeyStore().toString());
        p.put(prefix + "ssl.keystore.password", tls.password());
        p.put(prefix + "ssl.key.password", tls.password());
        p.put(prefix + "ssl.keystore.type", TlsMaterial.STORE_TYPE);
        p.put(prefix + "ssl.truststore.location", tls.trustStore().toString());
        p.put(prefix + "ssl.truststore.password", tls.password());
        p.put(prefix + "ssl.truststore.type", TlsMaterial.STORE_TYPE);
        p.put("ssl.endpoint.identification.algorithm", "https");
        if (security.mode() == EmbeddedKafkaSecurity.Mode.MUTUAL_TLS) {
            p.put(prefix + "ssl.client.auth", "required");
        } else {
            String mech = SCRAM_MECHANISM.toLowerCase(Locale.ROOT);
            p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put(prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            p.put(prefix + mech + ".sasl.jaas.config", scramJaas(BROKER_USER, brokerSecret));
        }
    }

    /** {@code SCRAM-SHA-512=[name=…,password=…]} per user, for the KRaft bootstrap records of every node. */
    List<String> scramArguments() {
        if (security.mode() != EmbeddedKafkaSecurity.Mode.SASL_SCRAM_TLS) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        Map<String, String> users = new TreeMap<>(security.users());
        users.put(BROKER_USER, brokerSecret);
        users.forEach((user, password) -> args.add(SCRAM_MECHANISM + "=[name=" + user + ",password=" + password + "]"));
        return args;
    }

    /** What a client needs for the listener except a SASL identity; empty for a plain listener. */
    Map<String, String> clientProperties() {
        if (tls == null) {
            return Map.of();
        }
        Map<String, String> p = new TreeMap<>();
        p.put("security.protocol", security.mode().protocol());
        p.put("ssl.truststore.location", tls.trustStore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("ssl.truststore.type", TlsMaterial.STORE_TYPE);
        if (security.mode() == EmbeddedKafkaSecurity.Mode.MUTUAL_TLS) {
            p.put("ssl.keystore.location", tls.clientKeyStore().toString());
            p.put("ssl.keystore.password", tls.password());
            p.put("ssl.key.password", tls.password());
            p.put("ssl.keystore.type", TlsMaterial.STORE_TYPE);
        } else {
            p.put("sasl.mechanism", SCRAM_MECHANISM);
        }
        return Collections.unmodifiableMap(p);
    }

    /** A JAAS line for a SCRAM client; the password is quoted as JAAS wants. */
    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Masks the secrets. */
    @Override
    public String toString() {
        return "ListenerSecurity[" + security + (tls == null ? "" : ", " + tls) + "]";
    }
}
