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
        return pickFree(1).get(0);
    }

    /** Ports for {@code nodes} nodes, all distinct: every socket is held open until all are picked. */
    static java.util.List<Ports> pickFree(int nodes) {
        java.util.List<ServerSocket> open = new java.util.ArrayList<>();
        try {
            java.util.List<Ports> out = new java.util.ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ServerSocket a = open(0);
                open.add(a);
                ServerSocket b = open(0);
                open.add(b);
                out.add(new Ports(a.getLocalPort(), b.getLocalPort()));
            }
            return java.util.List.copyOf(out);
        } catch (IOException e) {
            throw new SitkitException("could not find free ports on " + BrokerProperties.HOST
                    + " for an embedded Kafka broker: " + e.getMessage()
                    + "; check that the loopback interface is up", e);
        } finally {
            for (ServerSocket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the port is free either way
                }
            }
        }
    }

    /**
     * The first of these ports that cannot be bound now, as "port (role)": after a failed start,
     * whose error does not always say so (Kafka's controller halts on a bind failure instead of
     * rethrowing it), this tells whether another process holds one.
     */
    static java.util.Optional<String> held(java.util.List<Ports> ports) {
        for (Ports p : ports) {
            if (!bindable(p.broker())) {
                return java.util.Optional.of(p.broker() + " (broker)");
            }
            if (!bindable(p.controller())) {
                return java.util.Optional.of(p.controller() + " (controller)");
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean bindable(int port) {
        try (ServerSocket ignored = open(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A listening socket on {@code port} of the broker's host; port 0 picks a free one. */
    private static ServerSocket open(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(BrokerProperties.HOST), port), 1);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
