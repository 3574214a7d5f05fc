package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.correlate.KeySource;
import io.sitkit.fx.service.CorrelationSettings;
import io.sitkit.fx.service.DestinationEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationRulesFormTest {
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Destination PAYMENTS = Destination.jmsQueue("payments");
    private static final Destination LEGACY = Destination.jmsQueue("legacy");

    private static DestinationEntry entry(Destination d) {
        return new DestinationEntry(d, d.isKafka() ? 1 : 0, 0, Map.of(), List.of());
    }

    @Test
    void the_form_shows_the_saved_rules_on_every_destination_and_reads_back_what_is_chosen() {
        CorrelationSettings saved = CorrelationSettings.none().withRule(LEGACY, KeySource.header("orderId")).withRoute(List.of(ORDERS, PAYMENTS));
        CorrelationRulesForm form = CorrelationRulesForm.of(saved, List.of(entry(ORDERS), entry(PAYMENTS)));

        assertThat(form.rows()).extracting(r -> r.destination() + " " + r.kind().get() + " " + r.argument().get())
                .containsExactly("kafka:orders default ", "jms:queue:payments default ", "jms:queue:legacy header orderId");
        assertThat(form.routeProperty().get()).isEqualTo("kafka:orders\njms:queue:payments");

        form.row(ORDERS).orElseThrow().kind().set("jsonPath");
        form.row(ORDERS).orElseThrow().argument().set("$.orderId");
        form.row(LEGACY).orElseThrow().kind().set("correlationId");      // its header name is left over, and ignored
        form.fallback().kind().set("traceId");
        form.routeProperty().set("kafka:orders → jms:queue:legacy");

        CorrelationSettings s = form.toSettings().orElseThrow();
        assertThat(s.correlationRules()).hasToString("CorrelationRules{kafka:orders by $.orderId, jms:queue:legacy by JMSCorrelationID,"
                + " others by traceparent trace id}");
        assertThat(s.route()).containsExactly(ORDERS, LEGACY);
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void a_rule_that_does_not_read_names_its_destination_and_gives_no_settings() {
        CorrelationRulesForm form = CorrelationRulesForm.of(CorrelationSettings.none(), List.of(entry(ORDERS)));
        form.row(ORDERS).orElseThrow().kind().set("jsonPath");

        assertThat(form.toSettings()).isEmpty();
        assertThat(form.errorProperty().get()).isEqualTo("kafka:orders: jsonPath needs a JSON path (jsonPath:$.orderId)");

        form.row(ORDERS).orElseThrow().argument().set("$.orderId");
        form.routeProperty().set("orders");
        assertThat(form.toSettings()).isEmpty();
        assertThat(form.errorProperty().get())
                .isEqualTo("route: 'orders' is not a destination address (kafka:<topic>, jms:queue:<name>, jms:topic:<name>)");
    }
}
