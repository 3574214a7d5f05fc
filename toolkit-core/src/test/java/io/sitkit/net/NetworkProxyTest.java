package io.sitkit.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The proxy over plain sockets against an echo server: forwarding, latency, bandwidth, resets, and no threads left. */
class NetworkProxyTest {
    private ServerSocket echo;
    private Thread echoThread;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoThread = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // peer went away
                        }
                    }, "echo-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "echo-accept");
        echoThread.setDaemon(true);
        echoThread.start();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    private InetSocketAddress target() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort());
    }

    private static byte[] roundTrip(Socket s, byte[] data) throws IOException {
        s.getOutputStream().write(data);
        s.getOutputStream().flush();
        return s.getInputStream().readNBytes(data.length);
    }

    private static Set<String> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("sitkit-proxy-")).collect(Collectors.toSet());
    }

    @Test
    void forwardsBothWaysAndCountsTheBytes() throws IOException {
        try (NetworkProxy proxy = NetworkProxy.to("echo", target());
             Socket s = new Socket("127.0.0.1", proxy.port())) {
            assertThat(roundTrip(s, "hello".getBytes())).asString().isEqualTo("hello");
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.stats().bytesFromTarget() == 5);
            assertThat(proxy.stats()).isEqualTo(new NetworkProxy.Stats(5, 5, 1, 1, 0));
        }
    }

    @Test
    void latencyDelaysEachDirection() throws IOException {
        try (NetworkProxy proxy = NetworkProxy.to("echo", target()).setLatency(Duration.ofMillis(100));
             Socket s = new Socket("127.0.0.1", proxy.port())) {
            long t0 = System.nanoTime();
            roundTrip(s, new byte[] {1});
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(1_500));
        }
    }

    @Test
    void bandwidthLimitsEachDirection() throws IOException {
        try (NetworkProxy proxy = NetworkProxy.to("echo", target()).setBandwidth(200_000);
             Socket s = new Socket("127.0.0.1", proxy.port())) {
            long t0 = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(new byte[100_000]);
                } catch (IOException ignored) {
                    // the read below fails then
                }
            });
            writer.start();
            assertThat(s.getInputStream().readNBytes(100_000)).hasSize(100_000);
            // 100 kB at 200 kB/s is 0.5 s one way; the echo overlaps the two directions chunk by chunk.
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(450), Duration.ofMillis(3_000));
        }
    }

    @Test
    void aResetCutsOpenConnectionsAndNewOnesWork() throws IOException {
        try (NetworkProxy proxy = NetworkProxy.to("echo", target());
             Socket first = new Socket("127.0.0.1", proxy.port())) {
            roundTrip(first, new byte[] {1});

            assertThat(proxy.resetConnections()).isEqualTo(1);
            int afterReset;
            try {
                afterReset = first.getInputStream().read();
            } catch (SocketException e) {
                afterReset = -1; // "Connection reset": the RST arrived
            }
            assertThat(afterReset).as("the old connection is gone").isEqualTo(-1);
            try (Socket second = new Socket("127.0.0.1", proxy.port())) {
                assertThat(roundTrip(second, new byte[] {3})).containsExactly(3);
            }
            assertThat(proxy.stats().resets()).isEqualTo(1);
        }
    }

    @Test
    void closingLeavesNoThreadBehindAndRefusesBadSettings() throws IOException {
        NetworkProxy proxy = NetworkProxy.to("echo", target());
        try (Socket s = new Socket("127.0.0.1", proxy.port())) {
            roundTrip(s, new byte[] {1});
            assertThat(proxyThreads()).isNotEmpty();
        }
        proxy.close();
        proxy.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> proxyThreads().isEmpty());
        assertThatThrownBy(() -> proxy.setLatency(Duration.ofMillis(-1))).hasMessage("latency must be zero or positive but was PT-0.001S");
        assertThatThrownBy(() -> proxy.setBandwidth(-1)).hasMessage("bandwidth must be 0 (unlimited) or positive but was -1");
    }
}
