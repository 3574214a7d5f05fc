package io.sitkit.env;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.PublishResult;
import io.sitkit.schema.avro.RegistryAvro;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's demo traffic on real brokers: correlated Avro and JSON across Kafka and JMS. */
@ExtendWith(SharedEmbedded.class)
class DemoTrafficIT {
    @Test
    void each_order_flows_as_avro_on_kafka_then_json_on_jms_and_kafka_with_one_order_id(EmbeddedEnvironment env) {
        try (Bus bus = env.openBus();
             Capture capture = bus.capture(DemoTraffic.ORDERS, DemoTraffic.PAYMENT_REQUESTS, DemoTraffic.PAYMENT_EVENTS)) {
            List<PublishResult> sent = DemoTraffic.publishOrders(bus, 3, 42);

            assertThat(sent).extracting(r -> r.destination().toString()).containsExactly(
                    "kafka:demo.orders", "jms:queue:demo.payment-requests", "kafka:demo.payments",
                    "kafka:demo.orders", "jms:queue:demo.payment-requests", "kafka:demo.payments",
                    "kafka:demo.orders", "jms:queue:demo.payment-requests", "kafka:demo.payments");
            Message order = capture.await(Destination.parse(DemoTraffic.ORDERS), 3, Duration.ofSeconds(10)).get(1);
            JsonNode decoded = RegistryAvro.using(DemoTraffic.schemas()).decodePayload(order).json();
            assertThat(decoded.get("orderId").asText()).isEqualTo("o-00002");
            assertThat(order.keyText()).contains("o-00002");
            assertThat(order.headers().lastAsString("eventType")).contains("OrderPlaced");
            Message request = capture.await(Destination.parse(DemoTraffic.PAYMENT_REQUESTS), 3, Duration.ofSeconds(10)).get(1);
            assertThat(request.jms().orElseThrow().correlationId()).isEqualTo("o-00002");
            assertThat(request.payloadJson().get("amount").decimalValue()).isEqualByComparingTo(decoded.get("total").decimalValue());
            Message result = capture.await(Destination.parse(DemoTraffic.PAYMENT_EVENTS), 3, Duration.ofSeconds(10)).get(1);
            assertThat(result.payloadJson().get("orderId").asText()).isEqualTo("o-00002");
            assertThat(result.headers().lastAsString("traceparent")).isEqualTo(order.headers().lastAsString("traceparent"));
        }
    }

    @Test
    void the_generator_publishes_on_its_own_thread_until_closed(EmbeddedEnvironment env) throws Exception {
        try (Bus bus = env.openBus(); Capture capture = bus.capture(DemoTraffic.PAYMENT_EVENTS)) {
            try (DemoTraffic demo = DemoTraffic.start(bus, Duration.ofMillis(20), 7)) {
                capture.await(Destination.parse(DemoTraffic.PAYMENT_EVENTS), 3, Duration.ofSeconds(10));
                assertThat(demo.failures()).isEmpty();
            }
            // the pool has terminated; its worker thread may take a moment more to exit
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet()
                    .stream().noneMatch(t -> t.getName().equals("sitkit-demo-traffic")));
        }
    }
}
