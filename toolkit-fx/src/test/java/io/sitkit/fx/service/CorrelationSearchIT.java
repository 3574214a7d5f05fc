package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.CorrelationResult.Coverage;
import io.sitkit.fx.service.CorrelationResult.Hit;
import io.sitkit.fx.service.CorrelationResult.Searched;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The correlation search against the real embedded brokers of the shared sandbox. */
@ExtendWith(SharedSandbox.class)
class CorrelationSearchIT {
    private static final CorrelationSearch.Bounds BOUNDS = CorrelationSearch.Bounds.defaults();

    /** The destinations named, as the catalog lists them (so other tests' destinations are not searched). */
    private static List<DestinationEntry> entries(Connection c, String... addresses) {
        List<String> wanted = List.of(addresses);
        await().atMost(Duration.ofSeconds(20)).until(() -> DestinationCatalog.list(c).stream()
                .filter(e -> wanted.contains(e.destination().toString())).count() == wanted.size());
        return DestinationCatalog.list(c).stream().filter(e -> wanted.contains(e.destination().toString())).toList();
    }

    /** Waits for the wall clock to pass the millisecond it is in, so the next message's timestamp is later. */
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > now);
    }

    private static byte[] avroOrder(String orderId) {
        String json = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-001\",\"currency\":\"EUR\",\"total\":12.50,"
                + "\"lines\":[{\"sku\":\"MUG-RED\",\"quantity\":1,\"unitPrice\":12.50}],\"coupon\":null,\"placedAt\":\"2026-03-01T10:00:00Z\"}";
        return ConfluentWireFormat.frame(DemoTraffic.ORDER_SCHEMA_ID, AvroCodec.of(DemoTraffic.orderSchema()).encodeJson(json));
    }

    @Test
    void a_key_is_followed_across_a_kafka_topic_a_jms_queue_and_another_kafka_topic_each_read_by_its_own_rule(Connection shared) {
        var bus = shared.bus();
        bus.publish(OutgoingMessage.bytes("kafka:cs-orders", avroOrder("o-2")).withKey("k-2"));
        bus.publish(OutgoingMessage.bytes("kafka:cs-orders", avroOrder("o-1")).withKey("k-1"));
        nextMillisecond();
        bus.publish(OutgoingMessage.text("jms:queue:cs-payments", "{\"orderId\":\"o-2\"}").withCorrelationId("o-2"));
        bus.publish(OutgoingMessage.text("jms:queue:cs-payments", "{\"orderId\":\"o-1\"}").withCorrelationId("o-1"));
        nextMillisecond();
        bus.publish(OutgoingMessage.text("kafka:cs-shipments", "{\"shipped\":true}").withKey("o-2"));
        bus.publish(OutgoingMessage.text("kafka:cs-shipments", "{\"shipped\":true}").withKey("o-1"));
        CorrelationRules rules = CorrelationRules.byDefault(KeySource.kafkaKey())
                .on("kafka:cs-orders", KeySource.jsonPath("$.orderId"))          // inside the Avro payload, read through its JSON view
                .on("jms:queue:cs-payments", KeySource.jmsCorrelationId());
        var source = new CorrelationSearch.Source("shared", shared, rules,
                entries(shared, "kafka:cs-orders", "kafka:cs-shipments", "jms:queue:cs-payments"), Map.of());
        List<CorrelationSearch.Progress> progress = new CopyOnWriteArrayList<>();

        CorrelationResult r = new CorrelationSearch(BOUNDS).run("o-1", List.of(source), List.of(), progress::add, () -> false);

        assertThat(r.hits()).extracting(h -> h.destination().toString())
                .containsExactly("kafka:cs-orders", "jms:queue:cs-payments", "kafka:cs-shipments");
        assertThat(r.hits().get(0).row().decoded().label()).startsWith("Avro · io.sitkit.demo.OrderPlaced · schema id 1");
        assertThat(r.hits()).extracting(Hit::connection).containsOnly("shared");
        assertThat(r.flow().key()).isEqualTo("o-1");
        assertThat(r.flow().hops()).hasSize(2).allSatisfy(h -> assertThat(h.latency()).isPositive());
        assertThat(r.searched()).extracting(Searched::describe).containsExactly(
                "kafka:cs-orders: all 2 messages, 1 found", "kafka:cs-shipments: all 2 messages, 1 found", "jms:queue:cs-payments: all 2 messages, 1 found");
        assertThat(r.stop()).isEqualTo(CorrelationResult.Stop.COMPLETE);
        assertThat(r.describe()).matches("3 messages carry o-1 on 3 destinations · 6 messages searched on 3 destinations in \\d+\\.\\d s");
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new CorrelationSearch.Progress(3, 3, 6, 3));
        assertThat(CorrelationSearch.keyOf(r.hits().get(0).row(), rules)).contains("o-1");
    }

    @Test
    void the_bound_reads_a_topics_most_recent_messages_and_a_queues_first_and_says_it_stopped_there(Connection shared) {
        for (int i = 0; i < 30; i++) {
            shared.bus().publish(OutgoingMessage.text("kafka:cs-bound", "{}").withKey("k" + i));
            shared.bus().publish(OutgoingMessage.text("jms:queue:cs-bound", "{\"n\":" + i + "}").withCorrelationId("k" + i));
        }
        var source = new CorrelationSearch.Source("shared", shared, CorrelationRules.byDefault(KeySource.kafkaKey())
                .on("jms:queue:cs-bound", KeySource.jmsCorrelationId()), entries(shared, "kafka:cs-bound", "jms:queue:cs-bound"), Map.of());
        CorrelationSearch search = new CorrelationSearch(BOUNDS.withPerDestination(10), 4);

        CorrelationResult old = search.run("k5", List.of(source), List.of(), p -> { }, () -> false);
        CorrelationResult recent = search.run("k25", List.of(source), List.of(), p -> { }, () -> false);

        assertThat(old.hits()).extracting(h -> h.destination().toString()).containsExactly("jms:queue:cs-bound");
        assertThat(recent.hits()).extracting(h -> h.destination().toString()).containsExactly("kafka:cs-bound");
        assertThat(recent.searched()).extracting(Searched::coverage).containsExactly(Coverage.BOUNDED, Coverage.BOUNDED);
        assertThat(recent.searched()).extracting(Searched::describe).containsExactly(
                "kafka:cs-bound: 10 messages, stopped at the bound, 1 found", "jms:queue:cs-bound: 10 messages, stopped at the bound");
        assertThat(recent.describe()).matches("1 message carries k25 on 1 destination · 20 messages searched on 2 destinations in \\d+\\.\\d s"
                + " · 2 destinations searched only up to the bound");
    }

    @Test
    void cancelling_stops_the_search_at_the_next_page_and_keeps_what_it_found(Connection shared) {
        for (int i = 0; i < 12; i++) {
            shared.bus().publish(OutgoingMessage.text("kafka:cs-cancel-a", "{}").withKey(i == 2 ? "wanted" : "other"));
            shared.bus().publish(OutgoingMessage.text("kafka:cs-cancel-b", "{}").withKey("wanted"));
        }
        var source = new CorrelationSearch.Source("shared", shared, CorrelationRules.byDefault(KeySource.kafkaKey()),
                entries(shared, "kafka:cs-cancel-a", "kafka:cs-cancel-b"), Map.of());
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CorrelationSearch.Progress> progress = new CopyOnWriteArrayList<>();

        CorrelationResult r = new CorrelationSearch(BOUNDS, 4).run("wanted", List.of(source), List.of(), p -> {
            progress.add(p);
            cancelled.set(true);                                   // cancel as soon as the first page is in
        }, cancelled::get);

        assertThat(progress).containsExactly(new CorrelationSearch.Progress(0, 2, 4, 1));
        assertThat(r.stop()).isEqualTo(CorrelationResult.Stop.CANCELLED);
        assertThat(r.scanned()).isEqualTo(4);
        assertThat(r.hits()).hasSize(1);
        assertThat(r.searched()).extracting(Searched::describe).containsExactly("kafka:cs-cancel-a: 4 messages, cut short, 1 found",
                "kafka:cs-cancel-b: not searched");
        assertThat(r.describe()).matches("1 message carries wanted on 1 destination · 4 messages searched on 1 destination in \\d+\\.\\d s"
                + " · cancelled: 2 destinations not searched to the end");
    }

    @Test
    void a_search_out_of_time_reads_no_further_page(Connection shared) {
        shared.bus().publish(OutgoingMessage.text("kafka:cs-late", "{}").withKey("late"));
        var source = new CorrelationSearch.Source("shared", shared, CorrelationRules.byDefault(KeySource.kafkaKey()),
                entries(shared, "kafka:cs-late"), Map.of());

        CorrelationResult r = new CorrelationSearch(BOUNDS.withTimeLimit(Duration.ZERO)).run("late", List.of(source), List.of(), p -> { },
                () -> false);

        assertThat(r.stop()).isEqualTo(CorrelationResult.Stop.TIME_LIMIT);
        assertThat(r.scanned()).isZero();
        assertThat(r.describe()).matches("No message carries late · 0 messages searched on 0 destinations in \\d+\\.\\d s"
                + " · stopped at the time limit: 1 destination not searched to the end");
    }

    @Test
    void a_jms_topic_is_searched_in_what_its_live_tail_holds_and_one_without_a_tail_is_named(Connection shared) {
        List<Message> tailed = new CopyOnWriteArrayList<>();
        Destination events = Destination.jmsTopic("cs-events");
        PayloadDecoding decoding = PayloadDecoding.using(Optional.empty());
        List<MessageRow> rows = new ArrayList<>();
        try (LiveTail tail = LiveTail.start(shared, events, tailed::add)) {
            shared.bus().publish(OutgoingMessage.text(events, "{\"orderId\":\"o-7\"}").withHeader("orderId", "o-7"));
            shared.bus().publish(OutgoingMessage.text(events, "{\"orderId\":\"o-8\"}").withHeader("orderId", "o-8"));
            await().atMost(Duration.ofSeconds(20)).until(() -> tailed.size() == 2);
        }
        tailed.forEach(m -> rows.add(MessageRow.of(m, 0, decoding, DecoderChoice.AUTO)));
        var quiet = new DestinationEntry(Destination.jmsTopic("cs-quiet"), 0, -1, Map.of(), List.of());
        var source = new CorrelationSearch.Source("shared", shared, CorrelationRules.byDefault(KeySource.header("orderId")),
                List.of(quiet), Map.of(events, rows));

        CorrelationResult r = new CorrelationSearch(BOUNDS).run("o-7", List.of(source), List.of(), p -> { }, () -> false);

        assertThat(r.hits()).extracting(h -> h.row().preview()).containsExactly("{\"orderId\":\"o-7\"}");
        assertThat(r.searched()).extracting(Searched::describe).containsExactly(
                "jms:topic:cs-quiet: a JMS topic keeps nothing and it is not tailed: start a live tail to include it",
                "jms:topic:cs-events: 2 messages its live tail holds, 1 found");
        assertThat(r.describe()).endsWith(" · 1 JMS topic not tailed");
    }
}
