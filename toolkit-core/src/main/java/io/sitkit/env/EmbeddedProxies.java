package io.sitkit.env;

import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaSecurity;
import io.sitkit.net.NetworkProxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The proxies of an embedded environment started with {@code sitkit.embedded.proxy=true}: one per
 * Kafka node ({@code kafka-1}, {@code kafka-2}, …), which that node advertises, and one for
 * ActiveMQ ({@code activemq}). Opened before the brokers start, pointed at them once they listen.
 *
 * <p>Thread-safety: filled by the starting thread, then read-only.
 */
final class EmbeddedProxies implements AutoCloseable {
    private final Map<String, NetworkProxy> byName = new LinkedHashMap<>();

    static EmbeddedProxies open(boolean enabled, int kafkaNodes, boolean jms) {
        EmbeddedProxies p = new EmbeddedProxies();
        if (enabled) {
            for (int id = 1; id <= kafkaNodes; id++) {
                p.byName.put("kafka-" + id, NetworkProxy.open("kafka-" + id));
            }
            if (jms) {
                p.byName.put("activemq", NetworkProxy.open("activemq"));
            }
        }
        return p;
    }

    boolean enabled() {
        return !byName.isEmpty();
    }

    /**
     * {@code node.<id>.advertised.listeners} for each Kafka node: clients only ever learn the proxies. A
     * secured listener keeps its name and protocol; the proxy relays the TLS bytes as they are.
     */
    Map<String, String> kafkaBrokerProperties(EmbeddedKafkaSecurity security) {
        Map<String, String> out = new LinkedHashMap<>();
        byName.forEach((name, proxy) -> {
            if (name.startsWith("kafka-")) {
                out.put("node." + name.substring("kafka-".length()) + ".advertised.listeners", security.listenerName() + "://" + proxy.address());
            }
        });
        return out;
    }

    /** Points each Kafka proxy at its node; returns the bootstrap servers clients use (the proxies). */
    String attach(EmbeddedKafkaBroker kafka) {
        StringJoiner bootstrap = new StringJoiner(",");
        for (int id : kafka.nodeIds()) {
            NetworkProxy proxy = byName.get("kafka-" + id);
            proxy.forwardTo(address(kafka.nodeAddress(id)));
            bootstrap.add(proxy.address());
        }
        return bootstrap.toString();
    }

    /** Points the ActiveMQ proxy at the broker; returns the URL clients use, with the broker's scheme ({@code tcp}, {@code ssl}). */
    String attach(EmbeddedActiveMq activeMq) {
        NetworkProxy proxy = byName.get("activemq");
        URI broker = URI.create(activeMq.brokerUrl());
        proxy.forwardTo(new InetSocketAddress(broker.getHost(), broker.getPort()));
        return broker.getScheme() + "://" + proxy.address();
    }

    Map<String, NetworkProxy> all() {
        return Collections.unmodifiableMap(byName);
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public void close() {
        byName.values().forEach(NetworkProxy::close);
    }
}
