package io.sitkit.record;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BodyType;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.PropertyType;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replays of recordings into the embedded brokers. */
@ExtendWith(SharedEmbedded.class)
class ReplayIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");

    @TempDir
    Path dir;
    private Bus bus;
    private String id;

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        bus = env.openBus();
        id = info.getTestMethod().orElseThrow().getName() + "-" + RUN.incrementAndGet();
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Message kafka(String topic, String key, String json, long offset, Instant at) {
        return new Message(Destination.kafka(topic), key == null ? null : utf8(key), Headers.of(Header.of("eventType", "OrderPlaced")),
                utf8(json), BodyType.BYTES, at, at, new KafkaMetadata(0, offset, "CreateTime", 0));
    }

    static Message jms(String queue, String json, Instant at) {
        return new Message(Destination.jmsQueue(queue), utf8("o-1"), Headers.of(Header.typed("attempt", 2), Header.of("source", "cart")),
                utf8(json), BodyType.TEXT, at, at, new JmsMetadata("ID:rec-1", "o-1", Destination.jmsQueue("payment.replies"),
                "PaymentRequested", 7, true, null, false, null));
    }

    private Path recording(String name, java.util.function.Consumer<CaptureFileWriter> lines) {
        Path file = dir.resolve(name);
        try (CaptureFileWriter writer = CaptureFileWriter.open(file, Map.of(), Redactor.none())) {
            lines.accept(writer);
        }
        return file;
    }

    @Test
    void everyMessageGoesToItsMappedDestinationWithKeyHeadersPayloadAndJmsFields() {
        String topic = "orders-" + id;
        String queue = "payments-" + id;
        String replies = "replies-" + id;
        Path file = recording("flow.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{\"orderId\":\"o-1\",\"total\":42}", 7, T));
            w.write(jms("payments", "{\"orderId\":\"o-1\",\"amount\":42}", T.plusMillis(5)));
        });
        bus.kafka().createTopic(topic, 1);

        ReplayResult result;
        List<Message> seen;
        try (Capture capture = bus.capture("kafka:" + topic, "jms:queue:" + queue)) {
            result = Replay.of(file).mapDestination("kafka:orders", "kafka:" + topic).mapDestination("jms:queue:payments", "jms:queue:" + queue)
                    .mapDestination("jms:queue:payment.replies", "jms:queue:" + replies).into(bus);
            capture.await(Destination.jmsQueue(queue), 1, WAIT);
            seen = capture.await(Destination.kafka(topic), 1, WAIT);
            seen = List.of(seen.get(0), capture.messages(Destination.jmsQueue(queue)).get(0));
        }

        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.sentTo()).containsExactly(Map.entry(Destination.kafka(topic), 1L), Map.entry(Destination.jmsQueue(queue), 1L));
        assertThat(result.describe()).startsWith("replayed 2 messages from capture file " + file + " in ")
                .endsWith("ms: kafka:" + topic + "=1, jms:queue:" + queue + "=1");
        Message order = seen.get(0);
        assertThat(order.keyText()).contains("o-1");
        assertThat(order.headers().lastAsString("eventType")).contains("OrderPlaced");
        assertThat(order.payloadText()).contains("{\"orderId\":\"o-1\",\"total\":42}");
        assertThat(order.kafka().orElseThrow().offset()).isZero();
        Message payment = seen.get(1);
        assertThat(payment.bodyType()).isEqualTo(BodyType.TEXT);
        assertThat(payment.headers().last("attempt").orElseThrow().type()).isEqualTo(PropertyType.INT);
        JmsMetadata j = payment.jms().orElseThrow();
        assertThat(j.correlationId()).isEqualTo("o-1");
        assertThat(j.replyTo()).isEqualTo(Destination.jmsQueue(replies));
        assertThat(j.type()).isEqualTo("PaymentRequested");
        assertThat(j.priority()).isEqualTo(7);
        assertThat(j.messageId()).isNotEqualTo("ID:rec-1");
    }

    @Test
    void onlyTheInjectedLinesGoOutAndTheOthersAreCounted() {
        String topic = "orders-" + id;
        Path file = recording("session.jsonl", w -> {
            w.note(SessionNote.of(T, SessionNote.Kind.NOTE, "start"));
            w.write(kafka(topic, "o-1", "{\"n\":1}", 0, T), Origin.INJECTED, null, Map.of(), Map.of());
            w.write(kafka(topic, "o-1", "{\"n\":2}", 1, T));
            w.write(kafka(topic, "o-2", "{\"n\":3}", 2, T), Origin.INJECTED, null, Map.of(), Map.of());
        });
        bus.kafka().createTopic(topic, 1);

        try (Capture capture = bus.capture("kafka:" + topic)) {
            ReplayResult result = Replay.of(file).only(Replay.INJECTED).mapKeys(k -> "replay-" + k).into(bus);
            List<Message> seen = capture.await(Destination.kafka(topic), 2, WAIT);

            assertThat(result.sent()).isEqualTo(2);
            assertThat(result.skipped()).isEqualTo(1);
            assertThat(result.describe()).endsWith("; 1 left out");
            assertThat(seen).extracting(m -> m.keyText().orElseThrow() + " " + m.payloadText().orElseThrow())
                    .containsExactly("replay-o-1 {\"n\":1}", "replay-o-2 {\"n\":3}");
        }
    }

    @Test
    void atAPaceTheRecordedGapsAreKeptDividedByTheSpeed() {
        String topic = "paced-" + id;
        Path file = recording("paced.jsonl", w -> {
            for (int i = 0; i < 3; i++) {
                w.write(kafka(topic, "k", "{\"n\":" + i + "}", i, T.plusMillis(400L * i)));
            }
        });
        bus.kafka().createTopic(topic, 1);

        ReplayResult paced = Replay.of(file).atSpeed(2.0).into(bus);

        assertThat(paced.sent()).isEqualTo(3);
        assertThat(paced.took()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThatThrownBy(() -> Replay.of(file).atSpeed(0)).hasMessage("replay speed must be a positive factor (1.0 = the recorded pace), was 0.0");
    }

    @Test
    void withOnlyMappedDestinationsAnUnmappedOneStopsTheReplayNamingItTheLineAndWhatWasSent() {
        String topic = "mapped-" + id;
        Path file = recording("strict.jsonl", w -> {
            w.write(kafka("orders", "o-1", "{}", 0, T));
            w.write(kafka("audit", "o-1", "{}", 0, T));
        });
        bus.kafka().createTopic(topic, 1);

        assertThatThrownBy(() -> Replay.of(file).mapDestination("kafka:orders", "kafka:" + topic).onlyMappedDestinations().into(bus))
                .isInstanceOf(ReplayException.class)
                .hasMessage("replay of capture file " + file + " stopped at line 3 after 1 messages sent: no destination mapping for"
                        + " kafka:audit; mapped: kafka:orders -> kafka:" + topic + "; map it with mapDestination(\"kafka:audit\", …)"
                        + " or leave its messages out with only(…)")
                .satisfies(e -> assertThat(((ReplayException) e).sent()).isEqualTo(1));
    }

    @Test
    void aBadLineStopsTheReplayNamingFileAndLineAfterSendingWhatCameBefore() throws IOException {
        String topic = "bad-" + id;
        bus.kafka().createTopic(topic, 1);
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"format":"sitkit-capture","version":2}
                {"destination":"kafka:%s","payload":"e30=","bodyType":"BYTES","capturedAt":"2026-03-02T09:15:00Z","kafka":{"partition":0,"offset":0,"leaderEpoch":-1}}
                {"destination":"kafka:%s","bodyType":"BYTES","kafka":{"partition":0,"offset":1,"leaderEpoch":-1}}
                """.formatted(topic, topic));

        String badLine = Files.readAllLines(file).get(2);

        assertThatThrownBy(() -> Replay.of(file).into(bus))
                .isInstanceOf(ReplayException.class)
                .hasMessage("replay of capture file " + file + " stopped at line 3 after 1 messages sent: missing field 'capturedAt': "
                        + (badLine.length() > 120 ? badLine.substring(0, 120) + "…" : badLine));
        assertThatThrownBy(() -> Replay.of(dir.resolve("none.jsonl")).into(bus))
                .hasMessageStartingWith("cannot replay: cannot open capture file " + dir.resolve("none.jsonl") + ": ");
    }

    @Test
    void anUnreachableTargetStopsTheReplayNamingTheBroker() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = recording("one.jsonl", w -> w.write(kafka("orders", "o-1", "{}", 0, T)));

        try (Environment nowhere = Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", "127.0.0.1:" + port, "sitkit.kafka.timeout", "1s", "sitkit.jms.enabled", "false")));
             Bus target = nowhere.openBus()) {
            assertThatThrownBy(() -> Replay.of(file).into(target))
                    .isInstanceOf(ReplayException.class)
                    .hasMessageStartingWith("replay of capture file " + file + " stopped at line 2 after 0 messages sent: cannot publish to"
                            + " kafka:orders: ")
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void aReplayerRunsOnItsOwnThreadAndCanBeCancelled() {
        String topic = "long-" + id;
        bus.kafka().createTopic(topic, 1);
        Path file = recording("long.jsonl", w -> {
            for (int i = 0; i < 4; i++) {
                w.write(kafka(topic, "k", "{}", i, T.plusSeconds(30L * i)));
            }
        });

        try (Capture capture = bus.capture("kafka:" + topic); Replayer replayer = Replay.of(file).atOriginalPace().start(bus)) {
            capture.await(Destination.kafka(topic), 1, WAIT);
            replayer.cancel();

            assertThatThrownBy(() -> replayer.await(WAIT))
                    .isInstanceOf(ReplayException.class)
                    .hasMessage("replay of capture file " + file + " stopped at line 3 after 1 messages sent: cancelled");
            assertThat(replayer.isDone()).isTrue();
        }
        Path quick = recording("quick.jsonl", w -> {
            w.write(kafka(topic, "k", "{}", 0, T));
            w.write(kafka(topic, "k", "{}", 1, T));
        });
        try (Replayer replayer = Replay.of(quick).start(bus)) {
            assertThat(replayer.awaitSent(1, WAIT)).isGreaterThanOrEqualTo(1);
            assertThat(replayer.await(WAIT).sent()).isEqualTo(2);
            assertThat(replayer.awaitSent(3, WAIT)).as("the replay ended with 2").isEqualTo(2);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("sitkit-replay-") && t.isAlive());
    }
}
