package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedKafkaBrokerIT {
    private static final Duration POLL_DEADLINE = Duration.ofSeconds(30);
    private static final int TWO_MIB = 2 * 1024 * 1024;

    @Test
    void a_started_broker_serves_a_produced_record_to_a_consumer() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(kafka.startupTime()).isPositive();

            produce(kafka, "orders", "o-1", "hello".getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<byte[], byte[]>> records = consumeAll(kafka, "orders", 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("o-1");
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
            });
        }
    }

    @Test
    void a_one_mebibyte_message_fits_under_the_default_sixteen_mebibyte_limit() throws Exception {
        byte[] big = new byte[1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            produce(kafka, "big", "k", big);

            assertThat(consumeAll(kafka, "big", 1)).singleElement()
                    .satisfies(r -> assertThat(r.value()).hasSize(big.length).isEqualTo(big));
        }
    }

    @Test
    void restart_keeps_the_address_and_the_data() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            String address = kafka.bootstrapServers();
            produce(kafka, "durable", "before", "v1".getBytes(StandardCharsets.UTF_8));

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(kafka.dataDir()).isDirectory();
            kafka.restart();

            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            produce(kafka, "durable", "after", "v2".getBytes(StandardCharsets.UTF_8));
            assertThat(consumeAll(kafka, "durable", 2))
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("before", "after");

            kafka.restart(); // restart of a running broker stops it first
            assertThat(consumeAll(kafka, "durable", 2)).hasSize(2);
        }
    }

    @Test
    void close_is_idempotent_deletes_the_temp_dir_and_leaves_no_kafka_threads() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
        Path dataDir = kafka.dataDir();
        produce(kafka, "threads", "k", "v".getBytes(StandardCharsets.UTF_8));
        assertThat(consumeAll(kafka, "threads", 1)).hasSize(1);
        kafka.close();
        kafka.close();

        assertThat(kafka.isRunning()).isFalse();
        assertThat(dataDir).doesNotExist();
        assertThatThrownBy(kafka::restart).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertNoLeakedThreads(before);
    }

    @Test
    void a_given_data_dir_is_kept_on_close_and_reused_by_the_next_broker(@TempDir Path dir) throws Exception {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults().withDataDir(dir);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(config)) {
            produce(kafka, "kept", "k", "v".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(dir.resolve("kafka-logs/meta.properties")).isRegularFile();

        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(config)) {
            assertThat(consumeAll(kafka, "kept", 1)).hasSize(1);
        }
    }

    @Test
    void a_broker_that_cannot_start_cleans_up_and_says_why() throws Exception {
        Set<Path> tempDirsBefore = sitkitTempDirs();
        EmbeddedKafkaConfig bad = EmbeddedKafkaConfig.defaults().withBrokerProperty("num.io.threads", "lots");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(bad))
                .isInstanceOf(SitkitException.class)
                .hasMessageContaining("embedded Kafka broker did not start")
                .hasMessageContaining("num.io.threads")
                .hasMessageContaining("check the brokerProperties");
        assertThat(sitkitTempDirs()).isEqualTo(tempDirsBefore);
    }

    @Test
    void a_restart_whose_port_was_taken_fails_with_the_port_and_can_be_retried() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            int port = Integer.parseInt(kafka.bootstrapServers().substring("127.0.0.1:".length()));
            kafka.stop();

            try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThatThrownBy(kafka::restart)
                        .isInstanceOf(SitkitException.class)
                        .hasMessageContaining("did not start on ports " + port + " (broker)")
                        .hasMessageContaining("another process holds the port");
                assertThat(kafka.isRunning()).isFalse();
            }

            kafka.restart();
            assertThat(kafka.isRunning()).isTrue();
        }
    }

    @Test
    void a_restart_whose_controller_port_was_taken_fails_at_once_with_the_port_and_can_be_retried() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
            Ports ports = kafka.ports().get(0);
            kafka.stop();

            try (ServerSocket squatter = new ServerSocket(ports.controller(), 1, InetAddress.getByName("127.0.0.1"))) {
                // The broker starts beside the controller and waits to register with it: the controller's
                // failure must end that wait, not leave it to the start-up timeout.
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(kafka::restart)
                        .isInstanceOf(SitkitException.class)
                        .hasMessageContaining("another process holds the port " + ports.controller() + " (controller)"));
                assertThat(kafka.isRunning()).isFalse();
            }

            kafka.restart();
            assertThat(kafka.isRunning()).isTrue();
            produce(kafka, "after-retry", "k", "v".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_cluster_node_whose_port_was_taken_is_named_and_not_a_port_its_running_siblings_hold() throws Exception {
        try (EmbeddedKafkaBroker cluster = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults().withBrokers(3))) {
            int last = cluster.nodeIds().get(2);
            Ports lastPorts = cluster.ports().get(2);
            cluster.stopNode(last);

            try (ServerSocket squatter = new ServerSocket(lastPorts.controller(), 1, InetAddress.getByName("127.0.0.1"))) {
                // The running nodes hold their own ports; only the restarted node's may be blamed.
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> cluster.restartNode(last))
                        .isInstanceOf(SitkitException.class)
                        .hasMessageContaining("another process holds the port " + lastPorts.controller() + " (controller)"));
            }

            cluster.restartNode(last);
            assertThat(cluster.isRunning()).isTrue();
        }
    }

    private static Set<Path> sitkitTempDirs() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("sitkit-kafka-"))
                    .collect(Collectors.toSet());
        }
    }

    private static void produce(EmbeddedKafkaBroker kafka, String topic, String key, byte[] value)
            throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TWO_MIB,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .get(POLL_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads partition 0 of {@code topic} from the beginning until {@code expected} records or the deadline. */
    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(EmbeddedKafkaBroker kafka, String topic,
                                                                   int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + POLL_DEADLINE.toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        if (seen.size() < expected) {
            fail("expected " + expected + " record(s) in " + topic + "-0 at " + kafka.bootstrapServers()
                    + " within " + POLL_DEADLINE + " but saw " + seen.size());
        }
        return seen;
    }

    /**
     * When another broker already runs in this JVM (a shared test environment of an earlier test class),
     * it starts its purgatory timer threads ({@code executor-Fetch}, …) lazily, possibly during this test:
     * those cannot be told from ours and are not counted. Nor are ActiveMQ's threads: this class starts
     * no ActiveMQ, but a shared environment's broker makes task threads whenever it needs them. Alone,
     * the check is strict.
     */
    private static void assertNoLeakedThreads(Set<Thread> before) {
        boolean otherBroker = before.stream().anyMatch(t -> t.getName().startsWith("kafka-request-handler")
                || t.getName().startsWith("ExpirationReaper"));
        List<Thread> leftovers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !(otherBroker && t.getName().startsWith("executor-")))
                .filter(t -> !t.getName().startsWith("ActiveMQ "))
                .toList();
        String listing = leftovers.stream()
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)"))
                .collect(Collectors.joining(", "));
        assertThat(leftovers)
                .as("threads started during the test and alive after close(): [%s]", listing)
                .allSatisfy(t -> assertThat(t.isDaemon() && t.getName().startsWith("metrics-meter-tick-thread"))
                        .as("%s may not outlive close(): only daemon metrics-meter-tick-thread threads may", t.getName())
                        .isTrue());
    }
}
