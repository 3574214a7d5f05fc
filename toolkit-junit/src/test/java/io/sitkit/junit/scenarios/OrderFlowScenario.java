package io.sitkit.junit.scenarios;

import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.sitkit.match.Matchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;

/** A passing and a failing event-flow test over Kafka and JMS. */
@SitTest(observe = "kafka:orders")
public class OrderFlowScenario {
    public static final AtomicReference<String> SEEN_BOOTSTRAP = new AtomicReference<>();

    @BeforeAll
    static void systemUnderTest(SitEnvironment env) {
        SEEN_BOOTSTRAP.set(env.kafkaBootstrapServers());
    }

    @Test
    @Observe("jms:queue:payments")
    void an_order_and_its_payment_are_seen(SitBus bus) {
        // published at once: the capture was listening before the body started
        bus.publish("kafka:orders", "o-1", "{\"orderId\":\"o-1\",\"total\":42}");
        bus.publish("jms:queue:payments", "{\"orderId\":\"o-1\",\"amount\":42}");

        bus.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("o-1")).within(Duration.ofSeconds(10));
        bus.expect("jms:queue:payments").message(jsonPath("$.amount").isEqualTo(42)).within(Duration.ofSeconds(10));
        assertThat(bus.names()).containsKeys("kafka:orders", "jms:queue:payments");
        assertThat(bus.destination("kafka:orders").name()).startsWith("orders.t");
        assertThat(bus.browse("kafka:orders").messages()).extracting(m -> m.keyText().orElseThrow()).containsExactly("o-1");
    }

    @Test
    void a_missing_payment_fails_with_the_cores_message(SitBus bus) {
        bus.publish("kafka:orders", "o-2", "{\"orderId\":\"o-2\",\"total\":7,\"card\":\"4111-1111\"}");
        bus.expect("kafka:orders").message(jsonPath("$.total").isEqualTo(8)).within(Duration.ofMillis(500));
    }
}
