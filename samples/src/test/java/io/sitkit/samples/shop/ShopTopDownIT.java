package io.sitkit.samples.shop;

import io.sitkit.core.Message;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.samples.shop.ShopSystem.Service;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.sitkit.expect.Count.exactly;
import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.match.Matchers.matching;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_REQUESTS;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_RESULTS;
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
 * Top-down integration: the shop from the cart down runs for real, but the payment gateway — an
 * external provider with no test instance — is a sitkit stub on the same queue, answering as its
 * documentation says: on the request's {@code JMSReplyTo}, with the request's {@code JMSCorrelationID}.
 */
@SitTest(observe = {CHECKOUT_REQUESTS, CHECKOUT_RESULTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
class ShopTopDownIT {
    /** The gateway as its documentation describes it: declines the issuer's refusals, approves the rest. */
    static final StubSpec PAYMENT_GATEWAY = StubSpec.on(PAYMENT_REQUESTS).named("payment-gateway")
            .correlateBy(StubSpec.CorrelateBy.CORRELATION_ID)
            .rule(Rule.when(jsonPath("$.cardToken").isEqualTo("tok_declined")).named("declined by the issuer").reply(Reply.json("""
                    {"orderId": "{{ $.orderId }}", "status": "DECLINED",
                     "error": {"code": "card_declined", "message": "The card was declined by its issuer."}}""")))
            .rule(Rule.always().named("approved").reply(Reply.json("""
                    {"orderId": "{{ $.orderId }}", "status": "APPROVED", "paymentId": "stub-{{ sequence('payment') }}"}""")));

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

    private void startWithoutTheGateway(Duration paymentTimeout) {
        shop = ShopSystem.with(probe.wiring()).without(Service.PAYMENT_GATEWAY).paymentTimeout(paymentTimeout).start();
    }

    @Smoke
    @Test
    void an_order_paid_by_the_stubbed_gateway_is_placed_and_confirmed(SitBus bus) {
        Stub gateway = bus.stub(PAYMENT_GATEWAY);
        startWithoutTheGateway(ShopSystem.PAYMENT_TIMEOUT);

        shop.cart().checkout(Order.of("o-31", "ann@example.com", "tok_visa", Line.of("sku-tee", 1, "14.99")));

        probe.flow("o-31", CHECKOUT_REQUESTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS, NOTIFICATIONS)
                .consistent(probe.same(PAYMENT_REQUESTS, "$.amount", ORDERS_PLACED, "$.total", NOTIFICATIONS, "$.total"))
                .within(ofSeconds(10));
        gateway.received(exactly(1), allOf(correlationId("o-31"), jsonPath("$.amount").isEqualTo(16.23),
                matching("JMSReplyTo is " + probe.at(PAYMENT_REPLIES), m -> probe.at(PAYMENT_REPLIES).equals(m.jms().orElseThrow().replyTo()))));
        Message placed = probe.expect().expect(probe.real(ORDERS_PLACED)).message(key("o-31")).within(ofSeconds(1));
        assertThat(placed).matches(jsonPath("$.paymentId").matches("stub-[0-9]+")); // the stub's payment id made it into the order
    }

    @Smoke
    @Test
    void a_decline_from_the_stubbed_gateway_reaches_the_cart_with_its_error(SitBus bus) {
        Stub gateway = bus.stub(PAYMENT_GATEWAY);
        startWithoutTheGateway(ShopSystem.PAYMENT_TIMEOUT);

        shop.cart().checkout(Order.of("o-32", "bob@example.com", "tok_declined", Line.of("sku-cap", 2, "19.99")));

        CheckoutResult result = await().atMost(ofSeconds(10)).until(() -> shop.cart().result("o-32").orElse(null), r -> r != null);
        assertThat(result.status()).isEqualTo("PAYMENT_FAILED");
        assertThat(result.errorCode()).contains("card_declined");
        assertThat(result.errorMessage()).contains("The card was declined by its issuer.");
        gateway.received(exactly(1), correlationId("o-32"), Duration.ZERO); // recorded before its reply went out
        probe.expect().expect(probe.real(ORDERS_PLACED)).noMessage(key("o-32")).within(ofMillis(300));
    }

    @Deep
    @Test
    void a_gateway_that_never_answers_leaves_the_cart_a_timeout_error_not_silence(SitBus bus) {
        Stub gateway = bus.stub(StubSpec.on(PAYMENT_REQUESTS).named("payment-gateway, silent").rule(Rule.always().reply(Reply.none())));
        startWithoutTheGateway(ofMillis(300));

        shop.cart().checkout(Order.of("o-33", "cy@example.com", "tok_visa", Line.of("sku-pen", 1, "2.50")));

        probe.expect().expect(probe.real(CHECKOUT_RESULTS)).message(allOf(key("o-33"), jsonPath("$.status").isEqualTo("PAYMENT_FAILED"),
                jsonPath("$.error.code").isEqualTo("payment_timeout"),
                jsonPath("$.error.message").isEqualTo("the payment gateway did not answer within 300 ms"))).within(ofSeconds(10));
        gateway.received(exactly(1), correlationId("o-33"), Duration.ZERO);
        assertThat(gateway.exchanges()).singleElement().satisfies(e -> assertThat(e.replies()).isEmpty());
    }
}
