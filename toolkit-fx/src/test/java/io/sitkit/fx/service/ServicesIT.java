package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.ProtectedEnvironmentException;
import io.sitkit.core.PublishResult;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The service layer against the real embedded brokers. */
@ExtendWith(SharedSandbox.class)
class ServicesIT {

    private static void publishNumbered(Connection c, String topic, int n) {
        for (int i = 0; i < n; i++) {
            c.bus().publish(OutgoingMessage.text("kafka:" + topic, "{\"n\":" + i + ",\"even\":" + (i % 2 == 0) + "}")
                    .withKey("k-" + i).withHeader("eventType", i % 10 == 0 ? "Tenth" : "Other"));
        }
    }

    @Test
    void the_catalog_lists_topics_with_offsets_and_group_lag_and_queues_with_depth(Connection c) {
        publishNumbered(c, "svc-catalog", 5);
        c.bus().publish(OutgoingMessage.text("jms:queue:svc-catalog-q", "one"));
        c.bus().publish(OutgoingMessage.text("jms:queue:svc-catalog-q", "two"));
        c.bus().kafka().createTopicIfMissing("svc-catalog-empty", 3);

        List<DestinationEntry> all = DestinationCatalog.list(c);

        DestinationEntry topic = all.stream().filter(e -> e.destination().equals(Destination.kafka("svc-catalog"))).findFirst().orElseThrow();
        assertThat(topic.messageCount()).isEqualTo(5);
        assertThat(topic.endOffsets()).containsEntry(0, 5L);
        assertThat(topic.summary()).isEqualTo("5 messages");
        DestinationEntry empty = all.stream().filter(e -> e.destination().name().equals("svc-catalog-empty")).findFirst().orElseThrow();
        assertThat(empty.summary()).isEqualTo("3 partitions · 0 messages");
        DestinationEntry queue = all.stream().filter(e -> e.destination().equals(Destination.jmsQueue("svc-catalog-q"))).findFirst().orElseThrow();
        assertThat(queue.summary()).isEqualTo("2 messages");
        assertThat(all).noneMatch(e -> e.destination().name().startsWith("VirtualTopic.Mirror."));
        assertThat(all.indexOf(topic)).isLessThan(all.indexOf(queue));
    }

    @Test
    void pages_open_at_the_beginning_an_offset_a_timestamp_and_the_end_and_follow_on(Connection c) {
        publishNumbered(c, "svc-pages", 25);
        MessageBrowser browser = new MessageBrowser(c, PayloadDecoding.using(Optional.empty()));
        Destination d = Destination.kafka("svc-pages");

        MessagePage first = browser.open(d, PagePosition.beginning(), 10, DecoderChoice.AUTO);
        MessagePage second = browser.read(first.next().orElseThrow(), DecoderChoice.AUTO);
        MessagePage at = browser.open(d, PagePosition.offset(0, 20), 10, DecoderChoice.AUTO);
        MessagePage end = browser.open(d, PagePosition.end(), 10, DecoderChoice.AUTO);
        Instant t12 = first.rows().get(0).timestamp();
        MessagePage fromTime = browser.open(d, PagePosition.timestamp(t12), 3, DecoderChoice.AUTO);

        assertThat(first.rows()).extracting(MessageRow::offset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(second.rows()).extracting(MessageRow::offset).startsWith(10L).endsWith(19L);
        assertThat(at.rows()).extracting(MessageRow::offset).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(at.next()).isEmpty();
        assertThat(end.rows()).extracting(MessageRow::offset).startsWith(15L).endsWith(24L);
        assertThat(fromTime.rows()).hasSize(3);
        assertThat(first.rows().get(3).decoded().format()).isEqualTo(DecodedPayload.Format.JSON);
        assertThat(first.rows().get(3).key()).isEqualTo("k-3");
    }

    @Test
    void a_jms_queue_pages_by_index_and_its_end_is_the_last_page(Connection c) {
        for (int i = 0; i < 7; i++) {
            c.bus().publish(OutgoingMessage.text("jms:queue:svc-pages-q", "m" + i));
        }
        MessageBrowser browser = new MessageBrowser(c, PayloadDecoding.using(Optional.empty()));

        MessagePage end = browser.open(Destination.jmsQueue("svc-pages-q"), PagePosition.end(), 3, DecoderChoice.AUTO);

        assertThat(end.rows()).extracting(r -> r.decoded().text()).containsExactly("m4", "m5", "m6");
        assertThat(end.rows()).extracting(MessageRow::position).containsExactly("#4", "#5", "#6");
        assertThatThrownBy(() -> browser.open(Destination.jmsTopic("t"), PagePosition.beginning(), 3, DecoderChoice.AUTO))
                .hasMessage("jms:topic:t is a JMS topic: it keeps no messages to browse; use Live tail to watch it");
    }

    @Test
    void a_filter_scan_is_bounded_streams_matches_and_can_be_cancelled(Connection c) {
        publishNumbered(c, "svc-scan", 120);
        MessageBrowser browser = new MessageBrowser(c, PayloadDecoding.using(Optional.empty()));
        var start = browser.request(Destination.kafka("svc-scan"), PagePosition.beginning(), 50);
        List<MessageRow> hits = new CopyOnWriteArrayList<>();
        List<FilterScan.Progress> progress = new ArrayList<>();

        FilterScan.Result all = new FilterScan(browser, 50, 10_000, 1_000).run(start, MessageFilter.none().withHeader("eventType=Tenth"),
                DecoderChoice.AUTO, hits::addAll, progress::add, () -> false);
        FilterScan.Result bounded = new FilterScan(browser, 50, 60, 1_000).run(start, MessageFilter.none().withJsonPath("$[?(@.even == true)]"),
                DecoderChoice.AUTO, r -> { }, p -> { }, () -> false);
        FilterScan.Result cancelled = new FilterScan(browser, 50, 10_000, 1_000).run(start, MessageFilter.none(),
                DecoderChoice.AUTO, r -> { }, p -> { }, () -> true);

        assertThat(hits).extracting(MessageRow::offset).containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 110L);
        assertThat(progress).extracting(FilterScan.Progress::scanned).containsExactly(50L, 100L, 120L);
        assertThat(all.describe()).isEqualTo("12 of 120 scanned messages match (end of destination reached)");
        assertThat(bounded.describe()).isEqualTo("30 of 60 scanned messages match — stopped at the scan limit; narrow the start position or the time range");
        assertThat(cancelled.describe()).isEqualTo("0 of 0 scanned messages match — cancelled");
    }

    @Test
    void a_live_tail_sees_what_is_published_after_it_starts(Connection c) {
        c.bus().kafka().createTopicIfMissing("svc-tail", 1);
        List<Message> seen = new CopyOnWriteArrayList<>();
        try (LiveTail tail = LiveTail.start(c, Destination.kafka("svc-tail"), seen::add)) {
            publishNumbered(c, "svc-tail", 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);
            assertThat(tail.problems()).isEmpty();
        }
        assertThat(seen).extracting(m -> m.keyText().orElseThrow()).containsExactly("k-0", "k-1", "k-2");
    }

    @Test
    void inject_renders_templates_per_copy_and_encodes_avro_by_schema_id(@TempDir Path dir) {
        try (Connection demo = Connection.open(ConnectionProfile.sandbox("demo", true), dir.resolve("audit.jsonl"))) {
            Injector injector = new Injector(demo);
            List<PublishResult> sent = injector.send(InjectRequest.json(Destination.kafka("svc-inject"),
                            "{\"orderId\":\"o-{{ sequence() }}\",\"total\":{{ random(1, 9) }}}")
                    .withKey("o-{{ sequence('k') }}").withHeaders(InjectRequest.parseHeaders("eventType=Manual\nsource=inspector"))
                    .asTemplate().withCopies(3));
            PublishResult avro = injector.send(InjectRequest.avro(Destination.kafka("svc-inject-avro"), DemoTraffic.ORDER_SCHEMA_ID,
                    PayloadDecodingTest.ORDER)).get(0);

            assertThat(sent).extracting(PublishResult::offset).containsExactly(0L, 1L, 2L);
            MessageBrowser browser = new MessageBrowser(demo, PayloadDecoding.using(demo.schemas()));
            MessagePage page = browser.open(Destination.kafka("svc-inject"), PagePosition.beginning(), 10, DecoderChoice.AUTO);
            assertThat(page.rows()).extracting(MessageRow::key).containsExactly("o-1", "o-2", "o-3");
            assertThat(page.rows()).extracting(r -> r.decoded().tree().get("orderId").asText()).containsExactly("o-1", "o-2", "o-3");
            assertThat(page.rows().get(0).headers()).isEqualTo("eventType=Manual, source=inspector");
            MessageRow order = browser.open(Destination.kafka("svc-inject-avro"), PagePosition.beginning(), 1, DecoderChoice.AUTO).rows().get(0);
            assertThat(avro.offset()).isZero();
            assertThat(order.decoded().label()).startsWith("Avro · io.sitkit.demo.OrderPlaced · schema id 1");
        }
    }

    @Test
    void inject_validates_every_copy_before_the_first_is_sent(Connection c) {
        Injector injector = new Injector(c);

        assertThatThrownBy(() -> injector.send(InjectRequest.json(Destination.kafka("svc-invalid"), "{\"a\": }")))
                .hasMessage("the payload is not valid JSON: Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 7)");
        assertThatThrownBy(() -> injector.send(InjectRequest.json(Destination.kafka("svc-invalid"), "{\"a\": \"{{ uid() }}\"}").asTemplate()))
                .hasMessage("payload:1:8: unknown function 'uid' in {{ uid() }}; known: [header, now, random, sequence, uuid]");
        assertThatThrownBy(() -> injector.send(InjectRequest.avro(Destination.kafka("svc-invalid"), 1, "{\"orderId\": 7}")))
                .hasMessageStartingWith("does not fit Avro schema io.sitkit.demo.OrderPlaced (id 1): ");
        assertThatThrownBy(() -> injector.send(InjectRequest.avro(Destination.kafka("svc-invalid"), 99, "{}")))
                .hasMessage("unknown schema id 99");
        assertThatThrownBy(() -> InjectRequest.parseHeaders("a=1\nnot a header"))
                .hasMessage("header line 2 'not a header' is not name=value");
        assertThat(DestinationCatalog.list(c)).noneMatch(e -> e.destination().name().equals("svc-invalid"));
    }

    @Test
    void a_protected_profile_refuses_inject_until_unlocked_and_audits_what_it_sends(Connection shared, @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        ConnectionProfile prod = ConnectionProfile.kafka("prod-like", shared.environment().kafkaBootstrapServers().orElseThrow())
                .protectedAs("prod");
        try (Connection c = Connection.open(prod, audit)) {
            Injector injector = new Injector(c);
            InjectRequest r = InjectRequest.text(Destination.kafka("svc-protected"), "hello").withKey("k1");

            assertThatThrownBy(() -> injector.send(r)).isInstanceOf(ProtectedEnvironmentException.class)
                    .hasMessage("refused to inject into kafka:svc-protected: environment 'prod' is protected; unlock it on purpose"
                            + " with protection().unlock(\"prod\"), or run against an unprotected environment");
            assertThat(audit).doesNotExist();

            c.protection().unlock("prod");
            injector.send(r);

            assertThat(Files.readAllLines(audit)).singleElement().asString()
                    .contains("\"environment\":\"prod\",\"action\":\"publish\",\"destination\":\"kafka:svc-protected\",\"key\":\"k1\",\"payloadBytes\":5");
        }
    }
}
