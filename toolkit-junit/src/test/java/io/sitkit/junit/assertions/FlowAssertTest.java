package io.sitkit.junit.assertions;

import io.sitkit.correlate.Flow;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.junit.assertions.TestMessages.jms;
import static io.sitkit.junit.assertions.TestMessages.kafka;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowAssertTest {
    private static final String HOPS = "  flow o-1 (3 messages)\n"
            + "    +0ms kafka:orders[0]@3\n"
            + "    +12ms jms:queue:payments id=ID:1\n"
            + "    +250ms kafka:shipments[0]@5";
    private final Flow flow = new Flow("o-1", List.of(
            kafka("shipments", 5, "o-1", "{}", 250),
            kafka("orders", 3, "o-1", "{}", 0),
            jms("payments", "ID:1", null, "{}", 12)));

    @Test
    void aFlowThroughTheDestinationsInOrderPasses() {
        assertThat(flow).passedThrough("kafka:orders", "jms:queue:payments", "kafka:shipments")
                .passedThrough("kafka:orders", "kafka:shipments");
    }

    @Test
    void aFlowThatReachedADestinationOnlyBeforeFailsShowingItsHops() {
        assertThatThrownBy(() -> assertThat(flow).passedThrough("kafka:orders", "kafka:shipments", "jms:queue:payments"))
                .hasMessage("expected flow o-1 through kafka:orders -> kafka:shipments -> jms:queue:payments\n"
                        + "  but nothing reached jms:queue:payments after the message on kafka:shipments (hop 2 of 2); "
                        + "the flow has 1 message on jms:queue:payments before it\n"
                        + HOPS);
    }

    @Test
    void aFlowThatNeverReachedTheFirstDestinationFailsSayingSo() {
        assertThatThrownBy(() -> assertThat(flow).passedThrough("kafka:invoices"))
                .hasMessage("expected flow o-1 through kafka:invoices\n"
                        + "  but nothing reached kafka:invoices\n"
                        + HOPS);
    }

    @Test
    void aHopWithinItsBoundPasses() {
        assertThat(flow).hasHopWithin("kafka:orders", "jms:queue:payments", Duration.ofMillis(12));
    }

    @Test
    void aSlowHopFailsWithItsLatencyAndBothEnds() {
        assertThatThrownBy(() -> assertThat(flow).hasHopWithin("jms:queue:payments", "kafka:shipments", Duration.ofMillis(100)))
                .hasMessage("expected a hop jms:queue:payments -> kafka:shipments within 100ms\n"
                        + "  in flow o-1\n"
                        + "  but it took 238ms, from jms:queue:payments id=ID:1 to kafka:shipments[0]@5\n"
                        + HOPS);
    }

    @Test
    void aHopToADestinationNeverReachedFails() {
        assertThatThrownBy(() -> assertThat(flow).hasHopWithin("kafka:shipments", "kafka:orders", Duration.ofSeconds(1)))
                .hasMessage("expected a hop kafka:shipments -> kafka:orders within 1s\n"
                        + "  in flow o-1\n"
                        + "  but nothing reached kafka:orders after the message on kafka:shipments\n"
                        + HOPS);
    }

    @Test
    void aHopFromADestinationTheFlowMissedFails() {
        assertThatThrownBy(() -> assertThat(flow).hasHopWithin("kafka:invoices", "kafka:orders", Duration.ofMillis(1500)))
                .hasMessage("expected a hop kafka:invoices -> kafka:orders within 1.5s\n"
                        + "  in flow o-1\n"
                        + "  but the flow has no message on kafka:invoices\n"
                        + HOPS);
    }

    @Test
    void aFlowCompletedWithinItsBoundPasses() {
        assertThat(flow).completedWithin(Duration.ofMillis(250));
    }

    @Test
    void aSlowFlowFailsWithHowLongItTookFromFirstToLast() {
        assertThatThrownBy(() -> assertThat(flow).completedWithin(Duration.ofMillis(200)))
                .hasMessage("expected flow o-1 to complete within 200ms\n"
                        + "  but it took 250ms from kafka:orders[0]@3 to kafka:shipments[0]@5\n"
                        + HOPS);
    }

    @Test
    void theExpectedNumberOfMessagesOnADestinationPasses() {
        assertThat(flow).hasMessagesOn("jms:queue:payments", 1).hasMessagesOn("kafka:invoices", 0);
    }

    @Test
    void anotherNumberOfMessagesFailsWithTheCountsPerDestination() {
        assertThatThrownBy(() -> assertThat(flow).hasMessagesOn("jms:queue:payments", 2))
                .hasMessage("expected 2 messages on jms:queue:payments\n"
                        + "  in flow o-1\n"
                        + "  but saw 1\n"
                        + "  per destination: kafka:orders=1, jms:queue:payments=1, kafka:shipments=1\n"
                        + HOPS);
    }

    @Test
    void theExpectedKeyPasses() {
        assertThat(flow).hasKey("o-1");
    }

    @Test
    void anotherKeyFailsWithTheRouteOfTheFlowAtHand() {
        assertThatThrownBy(() -> assertThat(flow).hasKey("o-2"))
                .hasMessage("expected the flow of key o-2\n"
                        + "  but it was the flow of key o-1\n"
                        + "  through kafka:orders -> jms:queue:payments -> kafka:shipments");
    }

    @Test
    void aSecretKeyIsMaskedWithARedactor() {
        Flow account = new Flow("acct-99887766", List.of(kafka("orders", 1, "acct-99887766", "{}", 0)));
        assertThatThrownBy(() -> assertThat(account).withRedactor(Redactor.builder().secretValues("acct-99887766").build())
                .passedThrough("kafka:payments"))
                .hasMessage("expected flow ****** through kafka:payments\n"
                        + "  but nothing reached kafka:payments\n"
                        + "  flow ****** (1 messages)\n"
                        + "    +0ms kafka:orders[0]@1");
    }

    @Test
    void misusedArgumentsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> assertThat(flow).passedThrough())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name at least one destination the flow passes through, e.g. passedThrough(\"kafka:orders\")");
        assertThatThrownBy(() -> assertThat(flow).completedWithin(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a time bound is >= 0, was PT-0.001S");
        assertThatThrownBy(() -> assertThat(flow).hasMessagesOn("kafka:orders", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a message count is >= 0, was -1");
    }
}
