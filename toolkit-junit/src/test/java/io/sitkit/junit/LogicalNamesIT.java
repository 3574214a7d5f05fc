package io.sitkit.junit;

import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.FieldMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sitkit.match.Matchers.jsonPath;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test writes logical addresses everywhere — flows, field mappings, correlation rules, order, reply-to — and sitkit uses its real names. */
@SitTest(observe = {"kafka:orders", "jms:queue:payments"})
class LogicalNamesIT {

    @Test
    void flows_field_mappings_and_correlation_rules_take_logical_addresses(SitBus bus) {
        bus.publish("kafka:orders", "o-1", "{\"orderId\":\"o-1\",\"total\":42}");
        bus.publish(OutgoingMessage.text("jms:queue:payments", "{\"amount\":42}").withCorrelationId("o-1"));

        Flow flow = bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.orderId"))
                        .on("jms:queue:payments", KeySource.jmsCorrelationId()))
                .expectFlow("o-1").through("kafka:orders", "jms:queue:payments")
                .consistent(FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount"))
                .within(ofSeconds(5));

        assertThat(flow.destinations()).containsExactly(bus.destination("kafka:orders"), bus.destination("jms:queue:payments"));
        assertThat(bus.destination("kafka:orders").name()).isNotEqualTo("orders");
    }

    @Test
    void a_field_mapping_on_logical_addresses_still_catches_a_difference(SitBus bus) {
        bus.publish("kafka:orders", "o-2", "{\"orderId\":\"o-2\",\"total\":42}");
        bus.publish(OutgoingMessage.text("jms:queue:payments", "{\"orderId\":\"o-2\",\"amount\":41}"));

        assertThatThrownBy(() -> bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.orderId")))
                .expectFlow("o-2").through("kafka:orders", "jms:queue:payments")
                .consistent(FieldMapping.of("kafka:orders", "$.total").and("jms:queue:payments", "$.amount"))
                .within(ofSeconds(2)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("$.amount on " + bus.destination("jms:queue:payments"));
    }

    @Test
    void order_expectations_take_logical_addresses(SitBus bus) {
        bus.publish("kafka:orders", "o-3", "{\"orderId\":\"o-3\"}");
        bus.publish("jms:queue:payments", "{\"orderId\":\"o-3\"}");

        List<Message> both = bus.expect().expectOrder("kafka:orders", jsonPath("$.orderId").isEqualTo("o-3"))
                .before("jms:queue:payments", jsonPath("$.orderId").isEqualTo("o-3")).within(ofSeconds(5));

        assertThat(both).extracting(Message::destination)
                .containsExactly(bus.destination("kafka:orders"), bus.destination("jms:queue:payments"));
    }

    @Test
    void a_logical_reply_to_becomes_the_tests_real_queue(SitBus bus) {
        bus.publish(OutgoingMessage.text("jms:queue:payments", "{\"orderId\":\"o-4\"}").withReplyTo("jms:queue:payment.replies"));

        Message sent = bus.expect("jms:queue:payments").message(jsonPath("$.orderId").isEqualTo("o-4")).within(ofSeconds(5));

        assertThat(sent.jms().orElseThrow().replyTo()).isEqualTo(bus.destination("jms:queue:payment.replies"));
        assertThat(bus.destination("jms:queue:payment.replies").name()).startsWith("payment.replies.t");
    }

    @Test
    void a_real_name_passed_back_stays_as_it_is(SitBus bus) {
        String real = bus.destination("kafka:orders").toString();
        bus.publish(real, "o-5", "{\"orderId\":\"o-5\"}");

        assertThat(bus.expect(real).message(jsonPath("$.orderId").isEqualTo("o-5")).within(ofMillis(5000)).destination())
                .isEqualTo(bus.destination("kafka:orders"));
    }
}
