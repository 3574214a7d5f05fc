package io.sitkit.stub;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Payloads;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.fault.Emission;
import io.sitkit.fault.Fault;
import io.sitkit.fault.FaultPlan;
import io.sitkit.fault.FaultRun;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sitkit.expect.Count.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every fault kind, applied by an interceptor between two real topics or queues (or by a stub to its
 * replies), as a real consumer downstream sees it.
 */
@ExtendWith(SharedEmbedded.class)
class StubFaultsIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final AtomicInteger TOPICS = new AtomicInteger();
    Bus bus;

    @BeforeEach
    void open(EmbeddedEnvironment env) {
        bus = env.openBus();
    }

    @AfterEach
    void close() {
        bus.close();
    }

    /** Relays {@code count} JSON messages from a fresh topic to another through {@code plan}; returns what the consumer saw. */
    List<Message> relay(FaultPlan plan, int count, int expected) {
        int n = TOPICS.incrementAndGet();
        String in = "faults.in." + n;
        String out = "faults.out." + n;
        bus.kafka().createTopics(List.of(in, out), 1);
        try (Capture seen = bus.capture("kafka:" + out);
             Interceptor relay = Interceptor.between("kafka:" + in, "kafka:" + out).faults(plan, 42).start(bus)) {
            for (int i = 1; i <= count; i++) {
                bus.publish(OutgoingMessage.text("kafka:" + in, "{\"n\":" + i + "}").withKey("k" + i));
            }
            List<Message> got = seen.await(Destination.kafka(out), expected, WAIT);
            // What the consumer saw can be complete before the relay took the last request (a dropped one).
            await().atMost(WAIT).untilAsserted(() -> assertThat(relay.received()).isEqualTo(count));
            return got;
        }
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(m -> m.payloadText().orElse(Payloads.preview(m.payload(), 40))).toList();
    }

    @Test
    void drop_duplicate_and_reorder_are_seen_by_the_consumer_and_repeat_for_the_seed() {
        assertThat(bodies(relay(FaultPlan.of(Fault.drop().everyNth(2)), 6, 3)))
                .containsExactly("{\"n\":1}", "{\"n\":3}", "{\"n\":5}");
        assertThat(bodies(relay(FaultPlan.of(Fault.duplicate().everyNth(2)), 4, 6)))
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":4}");

        FaultPlan reorder = FaultPlan.of(Fault.reorder(3));
        List<String> seen = bodies(relay(reorder, 6, 6));
        FaultRun same = reorder.start(42);
        List<String> predicted = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            for (Emission e : same.next(OutgoingMessage.text("kafka:x", "{\"n\":" + i + "}"))) {
                predicted.add(new String(e.message().payload(), StandardCharsets.UTF_8));
            }
        }
        assertThat(seen).containsExactlyElementsOf(predicted)
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}")
                .isNotEqualTo(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}"));
    }

    @Test
    void corrupt_payloads_reach_the_consumer_truncated_flipped_invalid_or_poisoned() {
        List<Message> got = relay(FaultPlan.of(Fault.corruptTruncate(4).everyNth(4), Fault.corruptInvalidJson().everyNth(4),
                Fault.poison().everyNth(4), Fault.corruptFlipBytes(2).everyNth(4)), 4, 4);
        // every fault applies to the 4th message only, in plan order; the first three pass untouched
        assertThat(bodies(got.subList(0, 3))).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        byte[] poisoned = got.get(3).payload();
        assertThat(poisoned).hasSize(5);
        assertThat(Payloads.utf8(poisoned)).isEmpty();
        assertThatThrownBy(() -> got.get(3).payloadJson()).isInstanceOf(RuntimeException.class);

        assertThat(bodies(relay(FaultPlan.of(Fault.corruptTruncate(4)), 1, 1))).containsExactly("{\"n\"");
        List<String> invalid = bodies(relay(FaultPlan.of(Fault.corruptInvalidJson()), 1, 1));
        assertThat(invalid).containsExactly("{\"n\":1,");
        byte[] flipped = relay(FaultPlan.of(Fault.corruptFlipBytes(1)), 1, 1).get(0).payload();
        byte[] original = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            if (flipped[i] != original[i]) {
                differing++;
                assertThat(flipped[i]).isEqualTo((byte) ~original[i]);
            }
        }
        assertThat(differing).isEqualTo(1);
    }

    @Test
    void a_kafka_message_relayed_to_jms_arrives_with_its_repeated_headers_joined() {
        String in = "faults.headers.in";
        bus.kafka().createTopics(List.of(in), 1);
        try (Capture seen = bus.capture("jms:queue:faults.headers.out");
             Interceptor relay = Interceptor.between("kafka:" + in, "jms:queue:faults.headers.out").start(bus)) {
            bus.publish(OutgoingMessage.text("kafka:" + in, "{}").withHeader("tracestate", "a=1").withHeader("tracestate", "b=2"));
            Message got = seen.await(Destination.jmsQueue("faults.headers.out"), 1, WAIT).get(0);
            assertThat(got.headers().all("tracestate")).hasSize(1);
            assertThat(got.headers().lastAsString("tracestate")).contains("a=1,b=2");
            assertThat(relay.forwarded()).isEqualTo(1);
        }
        bus.jms().purge(Destination.jmsQueue("faults.headers.out"));
    }

    @Test
    void a_wrong_schema_version_keeps_the_bytes_and_claims_another_schema_id() {
        String in = "faults.schema.in";
        String out = "faults.schema.out";
        bus.kafka().createTopics(List.of(in, out), 1);
        byte[] avro = {2, 'o', '1'};
        try (Capture seen = bus.capture("kafka:" + out);
             Interceptor relay = Interceptor.between("kafka:" + in, "kafka:" + out)
                     .faults(FaultPlan.of(Fault.wrongSchemaVersion(99)), 1).start(bus)) {
            bus.publish(OutgoingMessage.bytes("kafka:" + in, ConfluentWireFormat.frame(7, avro)));
            byte[] got = seen.await(Destination.kafka(out), 1, WAIT).get(0).payload();
            assertThat(ConfluentWireFormat.parse(got, "test").schemaId()).isEqualTo(99);
            assertThat(got).endsWith(avro);
            assertThat(relay.forwarded()).isEqualTo(1);
        }
    }

    @Test
    void delays_hold_messages_and_a_spike_overtakes_nothing_but_its_own() {
        List<Message> got = relay(FaultPlan.of(Fault.spike(Duration.ofMillis(400)).everyNth(2)), 3, 3);
        // the 2nd message is held 400 ms, so the 3rd overtakes it
        assertThat(bodies(got)).containsExactly("{\"n\":1}", "{\"n\":3}", "{\"n\":2}");
        assertThat(Duration.between(got.get(0).capturedAt(), got.get(2).capturedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(350));

        bus.kafka().createTopics(List.of("faults.delay.in", "faults.delay.out"), 1);
        try (Capture seen = bus.capture("kafka:faults.delay.out");
             Interceptor relay = Interceptor.between("kafka:faults.delay.in", "kafka:faults.delay.out")
                     .faults(FaultPlan.of(Fault.randomDelay(Duration.ofMillis(200), Duration.ofMillis(300))), 3).start(bus)) {
            bus.publish(OutgoingMessage.text("kafka:faults.delay.in", "{}"));
            java.time.Instant sent = java.time.Instant.now();
            Message m = seen.await(Destination.kafka("faults.delay.out"), 1, WAIT).get(0);
            assertThat(Duration.between(sent, m.capturedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(relay.forwarded()).isEqualTo(1);
        }
    }

    @Test
    void a_slow_consumer_takes_queue_messages_one_pause_apart_and_loses_none_on_close() {
        Destination in = Destination.jmsQueue("faults.slow.in");
        try (Capture seen = bus.capture("jms:queue:faults.slow.out")) {
            Interceptor relay = Interceptor.between("jms:queue:faults.slow.in", "jms:queue:faults.slow.out")
                    .faults(FaultPlan.of(Fault.slowConsumer(Duration.ofMillis(150))), 1).start(bus);
            for (int i = 1; i <= 4; i++) {
                bus.publish(OutgoingMessage.text(in, "{\"n\":" + i + "}"));
            }
            List<Message> got = seen.await(Destination.jmsQueue("faults.slow.out"), 4, WAIT);
            for (int i = 1; i < got.size(); i++) {
                assertThat(Duration.between(got.get(i - 1).capturedAt(), got.get(i).capturedAt()))
                        .as("gap before message %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(120));
            }
            relay.close();
            assertThat(relay.received()).isEqualTo(4);
            assertThat(bus.jms().depth(in)).isZero();
        }
    }

    @Test
    void a_stub_applies_its_faults_to_its_replies() {
        try (Capture replies = bus.capture("jms:queue:faults.stub.replies");
             Stub stub = StubSpec.on("jms:queue:faults.stub").replyTo("jms:queue:faults.stub.replies")
                     .rule(Rule.always().reply(Reply.json("{\"n\": {{ $.n }}}")))
                     .faults(FaultPlan.of(Fault.drop().everyNth(3), Fault.duplicate().everyNth(2)), 5).start(bus)) {
            for (int i = 1; i <= 3; i++) {
                bus.publish(OutgoingMessage.text("jms:queue:faults.stub", "{\"n\":" + i + "}"));
            }
            stub.received(exactly(3));
            // 1 once; 2 twice (duplicated); 3 dropped
            assertThat(bodies(replies.await(Destination.jmsQueue("faults.stub.replies"), 3, WAIT)))
                    .containsExactly("{\"n\": 1}", "{\"n\": 2}", "{\"n\": 2}");
            assertThat(stub.exchanges()).extracting(e -> e.replies().size()).containsExactly(1, 2, 0);
        }
    }
}
