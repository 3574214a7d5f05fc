package io.sitkit.samples.shop;

import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.expect.Count.exactly;
import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.header;
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
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Big-bang integration: every service of the shop runs, the test checks out through the cart and
 * follows each order across Kafka and JMS — checkout request, payment request and reply,
 * {@code OrderPlaced} (Avro), the order service's invoice, stock reservations, the confirmation.
 */
@SitTest(observe = {CHECKOUT_REQUESTS, CHECKOUT_RESULTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS,
        INVENTORY_EVENTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
class ShopBigBangIT {
    private ShopProbe probe;
    private ShopSystem shop;

    @BeforeEach
    void startTheWholeShop(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        probe = ShopProbe.of(bus, env, registry);
        shop = ShopSystem.start(probe.wiring(), Bug.none());
    }

    @AfterEach
    void stopTheShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Smoke
    @Test
    void a_single_item_is_paid_placed_invoiced_and_confirmed_with_one_total_everywhere() {
        shop.cart().checkout(Order.of("o-1", "ann@example.com", "tok_visa", Line.of("sku-tee", 1, "14.99")));

        Flow flow = probe.flow("o-1", CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS, NOTIFICATIONS)
                .eachHopWithin(ofSeconds(3))
                .consistent(probe.same(PAYMENT_REQUESTS, "$.amount", ORDERS_PLACED, "$.total", ORDER_EVENTS, "$.total",
                        NOTIFICATIONS, "$.total"))
                .within(ofSeconds(10));

        assertThat(flow.first(probe.at(ORDERS_PLACED)).orElseThrow())
                .hasKey("o-1").hasHeader("eventType", "OrderPlaced")
                .hasJsonPath("$.subtotal", 14.99).hasJsonPath("$.tax", 1.24).hasJsonPath("$.total", 16.23);
        CheckoutResult result = await().atMost(ofSeconds(5)).until(() -> shop.cart().result("o-1").orElse(null), r -> r != null);
        assertThat(result.status()).isEqualTo("PLACED");
        assertThat(result.total()).contains(new BigDecimal("16.23"));
    }

    @Smoke
    @Test
    void several_items_are_totalled_by_checkout_and_charged_in_full() {
        shop.cart().checkout(Order.of("o-2", "bob@example.com", "tok_visa",
                Line.of("sku-mug", 2, "7.25"), Line.of("sku-cap", 1, "19.99"), Line.of("sku-pen", 3, "2.50")));

        probe.expect().expect(probe.real(PAYMENT_REQUESTS))
                .message(allOf(correlationId("o-2"), jsonPath("$.amount").isEqualTo(45.45))).within(ofSeconds(10));
        Message placed = probe.expect().expect(probe.real(ORDERS_PLACED)).message(key("o-2")).within(ofSeconds(10));
        assertThat(placed).hasJsonPath("$.subtotal", 41.99).hasJsonPath("$.discount", 0).hasJsonPath("$.tax", 3.46)
                .hasJsonPath("$.total", 45.45).hasJsonPath("$.lines[2].quantity", 3);
        Message invoice = probe.expect().expect(probe.real(ORDER_EVENTS)).message(key("o-2")).within(ofSeconds(10));
        assertThat(invoice).hasJsonPath("$.lines[0].lineTotal", 14.50).hasJsonPath("$.lines[2].lineTotal", 7.50)
                .hasJsonPath("$.total", 45.45);
    }

    @Smoke
    @Test
    void a_discount_code_is_applied_by_checkout_charged_by_the_gateway_and_shown_in_the_confirmation() {
        shop.cart().checkout(Order.of("o-3", "cy@example.com", "tok_visa",
                Line.of("sku-mug", 2, "7.25"), Line.of("sku-cap", 1, "19.99"), Line.of("sku-pen", 3, "2.50")).withDiscountCode("SAVE10"));

        Flow flow = probe.flow("o-3", CHECKOUT_REQUESTS, PAYMENT_REQUESTS, ORDERS_PLACED, ORDER_EVENTS, NOTIFICATIONS)
                .consistent(probe.same(CHECKOUT_REQUESTS, "$.discountCode", ORDERS_PLACED, "$.discountCode", ORDER_EVENTS, "$.discountCode"))
                .consistent(probe.same(ORDERS_PLACED, "$.discount", ORDER_EVENTS, "$.discount", NOTIFICATIONS, "$.discount"))
                .consistent(probe.same(PAYMENT_REQUESTS, "$.amount", ORDERS_PLACED, "$.total", NOTIFICATIONS, "$.total"))
                .within(ofSeconds(10));

        assertThat(flow.first(probe.at(NOTIFICATIONS)).orElseThrow())
                .hasJsonPath("$.subtotal", 41.99).hasJsonPath("$.discount", 4.20).hasJsonPath("$.tax", 3.12).hasJsonPath("$.total", 40.91);
    }

    @Smoke
    @Test
    void tax_is_the_same_in_checkouts_charge_and_in_the_order_services_invoice() {
        // 7.25 and 14.99 at 8.25 %: 1.83 on the order's total, but 0.60 + 1.24 = 1.84 when each line is rounded
        shop.cart().checkout(Order.of("o-4", "dee@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25"), Line.of("sku-tee", 1, "14.99")));

        probe.flow("o-4", ORDERS_PLACED, ORDER_EVENTS)
                .consistent(probe.same(ORDERS_PLACED, "$.tax", ORDER_EVENTS, "$.tax"))
                .consistent(probe.same(ORDERS_PLACED, "$.total", ORDER_EVENTS, "$.total"))
                .within(ofSeconds(10));
        probe.expect().expect(probe.real(ORDER_EVENTS)).message(allOf(key("o-4"), jsonPath("$.tax").isEqualTo(1.83))).within(ofSeconds(1));
    }

    @Smoke
    @Test
    void a_declined_payment_returns_the_gateways_error_to_the_cart_and_places_nothing() {
        shop.cart().checkout(Order.of("o-5", "eve@example.com", "tok_declined", Line.of("sku-cap", 1, "19.99")));

        probe.expect().expect(probe.real(CHECKOUT_RESULTS)).message(allOf(key("o-5"), jsonPath("$.status").isEqualTo("PAYMENT_FAILED"),
                jsonPath("$.error.code").isEqualTo("card_declined"))).within(ofSeconds(10));
        CheckoutResult result = await().atMost(ofSeconds(5)).until(() -> shop.cart().result("o-5").orElse(null), r -> r != null);
        assertThat(result.failed()).isTrue();
        assertThat(result.errorCode()).contains("card_declined");
        assertThat(result.errorMessage()).contains("The card was declined by its issuer.");
        // checkout answers the cart last: had it placed the order, OrderPlaced would be on the topic by now
        probe.expect().expect(probe.real(ORDERS_PLACED)).noMessage(key("o-5")).within(ofMillis(300));
    }

    @Deep
    @Test
    void inventory_is_reserved_after_a_successful_purchase_and_not_after_a_declined_one() {
        shop.cart().checkout(Order.of("o-6", "fay@example.com", "tok_visa", Line.of("sku-mug", 2, "7.25"), Line.of("sku-cap", 1, "19.99")));
        shop.cart().checkout(Order.of("o-7", "gus@example.com", "tok_expired", Line.of("sku-cap", 1, "19.99")));

        probe.expect().expect(probe.real(INVENTORY_EVENTS)).messages(jsonPath("$.orderId").isEqualTo("o-6")).count(atLeast(2))
                .within(ofSeconds(10));
        probe.expect().expect(probe.real(INVENTORY_EVENTS)).message(allOf(key("sku-mug"), jsonPath("$.type").isEqualTo("StockReserved"),
                jsonPath("$.quantity").isEqualTo(2), jsonPath("$.remaining").isEqualTo(38))).within(ofSeconds(1));
        probe.expect().expect(probe.real(INVENTORY_EVENTS)).message(allOf(key("sku-cap"), jsonPath("$.remaining").isEqualTo(9)))
                .within(ofSeconds(1));
        assertThat(shop.inventory().stock("sku-cap")).hasValue(9);

        probe.expect().expect(probe.real(CHECKOUT_RESULTS)).message(allOf(key("o-7"), jsonPath("$.error.code").isEqualTo("expired_card")))
                .within(ofSeconds(10));
        probe.expect().expect(probe.real(ORDERS_PLACED)).noMessage(key("o-7")).within(ofMillis(300));
        assertThat(shop.inventory().stock("sku-cap")).hasValue(9);
    }

    @Smoke
    @Test
    void the_confirmation_notification_carries_the_customer_the_lines_and_the_amounts() {
        shop.cart().checkout(Order.of("o-8", "hal@example.com", "tok_visa", Line.of("sku-sticker", 4, "3.49")).withDiscountCode("FIVEOFF"));

        Message mail = probe.expect().expect(probe.real(NOTIFICATIONS)).message(header("orderId", "o-8")).within(ofSeconds(10));
        assertThat(mail).hasProperty("eventType", "OrderConfirmation").isEquivalentTo("""
                {"orderId": "o-8", "to": "hal@example.com", "subject": "Your order o-8 is confirmed",
                 "lines": [{"sku": "sku-sticker", "quantity": 4, "lineTotal": 13.96}],
                 "subtotal": 13.96, "discount": 5.00, "tax": 0.74, "total": 9.70, "currency": "USD"}""");
    }

    @Deep
    @Test
    void a_resubmitted_checkout_gets_its_first_answer_again_and_is_charged_and_placed_once() {
        shop.cart().checkout(Order.of("o-9", "ivy@example.com", "tok_visa", Line.of("sku-pen", 2, "2.50")));
        await().atMost(ofSeconds(10)).until(() -> shop.cart().result("o-9").isPresent());

        shop.cart().resubmit("o-9");

        probe.expect().expect(probe.real(CHECKOUT_RESULTS)).messages(allOf(key("o-9"), jsonPath("$.status").isEqualTo("PLACED"),
                jsonPath("$.total").isEqualTo(5.41))).count(atLeast(2)).within(ofSeconds(10));
        probe.expect().expect(probe.real(PAYMENT_REQUESTS)).messages(correlationId("o-9")).count(exactly(1)).within(ofMillis(300));
        probe.expect().expect(probe.real(ORDERS_PLACED)).atMostOncePerKey(KeySource.kafkaKey()).now();
    }
}
