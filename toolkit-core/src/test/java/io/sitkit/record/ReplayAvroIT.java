package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.registry.LocalSchemaRegistry;
import io.sitkit.schema.registry.RegistrySettings;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recording Confluent-framed Avro with its schemas and replaying it against a real Apicurio Registry. */
@ExtendWith(SharedEmbedded.class)
class ReplayAvroIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String PING = "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"rec\",\"fields\":["
            + "{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"note\",\"type\":\"string\"}]}";
    private static final AvroCodec CODEC = AvroCodec.of(new Schema.Parser().parse(PING));
    private static LocalSchemaRegistry registry;
    private static SchemaRegistryClient client;

    @TempDir
    Path dir;
    private Bus bus;
    private String id;

    @BeforeAll
    static void startRegistry() {
        String home = System.getProperty("sitkit.test.apicurio.home");
        if (home == null) {
            throw new IllegalStateException("sitkit.test.apicurio.home is not set; run the tests through Maven, which unpacks"
                    + " Apicurio Registry into target/apicurio");
        }
        registry = LocalSchemaRegistry.start(Path.of(home), Path.of("target", "apicurio-replay.log"), Duration.ofSeconds(90));
        client = new SchemaRegistryClient(RegistrySettings.of(registry.confluentUrl()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        bus = env.openBus();
        id = info.getTestMethod().orElseThrow().getName().substring(0, 12) + "-" + RUN.incrementAndGet();
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    private static Message framed(String topic, int schemaId, String json) {
        return new Message(Destination.kafka(topic), null, Headers.empty(), ConfluentWireFormat.frame(schemaId, CODEC.encodeJson(json)),
                BodyType.BYTES, null, Instant.now(), new KafkaMetadata(0, 0, null, -1));
    }

    @Test
    void aFrameGetsTheIdTheTargetRegistryGivesTheRecordedSchema() {
        String topic = "avro-" + id;
        bus.kafka().createTopic(topic, 1);
        Path file = dir.resolve("avro.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            w.schema(new RecordedSchema(4242, "elsewhere-value", SchemaFormat.AVRO, PING));
            w.write(framed("orders", 4242, "{\"n\":5,\"note\":\"five\"}"), Origin.INJECTED, 4242, Map.of(), Map.of());
        }

        Message replayed;
        ReplayResult result;
        try (Capture capture = bus.capture("kafka:" + topic)) {
            result = Replay.of(file).mapDestination("kafka:orders", "kafka:" + topic).reencodingAvro(client).into(bus);
            replayed = capture.await(Destination.kafka(topic), 1, WAIT).get(0);
        }

        int targetId = client.lookup(topic + "-value", SchemaFormat.AVRO, PING).id();
        assertThat(targetId).isNotEqualTo(4242);
        assertThat(ConfluentWireFormat.parse(replayed.payload(), "replayed").schemaId()).isEqualTo(targetId);
        assertThat(RegistryAvro.using(client).decodePayload(replayed).json().toString()).isEqualTo("{\"n\":5,\"note\":\"five\"}");
        assertThat(result.registered()).isEqualTo(1);
        assertThat(result.describe()).endsWith("; 1 schemas registered");
    }

    @Test
    void aRecordingWithItsSchemasReplaysIntoAnotherTopicOfTheRegistryEndToEnd() {
        String source = "src-" + id;
        String target = "dst-" + id;
        bus.kafka().createTopic(source, 1);
        bus.kafka().createTopic(target, 1);
        int sourceId = client.register(source + "-value", SchemaFormat.AVRO, PING);
        Path file = dir.resolve("recorded.jsonl");
        try (Recorder recorder = RecorderSpec.to(file).withSchemas(client).start(bus, "kafka:" + source)) {
            recorder.inject(OutgoingMessage.bytes("kafka:" + source, ConfluentWireFormat.frame(sourceId, CODEC.encodeJson("{\"n\":1,\"note\":\"a\"}"))));
            bus.publish(OutgoingMessage.bytes("kafka:" + source, ConfluentWireFormat.frame(sourceId, CODEC.encodeJson("{\"n\":2,\"note\":\"b\"}"))));
            recorder.awaitRecorded(2, WAIT);
        }
        List<CaptureItem> items = RecorderIT.items(file);
        assertThat(items).filteredOn(RecordedSchema.class::isInstance).singleElement()
                .satisfies(s -> assertThat(((RecordedSchema) s).id()).isEqualTo(sourceId));
        assertThat(RecorderIT.entries(items)).extracting(CaptureFileReader.Entry::schemaId).containsExactly(sourceId, sourceId);

        try (Capture capture = bus.capture("kafka:" + target)) {
            Replay.of(file).mapDestination("kafka:" + source, "kafka:" + target).reencodingAvro(client).into(bus);
            List<Message> replayed = capture.await(Destination.kafka(target), 2, WAIT);

            assertThat(replayed).extracting(m -> RegistryAvro.using(client).decodePayload(m).json().get("n").asInt()).containsExactly(1, 2);
        }
        assertThat(client.versions(target + "-value")).hasSize(1);
    }

    @Test
    void aSchemaTheRecordingLacksIsLookedUpInTheSourceRegistryOrStopsTheReplaySayingSo() {
        String topic = "miss-" + id;
        bus.kafka().createTopic(topic, 1);
        int sourceId = client.register("miss-source-" + id + "-value", SchemaFormat.AVRO, PING);
        Path file = dir.resolve("no-schema.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            w.write(framed(topic, sourceId, "{\"n\":3,\"note\":\"c\"}"), Origin.OBSERVED, sourceId, Map.of(), Map.of());
        }

        assertThatThrownBy(() -> Replay.of(file).reencodingAvro(client).into(bus))
                .isInstanceOf(ReplayException.class)
                .hasMessage("replay of capture file " + file + " stopped at line 2 after 0 messages sent: schema id " + sourceId + " of kafka:"
                        + topic + " is not in the recording (no schema line before it); give the source registry:"
                        + " reencodingAvro(target, sourceRegistry)");
        assertThat(Replay.of(file).reencodingAvro(client, client).into(bus).sent()).isEqualTo(1);
    }

    @Test
    void anUnreachableTargetRegistryStopsTheReplayNamingItsAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
        SchemaRegistryClient nowhere = new SchemaRegistryClient(RegistrySettings.of(url).withConnectTimeout(Duration.ofSeconds(1)));
        Path file = dir.resolve("unreachable.jsonl");
        try (CaptureFileWriter w = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            w.schema(new RecordedSchema(9, "", SchemaFormat.AVRO, PING));
            w.write(framed("orders-" + id, 9, "{\"n\":4,\"note\":\"d\"}"), Origin.OBSERVED, 9, Map.of(), Map.of());
        }

        assertThatThrownBy(() -> Replay.of(file).reencodingAvro(nowhere).into(bus))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("replay of capture file " + file + " stopped at line 3 after 0 messages sent: cannot register schema 9"
                        + " under orders-" + id + "-value in the target registry " + url + ": ");
    }
}
