package io.sitkit.junit.scenarios;

import io.sitkit.core.Message;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.anyMessage;

/** An AssertJ assertion that fails on a message with a card number, with no redactor given. */
@SitTest(observe = "kafka:payments")
public class RedactedAssertionScenario {
    @Test
    void a_payment_has_the_wrong_amount(SitBus bus) {
        bus.publish("kafka:payments", "p-1", "{\"cardNumber\":\"4111111111111111\",\"amount\":42}");
        Message m = bus.expect("kafka:payments").message(anyMessage()).within(Duration.ofSeconds(10));
        assertThat(m).hasJsonPath("$.amount", 43);
    }
}
