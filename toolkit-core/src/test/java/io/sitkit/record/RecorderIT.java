package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.StartPosition;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recorder against the embedded brokers. */
@ExtendWith(SharedEmbedded.class)
class RecorderIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    static final String AVRO = "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";

    @TempDir
    Path dir;
    private Bus bus;
    private String topic;
    private String queue;

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        bus = env.openBus();
        String id = info.getTestMethod().orElseThrow().getName() + "-" + RUN.incrementAndGet();
        topic = "rec-" + id;
        queue = "rec-" + id;
        bus.kafka().createTopic(topic, 1);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    static List<CaptureItem> items(Path file) {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            List<CaptureItem> all = new ArrayList<>();
            reader.items().forEach(all::add);
            return all;
        }
    }

    static List<CaptureFileReader.Entry> entries(List<CaptureItem> items) {
        return items.stream().filter(CaptureFileReader.Entry.class::isInstance).map(CaptureFileReader.Entry.class::cast).toList();
    }

    static List<SessionNote> notes(List<CaptureItem> items) {
        return items.stream().filter(SessionNote.class::isInstance).map(SessionNote.class::cast).toList();
    }

    private static Set<String> recorderThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("sitkit-capture")).collect(Collectors.toSet());
    }

    @Test
    void injectionsAreWrittenOnceAsInjectedAndEverythingElseAsObservedWithTheNotesBetween() {
        Path file = dir.resolve("session.jsonl");
        Set<String> threadsBefore = recorderThreads();

        try (Recorder recorder = RecorderSpec.to(file).annotated("session", "checkout").start(bus, "kafka:" + topic, "jms:queue:" + queue)) {
            recorder.note("two injections, then what the system says");
            recorder.inject(OutgoingMessage.text("kafka:" + topic, "{\"orderId\":\"o-1\"}").withKey("o-1"));
            recorder.inject(OutgoingMessage.text("jms:queue:" + queue, "{\"orderId\":\"o-1\",\"amount\":42}").withCorrelationId("o-1"));
            // Published after the injections on the same destinations: once these are recorded, the echoes have come by.
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{\"orderId\":\"o-1\",\"status\":\"PLACED\"}").withKey("o-1"));
            bus.publish(OutgoingMessage.text("jms:queue:" + queue, "{\"orderId\":\"o-1\",\"status\":\"PAID\"}"));
            recorder.awaitRecorded(4, WAIT);
            recorder.finding("status PAID before PLACED?");
        }
        List<CaptureItem> items = items(file);
        List<CaptureFileReader.Entry> entries = entries(items);

        List<String> lines = entries.stream()
                .map(e -> e.origin() + " " + e.message().destination() + " " + e.message().payloadText().orElseThrow()).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 2)).containsExactly("INJECTED kafka:" + topic + " {\"orderId\":\"o-1\"}",
                "INJECTED jms:queue:" + queue + " {\"orderId\":\"o-1\",\"amount\":42}");
        // The two transports' captures run on their own threads: their order between each other is the arrival order.
        assertThat(lines.subList(2, 4)).containsExactlyInAnyOrder("OBSERVED kafka:" + topic + " {\"orderId\":\"o-1\",\"status\":\"PLACED\"}",
                "OBSERVED jms:queue:" + queue + " {\"orderId\":\"o-1\",\"status\":\"PAID\"}");
        assertThat(entries.get(0).message().kafka().orElseThrow().offset()).isZero();
        assertThat(entries.get(1).message().jms().orElseThrow().correlationId()).isEqualTo("o-1");
        assertThat(notes(items)).extracting(SessionNote::kind, SessionNote::text).contains(
                org.assertj.core.groups.Tuple.tuple(SessionNote.Kind.NOTE, "two injections, then what the system says"),
                org.assertj.core.groups.Tuple.tuple(SessionNote.Kind.FINDING, "status PAID before PLACED?"));
        assertThat(notes(items).get(0).text()).startsWith("recording kafka:" + topic);
        assertThat(notes(items)).filteredOn(SessionNote::byRecorder).extracting(SessionNote::text)
                .allMatch(t -> t.startsWith("recording ")).hasSize(2);
        assertThat(notes(items)).filteredOn(n -> !n.byRecorder()).extracting(SessionNote::text)
                .containsExactly("two injections, then what the system says", "status PAID before PLACED?");
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.header().annotations()).containsEntry("session", "checkout")
                    .containsEntry("recorded", "kafka:" + topic + ", jms:queue:" + queue);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> threadsBefore.containsAll(recorderThreads()));
    }

    @Test
    void destinationsAreWrittenUnderTheNamesTheSpecGives() {
        Path file = dir.resolve("named.jsonl");
        Destination real = Destination.kafka(topic);

        try (Recorder recorder = RecorderSpec.to(file).writingNames(d -> d.equals(real) ? Destination.kafka("orders") : d)
                .start(bus, "kafka:" + topic)) {
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{}"));
            recorder.awaitRecorded(1, WAIT);
        }

        assertThat(entries(items(file))).extracting(e -> e.message().destination()).containsExactly(Destination.kafka("orders"));
    }

    @Test
    void framedPayloadsCarryTheirSchemaIdAndEachSchemaIsWrittenOnceBeforeItsFirstMessage() {
        Path file = dir.resolve("schemas.jsonl");
        RecorderSpec spec = RecorderSpec.to(file).withSchemas(id -> {
            if (id == 7) {
                return new RegisteredSchema(7, "", 0, SchemaFormat.AVRO, AVRO);
            }
            throw new io.sitkit.core.SitkitException("no schema with id " + id);
        });

        List<String> problems;
        try (Recorder recorder = spec.start(bus, "kafka:" + topic)) {
            for (int id : new int[] {7, 7, 9}) {
                bus.publish(OutgoingMessage.bytes("kafka:" + topic, ConfluentWireFormat.frame(id, new byte[] {2})));
            }
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{\"plain\":true}"));
            recorder.awaitRecorded(4, WAIT);
            problems = recorder.problems();
        }
        List<CaptureItem> items = items(file);

        List<CaptureItem> lines = items.subList(1, items.size());
        assertThat(lines.get(0)).isEqualTo(new RecordedSchema(7, "", SchemaFormat.AVRO, AVRO));
        assertThat(entries(items)).extracting(CaptureFileReader.Entry::schemaId).containsExactly(7, 7, null, null);
        assertThat(items.stream().filter(RecordedSchema.class::isInstance)).hasSize(1);
        assertThat(problems).containsExactly("schema id 9 of kafka:" + topic + "[0]@2 not found: no schema with id 9");
        assertThat(notes(items)).filteredOn(n -> n.kind() == SessionNote.Kind.PROBLEM).extracting(SessionNote::text)
                .containsExactlyElementsOf(problems);
    }

    @Test
    void eachMessageCarriesItsCorrelationKeyUnderTheRule() {
        Path file = dir.resolve("correlated.jsonl");

        try (Recorder recorder = RecorderSpec.to(file)
                .correlatedBy(CorrelationRules.byDefault(KeySource.jsonPath("$.orderId"))).start(bus, "kafka:" + topic)) {
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{\"orderId\":\"o-7\"}"));
            bus.publish(OutgoingMessage.text("kafka:" + topic, "no json"));
            recorder.awaitRecorded(2, WAIT);
        }

        assertThat(entries(items(file))).extracting(CaptureFileReader.Entry::correlation)
                .containsExactly(Map.of("jsonPath:$.orderId", "o-7"), Map.of());
    }

    @Test
    void fromTheBeginningRecordsWhatTheTopicAlreadyHeld() {
        Path file = dir.resolve("beginning.jsonl");
        for (int i = 0; i < 3; i++) {
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{\"n\":" + i + "}"));
        }

        try (Recorder recorder = RecorderSpec.to(file).from(StartPosition.beginning()).start(bus, "kafka:" + topic)) {
            assertThat(recorder.awaitRecorded(3, WAIT)).isEqualTo(3);
        }

        assertThat(entries(items(file))).extracting(e -> e.message().kafka().orElseThrow().offset()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFailedInjectionIsNotRecordedAndDoesNotHoldBackWhatIsObservedAfterIt() {
        Path file = dir.resolve("failed.jsonl");

        try (Recorder recorder = RecorderSpec.to(file).start(bus, "kafka:" + topic)) {
            assertThatThrownBy(() -> recorder.inject(OutgoingMessage.text("jms:queue:" + queue, "{}").withPartition(3)))
                    .hasMessage("message for jms:queue:" + queue + " names Kafka partition 3; JMS destinations have no partitions");
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{}"));
            recorder.awaitRecorded(1, WAIT);
        }

        assertThat(entries(items(file))).extracting(CaptureFileReader.Entry::origin).containsExactly(Origin.OBSERVED);
    }

    @Test
    void closeIsIdempotentAndUsingTheRecorderAfterItSaysWhatToDo() {
        Path file = dir.resolve("closed.jsonl");
        Recorder recorder = RecorderSpec.to(file).start(bus, "kafka:" + topic);

        recorder.close();
        recorder.close();

        String closed = "the recorder of " + file + " is closed; start a new one to record more";
        assertThatThrownBy(() -> recorder.note("late")).isInstanceOf(IllegalStateException.class).hasMessage(closed);
        assertThatThrownBy(() -> recorder.inject(OutgoingMessage.text("kafka:" + topic, "{}"))).hasMessage(closed);
        assertThatThrownBy(() -> recorder.awaitRecorded(1, WAIT))
                .hasMessage("the recorder of " + file + " closed with 0 of the 1 messages awaited");
    }

    @Test
    void awaitingMoreThanArrivesFailsAsATimeoutSayingHowManyWereRecordedOnEachDestination() {
        try (Recorder recorder = RecorderSpec.to(dir.resolve("few.jsonl")).start(bus, "kafka:" + topic, "jms:queue:" + queue)) {
            recorder.inject(OutgoingMessage.text("kafka:" + topic, "{\"n\":1}"));
            bus.publish(OutgoingMessage.text("kafka:" + topic, "{\"n\":2}"));
            recorder.awaitRecorded(2, WAIT);

            assertThatThrownBy(() -> recorder.awaitRecorded(3, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("expected 3 recorded messages in " + dir.resolve("few.jsonl") + "\n  within 50ms"
                            + "\n  but 2 were recorded: kafka:" + topic + " 1 + 1 injected, jms:queue:" + queue + " 0");
        }
    }

    @Test
    void misuseIsRefusedNamingWhatToDo() {
        RecorderSpec spec = RecorderSpec.to(dir.resolve("x.jsonl"));

        assertThatThrownBy(() -> spec.start(bus))
                .hasMessage("a recording needs at least one destination to watch, e.g. start(bus, \"kafka:orders\")");
        assertThatThrownBy(() -> spec.from(StartPosition.beginning()).start(bus, "kafka:" + topic, "jms:queue:" + queue))
                .hasMessage("JMS destinations [jms:queue:" + queue + "] can only be recorded from now, not from the beginning;"
                        + " record them with a second RecorderSpec");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
