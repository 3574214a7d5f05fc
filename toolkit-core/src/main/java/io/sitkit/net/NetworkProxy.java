package io.sitkit.net;

import io.sitkit.core.SitkitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in this JVM: it listens on {@code 127.0.0.1:<port>} and forwards every
 * connection to a target, adding latency, limiting bandwidth and resetting connections on demand.
 * Make a broker advertise {@link #address()} (Kafka: {@code advertised.listeners}) so clients
 * cannot go around it after bootstrap.
 *
 * <pre>{@code
 * try (NetworkProxy proxy = NetworkProxy.open("kafka")) {          // listens before the broker starts
 *     // start the broker advertising proxy.address(), then:
 *     proxy.forwardTo(new InetSocketAddress("127.0.0.1", brokerPort));
 *     proxy.setLatency(Duration.ofMillis(50));                     // each way
 *     proxy.setBandwidth(256 * 1024);                              // bytes per second, each way
 *     int cut = proxy.resetConnections();                          // RST to both sides
 *     long bytes = proxy.stats().bytesToTarget();
 * }
 * }</pre>
 *
 * <p>Each connection has two pumps (one per direction) on daemon threads; a pump reads a chunk and
 * hands it to a {@link DelayLine} that releases it at {@code max(arrival + latency, previous release)
 * + size / bandwidth}, so latency and bandwidth hold without sleeping. Connections accepted before a
 * target is set are closed at once.
 *
 * <p>Thread-safety: thread-safe; settings apply to chunks read after the change.
 */
public final class NetworkProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkProxy.class);
    private static final int CHUNK = 16 * 1024;

    private final String name;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesToTarget = new AtomicLong();
    private final AtomicLong bytesFromTarget = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile InetSocketAddress target;
    private volatile long latencyNanos;
    private volatile long bytesPerSecond;
    private volatile boolean closed;

    private NetworkProxy(String name, ServerSocket server) {
        this.name = name;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "sitkit-proxy-" + name + "-accept");
        acceptor.setDaemon(true);
    }

    /** A proxy on a free loopback port with no target yet; {@code name} appears in thread names and messages. */
    public static NetworkProxy open(String name) {
        Objects.requireNonNull(name, "name");
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            NetworkProxy proxy = new NetworkProxy(name, s);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new SitkitException("could not open a proxy port on 127.0.0.1 for " + name + ": " + e.getMessage(), e);
        }
    }

    /** A proxy forwarding to {@code target} from the start. */
    public static NetworkProxy to(String name, InetSocketAddress target) {
        NetworkProxy proxy = open(name);
        proxy.forwardTo(target);
        return proxy;
    }

    /** Sets where new connections go. */
    public NetworkProxy forwardTo(InetSocketAddress target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Delay added to every chunk in each direction; {@code Duration.ZERO} for none. */
    public NetworkProxy setLatency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive but was " + latency);
        }
        latencyNanos = latency.toNanos();
        return this;
    }

    /** Bytes per second in each direction of each connection; 0 for unlimited. */
    public NetworkProxy setBandwidth(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be 0 (unlimited) or positive but was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** Resets every open connection (TCP RST to both sides, data in flight is dropped); returns how many. */
    public int resetConnections() {
        int n = 0;
        for (Link l : links) {
            if (l.reset()) {
                n++;
            }
        }
        resets.addAndGet(n);
        LOG.info("proxy {} reset {} connection(s)", name, n);
        return n;
    }

    /** What went through so far. */
    public Stats stats() {
        return new Stats(bytesToTarget.get(), bytesFromTarget.get(), accepted.get(), links.size(), resets.get());
    }

    /**
     * Counters of a proxy.
     *
     * @param bytesToTarget   bytes forwarded from clients to the target
     * @param bytesFromTarget bytes forwarded from the target to clients
     * @param connections     connections accepted
     * @param open            connections open now
     * @param resets          connections reset by {@link #resetConnections()}
     */
    public record Stats(long bytesToTarget, long bytesFromTarget, int connections, int open, int resets) {
    }

    /** Stops accepting and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing proxy {} server socket: {}", name, e.toString());
        }
        links.forEach(Link::close);
        try {
            acceptor.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "NetworkProxy[" + name + " " + address() + " -> " + target + ", " + stats() + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
            accepted.incrementAndGet();
            InetSocketAddress to = target;
            if (to == null) {
                quietClose(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(to, 5_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.debug("proxy {} could not reach {}: {}", name, to, e.toString());
                quietClose(client);
                quietClose(upstream);
                continue;
            }
            Link link = new Link(client, upstream);
            links.add(link);
            link.start(ids.incrementAndGet());
        }
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One proxied connection: two sockets, two pumps. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger ended = new AtomicInteger();
        private volatile boolean down;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start(int id) {
            pump(client, upstream, bytesToTarget, "sitkit-proxy-" + name + "-" + id + "-up");
            pump(upstream, client, bytesFromTarget, "sitkit-proxy-" + name + "-" + id + "-down");
        }

        private void pump(Socket from, Socket to, AtomicLong counter, String threadName) {
            DelayLine line = new DelayLine();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[CHUNK];
                try (InputStream in = from.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        line.offer(java.util.Arrays.copyOf(buf, n), latencyNanos, bytesPerSecond);
                    }
                } catch (IOException e) {
                    // reset or closed: end the link
                } finally {
                    line.end();
                }
            }, threadName + "-read");
            Thread writer = new Thread(() -> {
                try (OutputStream out = to.getOutputStream()) {
                    byte[] chunk;
                    while ((chunk = line.take()) != null) {
                        out.write(chunk);
                        out.flush();
                        counter.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // reset or closed: end the link
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (ended.incrementAndGet() >= 1) {
                        close();
                    }
                }
            }, threadName + "-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        boolean reset() {
            if (down) {
                return false;
            }
            try {
                client.setSoLinger(true, 0);
                upstream.setSoLinger(true, 0);
            } catch (SocketException e) {
                LOG.debug("proxy {}: could not arm a reset: {}", name, e.toString());
            }
            close();
            return true;
        }

        void close() {
            down = true;
            quietClose(client);
            quietClose(upstream);
            links.remove(this);
        }
    }
}
