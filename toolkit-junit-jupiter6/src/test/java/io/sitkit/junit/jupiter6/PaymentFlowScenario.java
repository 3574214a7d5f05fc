package io.sitkit.junit.jupiter6;

import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sitkit.match.Matchers.jsonPath;

/** Run by {@link Jupiter6IT} through Jupiter 6's engine; not a test of its own (the name says so). */
@SitTest(observe = "kafka:orders")
public class PaymentFlowScenario {
    static String bootstrap;

    @BeforeAll
    static void start(SitEnvironment env) {
        bootstrap = env.kafkaBootstrapServers();
    }

    @Test
    @Observe("jms:queue:payments")
    void an_order_and_its_payment(SitBus bus) {
        bus.publish("kafka:orders", "o-6", "{\"orderId\":\"o-6\"}");
        bus.publish("jms:queue:payments", "{\"orderId\":\"o-6\",\"amount\":6}");
        bus.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("o-6")).within(Duration.ofSeconds(10));
        bus.expect("jms:queue:payments").message(jsonPath("$.amount").isEqualTo(6)).within(Duration.ofSeconds(10));
    }

    @Test
    void a_missing_message(SitBus bus) {
        bus.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("never")).within(Duration.ofMillis(300));
    }
}
