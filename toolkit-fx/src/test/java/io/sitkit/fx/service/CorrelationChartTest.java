package io.sitkit.fx.service;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;
import io.sitkit.fx.service.CorrelationResult.Hit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a flow is laid out in lanes and steps, without a broker. */
class CorrelationChartTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Destination PAYMENTS = Destination.jmsQueue("payments");
    private static final Destination SHIPMENTS = Destination.kafka("shipments");
    private static final Destination INVOICES = Destination.kafka("invoices");
    private static final Destination AUDIT = Destination.kafka("audit");

    private static Hit hit(String connection, Destination d, long millis) {
        Instant at = T0.plusMillis(millis);
        Message m = d.isKafka()
                ? new Message(d, "o-1".getBytes(StandardCharsets.UTF_8), Headers.empty(), "{}".getBytes(StandardCharsets.UTF_8), BodyType.BYTES,
                at, at.plusSeconds(60), new KafkaMetadata(0, millis, "CreateTime", 0))
                : new Message(d, null, Headers.empty(), "{}".getBytes(StandardCharsets.UTF_8), BodyType.TEXT, at, at.plusSeconds(60),
                new JmsMetadata("ID:" + millis, "o-1", null, null, 4, true, null, false, null));
        return new Hit(connection, MessageRow.of(m, 0, PayloadDecoding.using(Optional.empty()), DecoderChoice.AUTO));
    }

    private static CorrelationResult result(Hit... hits) {
        List<Message> messages = new ArrayList<>();
        for (Hit h : hits) {
            messages.add(h.row().message());
        }
        return new CorrelationResult("o-1", new Flow("o-1", messages), List.of(hits), List.of(), hits.length,
                CorrelationResult.Stop.COMPLETE, Duration.ofMillis(5));
    }

    private static List<String> describe(FlowChart chart) {
        return chart.steps().stream().map(s -> s instanceof FlowChart.HopStep h
                ? chart.lanes().get(h.lane()).label() + (h.latency() == null ? "" : " " + FlowChart.latencyLabel(h.latency()))
                : ((FlowChart.GapStep) s).label() + " in lane " + s.lane()).toList();
    }

    @Test
    void a_route_destination_without_a_message_is_a_gap_before_the_next_route_hop_and_the_hops_after_it_stay() {
        FlowChart chart = FlowChart.of(result(hit("c", ORDERS, 0), hit("c", SHIPMENTS, 30), hit("c", INVOICES, 45)),
                List.of(ORDERS, PAYMENTS, SHIPMENTS, INVOICES));

        assertThat(chart.lanes()).extracting(FlowChart.Lane::label)
                .containsExactly("kafka:orders", "jms:queue:payments", "kafka:shipments", "kafka:invoices");
        assertThat(describe(chart)).containsExactly("kafka:orders", "missing: jms:queue:payments in lane 1", "kafka:shipments +30 ms",
                "kafka:invoices +15 ms");
    }

    @Test
    void missing_route_hops_at_the_end_follow_the_last_message_and_hops_off_the_route_keep_their_time() {
        FlowChart chart = FlowChart.of(result(hit("c", ORDERS, 0), hit("c", AUDIT, 2), hit("c", PAYMENTS, 7)),
                List.of(ORDERS, PAYMENTS, SHIPMENTS, INVOICES));

        assertThat(chart.lanes()).extracting(FlowChart.Lane::label)
                .containsExactly("kafka:orders", "jms:queue:payments", "kafka:shipments", "kafka:invoices", "kafka:audit");
        assertThat(describe(chart)).containsExactly("kafka:orders", "kafka:audit +2 ms", "jms:queue:payments +5 ms",
                "missing: kafka:shipments in lane 2", "missing: kafka:invoices in lane 3");
        assertThat(chart.gaps()).extracting(FlowChart.GapStep::label).containsExactly("missing: kafka:shipments", "missing: kafka:invoices");
    }

    @Test
    void without_a_route_lanes_come_in_the_order_the_flow_reaches_them_and_nothing_is_missing() {
        FlowChart chart = FlowChart.of(result(hit("c", SHIPMENTS, 0), hit("c", ORDERS, 1), hit("c", SHIPMENTS, 3)), List.of());

        assertThat(chart.lanes()).extracting(FlowChart.Lane::label).containsExactly("kafka:shipments", "kafka:orders");
        assertThat(describe(chart)).containsExactly("kafka:shipments", "kafka:orders +1 ms", "kafka:shipments +2 ms");
        assertThat(chart.gaps()).isEmpty();
    }

    @Test
    void a_flow_found_on_several_connections_names_the_connection_in_each_lane() {
        FlowChart chart = FlowChart.of(result(hit("dev", ORDERS, 0), hit("staging", ORDERS, 4)), List.of(ORDERS, PAYMENTS));

        assertThat(chart.lanes()).extracting(FlowChart.Lane::label)
                .containsExactly("kafka:orders · dev", "kafka:orders · staging", "jms:queue:payments");
        assertThat(describe(chart)).containsExactly("kafka:orders · dev", "kafka:orders · staging +4 ms", "missing: jms:queue:payments in lane 2");
    }

    @Test
    void nothing_found_along_a_route_draws_the_route_as_gaps() {
        FlowChart chart = FlowChart.of(result(), List.of(ORDERS, PAYMENTS));

        assertThat(describe(chart)).containsExactly("missing: kafka:orders in lane 0", "missing: jms:queue:payments in lane 1");
    }

    @Test
    void latencies_read_in_milliseconds() {
        assertThat(FlowChart.latencyLabel(Duration.ofMillis(12))).isEqualTo("+12 ms");
        assertThat(FlowChart.latencyLabel(Duration.ofMillis(0))).isEqualTo("+0 ms");
        assertThat(FlowChart.latencyLabel(Duration.ofMillis(2310))).isEqualTo("+2,310 ms");
        assertThat(FlowChart.latencyLabel(Duration.ofNanos(1_500_000))).isEqualTo("+1.5 ms");
    }
}
