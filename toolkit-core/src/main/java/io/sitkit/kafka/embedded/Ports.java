package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The two ports of an embedded broker: its client listener and its controller listener.
 *
 * <p>Thread-safety: immutable.
 */
record Ports(int broker, int controller) {

    /**
     * Two distinct ports that were free on 127.0.0.1 a moment ago. Another process may take them
     * before Kafka binds; the caller retries with fresh ports when binding fails.
     */
    static Ports pickFree() {
        try (ServerSocket a = open(); ServerSocket b = open()) {
            return new Ports(a.getLocalPort(), b.getLocalPort());
        } catch (IOException e) {
            throw new SitkitException("could not find free ports on " + BrokerProperties.HOST
                    + " for an embedded Kafka broker: " + e.getMessage()
                    + "; check that the loopback interface is up", e);
        }
    }

    private static ServerSocket open() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(BrokerProperties.HOST), 0), 1);
        return socket;
    }
}
