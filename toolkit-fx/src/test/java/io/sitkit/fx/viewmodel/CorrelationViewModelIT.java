package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.KeySource;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.CorrelationResult;
import io.sitkit.fx.service.CorrelationSettings;
import io.sitkit.fx.service.FlowChart;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.service.ProfileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The correlation view-model without a Stage, against the real embedded brokers of the shared sandbox. */
@ExtendWith(SharedSandbox.class)
class CorrelationViewModelIT {
    private static final Destination ORDERS = Destination.kafka("cvm-orders");
    private static final Destination REQUESTS = Destination.jmsQueue("cvm-payment-requests");
    private static final Destination PAYMENTS = Destination.kafka("cvm-payments");
    private static final Destination SHIPMENTS = Destination.kafka("cvm-shipments");
    @TempDir
    Path dir;
    private InspectorHarness harness;
    private UiThread ui;
    private CorrelationViewModel corr;

    @BeforeEach
    void start() {
        harness = new InspectorHarness(dir);
        ui = harness.ui;
        corr = ui.get(() -> new CorrelationViewModel(harness.inspector));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > now);
    }

    private static void order(Connection shared, String id) {
        shared.bus().publish(OutgoingMessage.text(ORDERS, "{\"orderId\":\"" + id + "\"}").withKey(id));
        nextMillisecond();
        shared.bus().publish(OutgoingMessage.text(REQUESTS, "{\"orderId\":\"" + id + "\"}").withCorrelationId(id));
        nextMillisecond();
        shared.bus().publish(OutgoingMessage.text(PAYMENTS, "{\"status\":\"AUTHORIZED\"}").withKey(id));
    }

    private static List<String> steps(FlowChart chart) {
        return chart.steps().stream().map(s -> s instanceof FlowChart.HopStep h
                ? chart.lanes().get(h.lane()).label() + (h.latency() == null ? "" : " +latency")
                : ((FlowChart.GapStep) s).label()).toList();
    }

    @Test
    void following_a_row_draws_its_flow_and_saved_rules_add_the_queue_hop_and_a_gap_where_the_route_has_no_message(Connection shared) {
        order(shared, "vo-1");
        order(shared, "vo-2");
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "corr"));
        MessagesViewModel orders = ui.get(() -> c.messages(ORDERS));
        ui.done(orders::first);
        MessageRow first = ui.get(() -> orders.rows().stream().filter(r -> r.key().equals("vo-1")).findFirst().orElseThrow());

        ui.done(() -> corr.followMessage(c, first));

        assertThat(ui.get(() -> corr.keyProperty().get())).isEqualTo("vo-1");
        assertThat(ui.get(() -> steps(corr.chartProperty().get()))).containsExactly("kafka:cvm-orders", "kafka:cvm-payments +latency");
        assertThat(ui.get(() -> corr.routeNoteProperty().get())).isEqualTo("No expected route set: no gaps are drawn (Rules… sets one)");
        assertThat(ui.get(() -> corr.searchedNoteProperty().get()).lines())
                .anyMatch(l -> l.matches("kafka:cvm-orders: all \\d messages, 1 found"))
                .anyMatch(l -> l.matches("jms:queue:cvm-payment-requests: all \\d messages"));  // its rule (key) finds nothing there
        assertThat(ui.get(() -> corr.statusProperty().get())).matches("2 messages carry vo-1 on 2 destinations · [\\d,]+ messages searched on \\d+ destinations in .*");

        CorrelationSettings rules = CorrelationSettings.none().withRule(REQUESTS, KeySource.jmsCorrelationId())
                .withRoute(List.of(ORDERS, REQUESTS, SHIPMENTS, PAYMENTS));
        ui.done(() -> corr.saveSettings(c, rules));
        ui.until(() -> !corr.searchingProperty().get() && corr.chartProperty().get().steps().size() == 4);

        FlowChart chart = ui.get(() -> corr.chartProperty().get());
        assertThat(chart.lanes()).extracting(FlowChart.Lane::label)
                .containsExactly("kafka:cvm-orders", "jms:queue:cvm-payment-requests", "kafka:cvm-shipments", "kafka:cvm-payments");
        assertThat(steps(chart)).containsExactly("kafka:cvm-orders", "jms:queue:cvm-payment-requests +latency", "missing: kafka:cvm-shipments",
                "kafka:cvm-payments +latency");
        assertThat(chart.hops().subList(1, chart.hops().size())).allSatisfy(h -> assertThat(h.latency()).isPositive());
        assertThat(ui.get(() -> corr.routeNoteProperty().get())).isEqualTo("Expected route: kafka:cvm-orders → jms:queue:cvm-payment-requests"
                + " → kafka:cvm-shipments → kafka:cvm-payments · 1 missing");
        Optional<CorrelationSettings> saved = new ProfileStore(dir.resolve("profiles.json")).load(Optional.empty()).stream()
                .filter(p -> p.name().equals("corr")).findFirst().map(CorrelationSettings::of);
        assertThat(saved.orElseThrow().route()).containsExactly(ORDERS, REQUESTS, SHIPMENTS, PAYMENTS);
        assertThat(saved.get().sourceFor(REQUESTS).describe()).isEqualTo("JMSCorrelationID");

        CorrelationResult.Hit queueHop = chart.hops().get(1).hit();
        ui.run(() -> corr.select(queueHop));
        ui.until(() -> corr.detail().titleProperty().get().startsWith("jms:queue:cvm-payment-requests · message #"));
        assertThat(ui.get(() -> corr.detail().textProperty().get())).contains("\"orderId\" : \"vo-1\"");
    }

    @Test
    void a_typed_key_is_searched_on_every_open_connection_and_a_row_without_a_key_says_which_rule_missed(Connection shared) {
        order(shared, "vo-typed");
        ConnectionViewModel a = harness.connect(InspectorHarness.onto(shared, "first"));
        ConnectionViewModel b = harness.connect(InspectorHarness.onto(shared, "second"));

        ui.done(() -> corr.follow(b, "vo-typed"));

        FlowChart chart = ui.get(() -> corr.chartProperty().get());
        assertThat(chart.lanes()).extracting(FlowChart.Lane::label).containsExactly("kafka:cvm-orders · first", "kafka:cvm-orders · second",
                "kafka:cvm-payments · first", "kafka:cvm-payments · second");
        assertThat(ui.get(() -> corr.focusProperty().get())).isSameAs(b);

        MessagesViewModel requests = ui.get(() -> a.messages(REQUESTS));
        ui.done(requests::first);
        MessageRow request = ui.get(() -> requests.rows().get(0));
        assertThat(ui.get(() -> corr.followMessage(a, request))).isNull();
        assertThat(ui.get(() -> corr.statusProperty().get()))
                .isEqualTo("jms:queue:cvm-payment-requests #0 carries no key under its rule (key): set another with Rules…");
        ui.run(() -> corr.keyProperty().set("  "));
        assertThat(ui.get(() -> corr.follow())).isNull();
        assertThat(ui.get(() -> corr.statusProperty().get())).isEqualTo("Type a key to follow");
    }

    @Test
    void cancel_stops_a_running_search_at_its_next_page_and_draws_what_it_found(Connection shared) {
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 20; i++) {
                shared.bus().publish(OutgoingMessage.text("kafka:cvm-cancel-" + t, "{}").withKey("cvm-wanted"));
            }
        }
        ConnectionViewModel c = harness.connect(InspectorHarness.onto(shared, "cancel"));
        AtomicBoolean cancelled = new AtomicBoolean();
        ui.run(() -> {
            corr.pageSize(2);
            corr.statusProperty().addListener((o, was, now) -> {
                if (now.startsWith("Following cvm-wanted: ") && cancelled.compareAndSet(false, true)) {
                    corr.cancel();                               // at the first progress, on the UI thread
                }
            });
        });
        long total = ui.get(() -> c.allDestinations().stream().mapToLong(e -> Math.max(0, e.messageCount())).sum());

        ui.done(() -> corr.follow(c, "cvm-wanted"));

        CorrelationResult r = ui.get(() -> corr.resultProperty().get());
        assertThat(r.stop()).isEqualTo(CorrelationResult.Stop.CANCELLED);
        assertThat(r.scanned()).isLessThan(total);
        assertThat(r.searched()).extracting(CorrelationResult.Searched::coverage).contains(CorrelationResult.Coverage.NOT_SEARCHED);
        assertThat(ui.get(() -> corr.searchingProperty().get())).isFalse();
        assertThat(ui.get(() -> corr.statusProperty().get())).contains(" · cancelled: ").endsWith(" not searched to the end");
        assertThat(ui.get(() -> corr.chartProperty().get().hops())).hasSize(r.hits().size());
    }
}
