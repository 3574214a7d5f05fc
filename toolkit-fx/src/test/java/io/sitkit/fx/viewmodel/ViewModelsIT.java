package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.DemoTraffic;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.service.DecoderChoice;
import io.sitkit.fx.service.InjectRequest;
import io.sitkit.fx.service.MessageFilter;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.service.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** View-models without a Stage, against the real embedded brokers of the shared sandbox. */
@ExtendWith(SharedSandbox.class)
class ViewModelsIT {
    @TempDir
    Path dir;
    private UiThread ui;
    private InspectorViewModel inspector;

    @BeforeEach
    void start() {
        ui = new UiThread();
        inspector = new InspectorViewModel(ui.background, new ProfileStore(dir.resolve("profiles.json")), dir.resolve("audit.jsonl"),
                Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        ui.run(inspector::close);
        ui.close();
    }

    /** A profile onto the shared sandbox's brokers: an external connection, no new brokers started. */
    private static ConnectionProfile onto(Connection shared, String name) {
        return ConnectionProfile.kafka(name, shared.environment().kafkaBootstrapServers().orElseThrow())
                .withSetting("sitkit.jms.url", shared.environment().jmsBrokerUrl().orElseThrow())
                .withSetting("sitkit.jms.queue-observation", "mirror");
    }

    private ConnectionViewModel connect(ConnectionProfile profile) {
        ui.done(() -> inspector.connect(profile));
        ConnectionViewModel c = ui.get(() -> inspector.connections().get(inspector.connections().size() - 1));
        ui.until(() -> !c.loadingProperty().get() && c.statusProperty().get().contains(" destinations · "));
        return c;
    }

    @Test
    void a_first_start_offers_the_sandbox_and_connecting_lists_destinations_searchable_by_name(Connection shared) {
        shared.bus().publish(OutgoingMessage.text("kafka:vm-tree-orders", "{}"));
        shared.bus().publish(OutgoingMessage.text("jms:queue:vm-tree-payments", "{}"));
        ui.done(inspector::loadProfiles);
        assertThat(ui.get(() -> inspector.profiles().get(0).name())).isEqualTo("Sandbox (demo traffic)");

        ConnectionViewModel c = connect(onto(shared, "shared"));
        ui.run(() -> c.searchProperty().set("vm-tree"));

        assertThat(ui.get(() -> c.destinations().stream().map(e -> e.destination().toString()).toList()))
                .containsExactly("kafka:vm-tree-orders", "jms:queue:vm-tree-payments");
        assertThat(ui.get(() -> inspector.statusProperty().get())).startsWith("Connected to 'shared': Kafka 127.0.0.1:");
        assertThat(ui.get(() -> c.bannerProperty().get())).isEmpty();
    }

    @Test
    void pages_move_forward_and_back_and_the_decoder_can_be_overridden(Connection shared) {
        for (int i = 0; i < 12; i++) {
            shared.bus().publish(OutgoingMessage.text("kafka:vm-pages", "{\"n\":" + i + "}").withKey("k" + i));
        }
        ConnectionViewModel c = connect(onto(shared, "pages"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("vm-pages")));
        ui.run(() -> m.pageSizeProperty().set(5));

        ui.done(m::first);
        assertThat(ui.get(() -> m.rows().stream().map(MessageRow::offset).toList())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(ui.get(() -> m.statusProperty().get())).isEqualTo("5 messages from the beginning · rows 0 @ 0 … 0 @ 4");
        ui.done(m::next);
        ui.done(m::next);
        assertThat(ui.get(() -> m.rows().stream().map(MessageRow::offset).toList())).containsExactly(10L, 11L);
        assertThat(ui.get(() -> m.hasNextProperty().get())).isFalse();
        ui.done(m::previous);
        assertThat(ui.get(() -> m.rows().get(0).offset())).isEqualTo(5L);
        ui.done(m::last);
        assertThat(ui.get(() -> m.rows().stream().map(MessageRow::offset).toList())).containsExactly(7L, 8L, 9L, 10L, 11L);
        ui.done(() -> m.seekOffset(0, 3));
        assertThat(ui.get(() -> m.rows().get(0).offset())).isEqualTo(3L);

        ui.run(() -> m.decoderProperty().set(DecoderChoice.HEX));
        ui.until(() -> m.rows().get(0).decoded().format() == DecodedPayload.Format.HEX);
    }

    @Test
    void a_filter_streams_matches_in_and_reports_how_it_ended(Connection shared) {
        for (int i = 0; i < 60; i++) {
            shared.bus().publish(OutgoingMessage.text("kafka:vm-filter", "{\"n\":" + i + ",\"big\":" + (i >= 50) + "}"));
        }
        ConnectionViewModel c = connect(onto(shared, "filter"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("vm-filter")));

        ui.done(() -> m.applyFilter(MessageFilter.none().withJsonPath("$[?(@.big == true)]")));

        assertThat(ui.get(() -> m.statusProperty().get())).isEqualTo("10 of 60 scanned messages match (end of destination reached)");
        assertThat(ui.get(() -> m.rows().size())).isEqualTo(10);
        assertThat(ui.get(() -> m.filterDescriptionProperty().get())).isEqualTo("JSON path $[?(@.big == true)]");
        assertThat(ui.get(() -> m.scanningProperty().get())).isFalse();
    }

    @Test
    void a_live_tail_appends_in_batches_and_keeps_at_most_the_row_cap(Connection shared) {
        shared.bus().kafka().createTopicIfMissing("vm-tail", 1);
        ConnectionViewModel c = connect(onto(shared, "tail"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("vm-tail")));
        ui.run(() -> m.rowCapProperty().set(50));

        ui.done(m::startTail);
        for (int i = 0; i < 200; i++) {
            shared.bus().publishAsync(OutgoingMessage.text("kafka:vm-tail", "{\"n\":" + i + "}"));
        }
        ui.until(() -> !m.rows().isEmpty() && m.rows().get(m.rows().size() - 1).offset() == 199L);

        assertThat(ui.get(() -> m.rows().size())).isEqualTo(50);
        assertThat(ui.get(() -> m.rows().get(0).offset())).isEqualTo(150L);
        assertThat(ui.get(() -> m.statusProperty().get())).isEqualTo("live tail: 200 received, 50 shown (cap 50)");
        ui.run(m::stopTail);
        assertThat(ui.get(() -> m.tailingProperty().get())).isFalse();
    }

    @Test
    void the_detail_pane_shows_decoded_avro_headers_metadata_and_hex(Connection shared) {
        DemoTraffic.publishOrders(shared.bus(), 1, 3);
        ConnectionViewModel c = connect(onto(shared, "detail").withSetting("sitkit.fx.unused", "x"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("demo.orders")));
        ui.done(m::first);
        MessageRow row = ui.get(() -> m.rows().get(0));
        DetailViewModel detail = new DetailViewModel(ui.background);

        ui.done(() -> {
            detail.show(row);
            return null;
        });
        ui.until(() -> !detail.hexProperty().get().isEmpty());

        // no schema lookup on this profile: the Avro frame falls back to hex with the reason shown
        assertThat(ui.get(() -> detail.formatProperty().get())).startsWith("Hex · ");
        assertThat(ui.get(() -> detail.reasonProperty().get())).startsWith("looks like Confluent-framed Avro (schema id 1)");
        assertThat(ui.get(() -> detail.headers().stream().map(Map.Entry::getKey).toList())).containsExactly("eventType", "traceparent", "source");
        assertThat(ui.get(() -> detail.metadata().get(3))).isEqualTo(Map.entry("partition", "0"));
        assertThat(ui.get(() -> detail.hexProperty().get())).startsWith("00000000  00 00 00 00 01");
    }

    @Test
    void inject_validates_sends_and_a_protected_connection_refuses_until_its_name_is_typed(Connection shared) throws Exception {
        ConnectionViewModel c = connect(onto(shared, "prod-like").protectedAs("prod"));
        InjectViewModel inject = ui.get(() -> c.inject(Destination.kafka("vm-inject")));
        ui.run(() -> {
            inject.payloadProperty().set("{\"orderId\": \"o-{{ sequence() }}\"}");
            inject.templateProperty().set(true);
            inject.copiesProperty().set(2);
            inject.headersProperty().set("eventType=Manual");
        });

        ui.done(inject::validate);
        assertThat(ui.get(() -> inject.messageProperty().get())).isEqualTo("Valid: 2 messages ready for kafka:vm-inject");
        ui.done(inject::send);
        assertThat(ui.get(() -> inject.okProperty().get())).isFalse();
        assertThat(ui.get(() -> inject.messageProperty().get())).startsWith("refused to inject into kafka:vm-inject: environment 'prod' is protected;");
        assertThat(ui.get(() -> c.unlock("production"))).isFalse();
        assertThat(ui.get(() -> c.statusProperty().get()))
                .isEqualTo("not unlocked: 'production' is not the name of this environment; type 'prod' exactly to allow writes to it");

        assertThat(ui.get(() -> c.unlock("prod"))).isTrue();
        ui.done(inject::send);

        assertThat(ui.get(() -> inject.messageProperty().get())).isEqualTo("Sent 2 messages to kafka:vm-inject (audited)");
        assertThat(ui.get(() -> List.copyOf(inject.results()))).containsExactly("kafka:vm-inject[0]@0", "kafka:vm-inject[0]@1");
        assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).hasSize(2);
        ui.run(() -> inject.formatProperty().set(InjectRequest.Format.AVRO));
        ui.done(inject::validate);
        assertThat(ui.get(() -> inject.messageProperty().get())).isEqualTo("an Avro payload needs the schema id to encode it with");
    }

    @Test
    void topics_are_created_and_deleted_and_queues_purged_and_a_locked_connection_says_why_not(Connection shared) throws Exception {
        shared.bus().publish(OutgoingMessage.text("jms:queue:vm-admin-q", "one"));
        shared.bus().publish(OutgoingMessage.text("jms:queue:vm-admin-q", "two"));
        ConnectionViewModel c = connect(onto(shared, "admin").protectedAs("prod"));

        ui.done(() -> c.createTopic("vm-admin", 3));
        assertThat(ui.get(() -> c.refusalProperty().get())).isEqualTo("refused to create topic kafka:vm-admin: environment 'prod' is protected;"
                + " use Unlock… and type its name to allow this");
        assertThat(ui.get(() -> c.statusProperty().get())).isEqualTo(ui.get(() -> c.refusalProperty().get()));

        ui.run(() -> c.unlock("prod"));
        ui.done(() -> c.createTopic("vm-admin", 3));
        assertThat(ui.get(() -> c.statusProperty().get())).isEqualTo("Created topic kafka:vm-admin with 3 partitions");
        assertThat(ui.get(() -> c.refusalProperty().get())).isEmpty();
        ui.until(() -> c.allDestinations().stream().anyMatch(e -> e.destination().equals(Destination.kafka("vm-admin"))
                && e.partitions() == 3));
        ui.done(() -> c.purge(Destination.jmsQueue("vm-admin-q")));
        assertThat(ui.get(() -> c.statusProperty().get())).isEqualTo("Purged 2 messages from jms:queue:vm-admin-q");
        ui.done(() -> c.deleteTopic(Destination.kafka("vm-admin")));
        assertThat(ui.get(() -> c.statusProperty().get())).isEqualTo("Deleted topic kafka:vm-admin");
        ui.until(() -> c.allDestinations().stream().noneMatch(e -> e.destination().equals(Destination.kafka("vm-admin"))));

        assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).extracting(l -> l.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1"))
                .containsExactly("create topic", "purge", "delete topic");
    }

    @Test
    void filtered_rows_are_exported_and_imported_into_another_topic_with_progress(Connection shared) {
        for (int i = 0; i < 30; i++) {
            shared.bus().publish(OutgoingMessage.text("kafka:vm-export", "{\"n\":" + i + ",\"big\":" + (i >= 20) + "}").withKey("k" + i));
        }
        ConnectionViewModel c = connect(onto(shared, "transfer"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("vm-export")));
        ui.done(() -> m.applyFilter(MessageFilter.none().withJsonPath("$[?(@.big == true)]")));
        TransferViewModel t = ui.get(() -> c.transfer(Destination.kafka("vm-export")));
        String file = dir.resolve("big").toString();

        ui.done(() -> t.export(List.copyOf(m.rows())));
        assertThat(ui.get(() -> t.messageProperty().get())).isEqualTo("choose a file first");
        ui.run(() -> {
            t.fileProperty().set(file);
            t.formatProperty().set(io.sitkit.fx.service.MessageExport.Format.JSON);
        });
        ui.done(() -> t.export(List.copyOf(m.rows())));
        assertThat(ui.get(() -> t.messageProperty().get())).isEqualTo("Exported 10 messages to " + file + ".json (JSON array (.json))");

        ui.run(() -> {
            t.fileProperty().set(file + ".json");
            t.intoProperty().set("kafka:vm-imported");
        });
        ui.done(t::importFile);

        assertThat(ui.get(() -> t.messageProperty().get())).isEqualTo("Imported 10 messages from big.json into kafka:vm-imported (audited)");
        assertThat(ui.get(() -> t.progressProperty().get())).isEqualTo(1.0);
        assertThat(ui.get(() -> t.okProperty().get())).isTrue();
        ui.until(() -> c.allDestinations().stream().anyMatch(e -> e.destination().name().equals("vm-imported") && e.messageCount() == 10));
        ui.run(() -> t.fileProperty().set(dir.resolve("missing.jsonl").toString()));
        ui.done(t::importFile);
        assertThat(ui.get(() -> t.messageProperty().get())).startsWith("cannot read " + dir.resolve("missing.jsonl"));
        assertThat(ui.get(() -> t.okProperty().get())).isFalse();
    }

    @Test
    void two_messages_diff_field_by_field(Connection shared) {
        shared.bus().publish(OutgoingMessage.text("kafka:vm-diff", "{\"id\":\"a\",\"total\":10,\"at\":\"x\"}"));
        shared.bus().publish(OutgoingMessage.text("kafka:vm-diff", "{\"id\":\"a\",\"total\":12,\"at\":\"y\"}"));
        ConnectionViewModel c = connect(onto(shared, "diff"));
        MessagesViewModel m = ui.get(() -> c.messages(Destination.kafka("vm-diff")));
        ui.done(m::first);
        DiffViewModel diff = ui.get(() -> new DiffViewModel(ui.background, m.rows().get(0), m.rows().get(1)));

        ui.run(() -> diff.ignoredProperty().set("$.at"));
        ui.done(diff::compare);

        assertThat(ui.get(() -> List.copyOf(diff.lines()))).containsExactly("$.total: expected 10 but was 12");
        assertThat(ui.get(() -> diff.summaryProperty().get())).isEqualTo("1 difference (JSON, volatile fields ignored)");
    }

    @Test
    void a_broker_that_goes_away_shows_a_banner(@TempDir Path data) {
        ConnectionProfile sandbox = ConnectionProfile.sandbox("short-lived", false).withSetting("sitkit.kafka.timeout", "2s")
                .withSetting("sitkit.jms.enabled", "false");
        ConnectionViewModel c = connect(sandbox.withSetting("sitkit.kafka.auto-create-topics", "true"));
        ((io.sitkit.env.EmbeddedEnvironment) c.connection().environment()).kafkaBroker().orElseThrow().close();

        ui.until(() -> !c.bannerProperty().get().isEmpty());

        assertThat(ui.get(() -> c.bannerProperty().get())).startsWith("Connection 'short-lived' lost: ")
                .endsWith(" — retrying every few seconds");
    }
}
