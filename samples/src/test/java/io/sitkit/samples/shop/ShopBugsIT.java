package io.sitkit.samples.shop;

import io.sitkit.core.Message;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.junit.Deep;
import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.expect.Count.exactly;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_REQUESTS;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_RESULTS;
import static io.sitkit.samples.shop.ShopProbe.INVENTORY_EVENTS;
import static io.sitkit.samples.shop.ShopProbe.NOTIFICATIONS;
import static io.sitkit.samples.shop.ShopProbe.ORDERS_PLACED;
import static io.sitkit.samples.shop.ShopProbe.ORDER_EVENTS;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REPLIES;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REQUESTS;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_RESPONSES;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each injectable bug, switched on, and the sitkit failure that names its cause. The same checks
 * pass on the shop without bugs ({@link ShopBigBangIT}).
 */
@Deep
@SitTest(observe = {CHECKOUT_REQUESTS, CHECKOUT_RESULTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS,
        INVENTORY_EVENTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
class ShopBugsIT {
    private ShopProbe probe;
    private ShopSystem shop;

    @BeforeEach
    void probe(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        probe = ShopProbe.of(bus, env, registry);
    }

    @AfterEach
    void stopTheShop() {
        if (shop != null) {
            shop.close();
        }
    }

    private void start(Bug bug) {
        shop = ShopSystem.with(probe.wiring()).bugs(EnumSet.of(bug)).paymentTimeout(ofMillis(500)).start();
    }

    @Test
    void snake_case_discount_code_from_the_cart_is_lost_and_the_hint_names_both_spellings() {
        start(Bug.SNAKE_CASE_FIELDS);
        shop.cart().checkout(Order.of("o-21", "ann@example.com", "tok_visa", Line.of("sku-cap", 1, "19.99")).withDiscountCode("SAVE10"));

        // the symptom: the customer is charged the full 19.99 + 1.65 tax
        probe.expect().expect(probe.real(PAYMENT_REQUESTS)).message(allOf(correlationId("o-21"), jsonPath("$.amount").isEqualTo(21.64)))
                .within(ofSeconds(10));
        // the cause, named by the check a test of the discount makes on the cart's request
        assertThatThrownBy(() -> probe.expect().expect(probe.real(CHECKOUT_REQUESTS))
                .message(allOf(key("o-21"), jsonPath("$.discountCode").isEqualTo("SAVE10"))).within(ofMillis(200)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("expected a message matching key == \"o-21\" and $.discountCode == \"SAVE10\"\n  on "
                        + probe.real(CHECKOUT_REQUESTS) + "\n  within 200ms (looking back at earlier messages)\n  but saw 0 matching\n")
                .hasMessageContaining("\n      ok   key == \"o-21\"\n      FAIL $.discountCode == \"SAVE10\": missing\n")
                .hasMessageEndingWith("\n  hint: field `discountCode` missing; the message has `discount_code` (camelCase vs snake_case)");
    }

    @Test
    void lost_correlation_id_on_the_payment_reply_breaks_the_flow_at_the_reply_and_shows_the_reply_has_none() {
        start(Bug.LOST_CORRELATION_ID);
        shop.cart().checkout(Order.of("o-22", "bob@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25")));

        // the symptom: the gateway did answer, yet checkout tells the cart it did not
        probe.expect().expect(probe.real(PAYMENT_REPLIES)).message(jsonPath("$.orderId").isEqualTo("o-22")).within(ofSeconds(10));
        CheckoutResult result = await().atMost(ofSeconds(5)).until(() -> shop.cart().result("o-22").orElse(null), r -> r != null);
        assertThat(result.errorCode()).contains("payment_timeout");
        // the cause
        assertThatThrownBy(() -> probe.flow("o-22", CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED).within(ofMillis(200)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("\n  correlated by " + probe.real(CHECKOUT_REQUESTS) + " by key, " + probe.real(PAYMENT_REQUESTS)
                        + " by JMSCorrelationID, " + probe.real(PAYMENT_REPLIES) + " by JMSCorrelationID, " + probe.real(ORDERS_PLACED) + " by key\n")
                .hasMessageContaining("\n  but it broke at hop 2 " + probe.real(PAYMENT_REQUESTS) + " -> " + probe.real(PAYMENT_REPLIES)
                        + ": no message with key o-22 on " + probe.real(PAYMENT_REPLIES) + " after the one on " + probe.real(PAYMENT_REQUESTS) + "\n")
                .hasMessageEndingWith("\n  on " + probe.real(PAYMENT_REPLIES) + " (1 message) the keys by JMSCorrelationID were: (none)");
    }

    @Test
    @Observe(PAYMENT_RESPONSES)
    void wrong_reply_to_sends_the_payment_reply_where_checkout_does_not_listen() {
        start(Bug.WRONG_REPLY_TO);
        shop.cart().checkout(Order.of("o-23", "cy@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25")));

        Message request = probe.expect().expect(probe.real(PAYMENT_REQUESTS)).message(correlationId("o-23")).within(ofSeconds(10));
        assertThat(request.jms().orElseThrow().replyTo()).isEqualTo(probe.at(PAYMENT_REPLIES)); // checkout asked for the right queue
        probe.expect().expect(probe.real(PAYMENT_RESPONSES)).message(correlationId("o-23")).within(ofSeconds(10));
        assertThatThrownBy(() -> probe.flow("o-23", CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES).within(ofMillis(200)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageContaining("\n  but it broke at hop 2 " + probe.real(PAYMENT_REQUESTS) + " -> " + probe.real(PAYMENT_REPLIES)
                        + ": no message with key o-23 on " + probe.real(PAYMENT_REPLIES) + " after the one on " + probe.real(PAYMENT_REQUESTS) + "\n")
                .hasMessageContaining(probe.real(PAYMENT_REPLIES) + "=0, ")
                .hasMessageContaining(probe.real(PAYMENT_RESPONSES) + "=1\n")
                .hasMessageEndingWith("\n  hint: key o-23 was seen on " + probe.real(PAYMENT_RESPONSES)
                        + ", which the flow does not pass through — sent to the wrong destination?");
    }

    @Test
    void tax_rounded_per_line_in_the_order_service_disagrees_with_checkouts_charge() {
        start(Bug.TAX_ROUNDED_PER_LINE);
        shop.cart().checkout(Order.of("o-24", "dee@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25"), Line.of("sku-tee", 1, "14.99")));

        assertThatThrownBy(() -> probe.flow("o-24", ORDERS_PLACED, ORDER_EVENTS).consistent(probe.same(ORDERS_PLACED, "$.tax", ORDER_EVENTS, "$.tax"))
                .within(ofSeconds(10)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("expected flow o-24 through " + probe.real(ORDERS_PLACED) + " -> " + probe.real(ORDER_EVENTS) + "\n")
                .hasMessageContaining("\n  but $.tax on " + probe.real(ORDERS_PLACED) + " is 1.83 while $.tax on " + probe.real(ORDER_EVENTS)
                        + " is 1.84\n");
    }

    @Test
    void duplicate_on_retry_charges_and_places_a_resubmitted_order_twice() {
        start(Bug.DUPLICATE_ON_RETRY);
        shop.cart().checkout(Order.of("o-25", "eve@example.com", "tok_visa", Line.of("sku-pen", 2, "2.50")));
        await().atMost(ofSeconds(10)).until(() -> shop.cart().result("o-25").isPresent());
        shop.cart().resubmit("o-25");
        // checkout answers the cart last: once the second answer is there, the second charge and order are too
        probe.expect().expect(probe.real(CHECKOUT_RESULTS)).messages(key("o-25")).count(atLeast(2)).within(ofSeconds(10));

        assertThatThrownBy(() -> probe.expect().expect(probe.real(PAYMENT_REQUESTS)).messages(correlationId("o-25")).count(exactly(1))
                .within(ofSeconds(2)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("expected exactly 1 message matching JMSCorrelationID == \"o-25\"\n  on " + probe.real(PAYMENT_REQUESTS)
                        + "\n  within 2s (looking back at earlier messages)\n  but saw 2 matching\n");
        assertThatThrownBy(() -> probe.expect().expect(probe.real(ORDERS_PLACED)).atMostOncePerKey(KeySource.kafkaKey()).during(ofSeconds(2)))
                .isInstanceOf(ExpectationFailedError.class)
                .hasMessageStartingWith("expected at most one message per key\n  on " + probe.real(ORDERS_PLACED)
                        + "\n  within 2s (looking back at earlier messages)\n  but key o-25 was seen twice:\n    "
                        + probe.real(ORDERS_PLACED) + "[0]@0 key=o-25 {")
                .hasMessageContaining("\n    " + probe.real(ORDERS_PLACED) + "[0]@1 key=o-25 {");
    }
}
