package io.sitkit.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationTest {

    @Test
    void parsesTheThreeAddressForms() {
        assertThat(Destination.parse("kafka:orders")).isEqualTo(Destination.kafka("orders"));
        assertThat(Destination.parse("jms:queue:payments")).isEqualTo(Destination.jmsQueue("payments"));
        assertThat(Destination.parse("jms:topic:notifications")).isEqualTo(Destination.jmsTopic("notifications"));
    }

    @Test
    void printsTheAddressItWasParsedFrom() {
        for (String a : new String[] {"kafka:orders.v1", "jms:queue:a.b", "jms:topic:t"}) {
            assertThat(Destination.parse(a).toString()).isEqualTo(a);
        }
    }

    @Test
    void aBadAddressShowsTheAcceptedForms() {
        assertThatThrownBy(() -> Destination.parse("queue:payments"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessage("'queue:payments' is not a destination address; accepted forms: "
                        + "kafka:<topic>, jms:queue:<name>, jms:topic:<name>");
        assertThatThrownBy(() -> Destination.parse("kafka:"))
                .hasMessageContaining("destination name is blank");
    }

    @Test
    void anIllegalKafkaTopicNameIsRefusedWithTheCharacter() {
        assertThatThrownBy(() -> Destination.parse("kafka:orders/v1"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("illegal character '/' at index 6");
        assertThatThrownBy(() -> Destination.kafka("x".repeat(250)))
                .hasMessageContaining("the limit is 249");
    }
}
