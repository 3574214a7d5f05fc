package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.correlate.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrelationSettingsTest {
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Destination PAYMENTS = Destination.jmsQueue("payments");
    private static final Destination SHIPMENTS = Destination.kafka("shipments");

    @Test
    void rules_and_route_are_saved_with_the_profile_and_come_back(@TempDir Path dir) throws Exception {
        CorrelationSettings settings = CorrelationSettings.none().withFallback(KeySource.header("orderId"))
                .withRule(ORDERS, KeySource.jsonPath("$.orderId"))
                .withRule(PAYMENTS, KeySource.jmsCorrelationId())
                .withRule(Destination.jmsQueue("private.tokens"), KeySource.traceId())
                .withRoute(List.of(ORDERS, PAYMENTS, SHIPMENTS));
        ConnectionProfile profile = settings.applyTo(ConnectionProfile.kafka("staging", "kafka:9092"));
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));

        store.save(List.of(profile), Optional.empty());
        ConnectionProfile back = store.load(Optional.empty()).get(0);

        assertThat(Files.readString(store.file()))
                .contains("\"sitkit.fx.correlation.default\" : \"header:orderId\"")
                .contains("\"sitkit.fx.correlation.rule.kafka:orders\" : \"jsonPath:$.orderId\"")
                .contains("\"sitkit.fx.correlation.rule.jms:queue:payments\" : \"correlationId\"")
                .contains("\"sitkit.fx.correlation.rule.jms:queue:private.tokens\" : \"traceId\"")
                .contains("\"sitkit.fx.correlation.route\" : \"kafka:orders, jms:queue:payments, kafka:shipments\"");
        CorrelationSettings read = CorrelationSettings.of(back);
        assertThat(read.route()).containsExactly(ORDERS, PAYMENTS, SHIPMENTS);
        assertThat(read.rules()).isEqualTo(settings.rules());
        assertThat(read.fallback()).isEqualTo(settings.fallback());
        assertThat(read.sourceFor(SHIPMENTS).describe()).isEqualTo("header orderId");
        assertThat(back.toConfig(null).get("sitkit.fx.correlation.route")).isEmpty();
    }

    @Test
    void saving_again_replaces_the_rules_it_had() {
        ConnectionProfile first = CorrelationSettings.none().withRule(ORDERS, KeySource.traceId()).withRoute(List.of(ORDERS))
                .applyTo(ConnectionProfile.kafka("staging", "kafka:9092"));

        ConnectionProfile second = CorrelationSettings.none().applyTo(first);

        assertThat(second.settings()).doesNotContainKey("sitkit.fx.correlation.rule.kafka:orders")
                .containsEntry("sitkit.fx.correlation.default", "key").doesNotContainKey("sitkit.fx.correlation.route");
        assertThat(CorrelationSettings.of(second).route()).isEmpty();
    }

    @Test
    void the_demo_sandbox_comes_with_the_demo_shops_rules_and_other_profiles_with_the_key() {
        CorrelationSettings demo = CorrelationSettings.of(ConnectionProfile.sandbox("Sandbox", true));
        assertThat(demo.describeRoute()).isEqualTo("kafka:demo.orders → jms:queue:demo.payment-requests → kafka:demo.payments");
        assertThat(demo.sourceFor(Destination.jmsQueue("demo.payment-requests")).describe()).isEqualTo("JMSCorrelationID");

        CorrelationSettings plain = CorrelationSettings.of(ConnectionProfile.sandbox("Sandbox", false));
        assertThat(plain.route()).isEmpty();
        assertThat(plain.rules()).isEmpty();
        assertThat(plain.fallback().describe()).isEqualTo("key");
    }

    @Test
    void a_saved_rule_that_does_not_read_names_the_profile_and_setting() {
        ConnectionProfile bad = ConnectionProfile.kafka("staging", "kafka:9092").withSetting("sitkit.fx.correlation.rule.kafka:orders", "body");

        assertThatThrownBy(() -> CorrelationSettings.of(bad))
                .hasMessage("profile 'staging', sitkit.fx.correlation.rule.kafka:orders: 'body' is not a correlation key source;"
                        + " use one of key, header:<name>, correlationId, messageId, jsonPath:<path>, traceId");
        ConnectionProfile twice = ConnectionProfile.kafka("staging", "kafka:9092").withSetting("sitkit.fx.correlation.route", "kafka:a, kafka:a");
        assertThatThrownBy(() -> CorrelationSettings.of(twice))
                .hasMessage("profile 'staging', sitkit.fx.correlation.route: the expected route names a destination twice: [kafka:a, kafka:a]");
    }

    @Test
    void a_route_is_typed_one_per_line_with_commas_or_with_arrows() {
        assertThat(CorrelationSettings.parseRoute("kafka:orders\n jms:queue:payments\n\nkafka:shipments")).containsExactly(ORDERS, PAYMENTS, SHIPMENTS);
        assertThat(CorrelationSettings.parseRoute("kafka:orders -> jms:queue:payments → kafka:shipments")).containsExactly(ORDERS, PAYMENTS, SHIPMENTS);
        assertThat(CorrelationSettings.parseRoute("kafka:orders, jms:queue:payments")).containsExactly(ORDERS, PAYMENTS);
        assertThat(CorrelationSettings.parseRoute("  ")).isEmpty();
        assertThatThrownBy(() -> CorrelationSettings.parseRoute("kafka:orders, orders"))
                .hasMessage("route: 'orders' is not a destination address (kafka:<topic>, jms:queue:<name>, jms:topic:<name>)");
    }
}
