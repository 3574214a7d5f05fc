package io.sitkit.env;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.SitkitException;
import io.sitkit.core.StartPosition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The external environment against a Kafka broker that sitkit did not configure: Kafka's own
 * {@code kafka.Kafka} main in a separate JVM, its storage formatted by Kafka's {@code StorageTool},
 * with a generated {@code server.properties} that keeps Kafka's defaults (a 1 MiB message limit
 * among them) apart from what a one-node KRaft cluster needs.
 */
class StockKafkaIT {
    private static final Duration START_WITHIN = Duration.ofSeconds(120);
    private static Path dir;
    private static Process broker;
    private static String bootstrap;
    private static final List<String> output = new ArrayList<>();

    @BeforeAll
    static void startKafkasOwnServerInAnotherProcess() throws Exception {
        dir = Files.createTempDirectory("sitkit-stock-kafka-");
        // The ports are picked free and then handed to Kafka, so another process may take one first: try again then.
        for (int attempt = 1; !tryStart(attempt); attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("Kafka's server found its ports taken three times: " + tail());
            }
        }
    }

    /** Formats a fresh log directory and starts the server; false when it could not bind its ports. */
    private static boolean tryStart(int attempt) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        bootstrap = "127.0.0.1:" + port;
        Path config = dir.resolve("server-" + attempt + ".properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + dir.resolve("data-" + attempt),
                // A single node cannot hold Kafka's default three replicas of its internal topics.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                ""));
        Process format = kafkaJvm("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()).start();
        try {
            CompletableFuture<String> formatted = CompletableFuture.supplyAsync(() -> read(format));
            String out = formatted.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(format.waitFor(30, TimeUnit.SECONDS)).as("StorageTool ended: " + out).isTrue();
            assertThat(format.exitValue()).as("StorageTool format: " + out).isZero();
        } finally {
            format.destroyForcibly();
        }

        broker = kafkaJvm("kafka.Kafka", config.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("Kafka Server started")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        boolean up;
        try {
            up = started.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            stopBroker();
            throw new IllegalStateException("Kafka's server did not start within " + START_WITHIN + ": " + tail(), e);
        }
        if (!up) {
            broker.waitFor(30, TimeUnit.SECONDS);
            String said = tail();
            if (said.contains("Address already in use") || said.contains("BindException")) {
                return false;
            }
            throw new IllegalStateException("Kafka's server ended before it started: " + said);
        }
        // Keep draining its output so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "stock-kafka-output");
        drain.setDaemon(true);
        drain.start();
        return true;
    }

    private static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JVM on the test class path running {@code main} under {@link StdinGuard} (so it ends with this
     * JVM), logging to standard output.
     */
    private static ProcessBuilder kafkaJvm(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                StdinGuard.class.getName(), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size()));
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.getOutputStream().close();   // StdinGuard exits, and Kafka's shutdown hook stops the server
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            broker = null;
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            dir = null;
        }
    }

    private static Environment external() {
        return Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", bootstrap, "sitkit.jms.enabled", "false")));
    }

    @Test
    void publishCaptureBrowseAndListWorkAgainstKafkasOwnServer() {
        try (Environment env = external(); Bus bus = env.openBus()) {
            Destination orders = Destination.kafka("stock-orders");
            try (Capture capture = bus.capture(CaptureSpec.of(orders).from(StartPosition.beginning()))) {
                for (int i = 0; i < 3; i++) {
                    bus.publish(OutgoingMessage.text(orders, "{\"n\":" + i + "}").withKey("o-" + i).withHeader("trace", "t-" + i));
                }
                List<Message> seen = capture.await(orders, 3, Duration.ofSeconds(30));
                assertThat(seen).extracting(m -> m.keyText().orElseThrow()).containsExactly("o-0", "o-1", "o-2");
                assertThat(seen.get(2).headers().lastAsString("trace")).contains("t-2");
            }
            assertThat(bus.browse(BrowseRequest.of(orders).last(2)).messages())
                    .extracting(m -> m.payloadText().orElseThrow()).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(bus.listDestinations()).filteredOn(i -> i.destination().equals(orders)).singleElement()
                    .extracting(DestinationInfo::messageCount).isEqualTo(3L);
        }
    }

    @Test
    void aMessageOverTheStockBrokersLimitFailsNamingTheBrokerSetting() {
        try (Environment env = external(); Bus bus = env.openBus()) {
            OutgoingMessage big = OutgoingMessage.bytes(Destination.kafka("stock-big"), new byte[2 * 1024 * 1024]);
            assertThatThrownBy(() -> bus.publish(big))
                    .isInstanceOf(SitkitException.class)
                    .hasMessageContaining("refused a message of 2097152 bytes as too large")
                    .hasMessageContaining("message.max.bytes");
            // Nothing half-written: the topic holds no message.
            assertThat(bus.browse(BrowseRequest.of("kafka:stock-big").fromBeginning()).messages()).isEmpty();
        }
    }
}
