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
        int port = freePort();
        int controllerPort = freePort();
        bootstrap = "127.0.0.1:" + port;
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + dir.resolve("data"),
                // A single node cannot hold Kafka's default three replicas of its internal topics.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                ""));
        Process format = kafkaJvm("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()).start();
        String formatted = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(format.waitFor(60, TimeUnit.SECONDS)).as("StorageTool finished").isTrue();
        assertThat(format.exitValue()).as("StorageTool format: " + formatted).isZero();

        broker = kafkaJvm("kafka.Kafka", config.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("Kafka Server started")) {
                        return;
                    }
                }
                throw new IllegalStateException("Kafka's server ended before it started: " + tail());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        started.get(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
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
    }

    /** A JVM on the test class path running {@code main}, logging to standard output. */
    private static ProcessBuilder kafkaJvm(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                main));
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
            broker.destroy();   // SIGTERM: Kafka's own shutdown hook stops it cleanly
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
