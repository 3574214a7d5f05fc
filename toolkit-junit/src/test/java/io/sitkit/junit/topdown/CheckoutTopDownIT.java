package io.sitkit.junit.topdown;

import io.sitkit.core.Message;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.stub.Exchange;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import io.sitkit.stub.StubVerificationError;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static io.sitkit.expect.Count.exactly;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.match.Matchers.matching;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Top-down integration testing: the checkout is tested before the payment service exists, against
 * a stub of the payment gateway, and the same tests run against the real payment service once it
 * does. The two nested classes differ in one line: the payment backend they pass to
 * {@link CheckoutFlow}. The tests of this outer class use what only a stub can do: scenarios,
 * silence, and a verification that fails.
 */
@SitTest(observe = CheckoutTopDownIT.ORDER_EVENTS)
class CheckoutTopDownIT {
    static final String PAYMENT_REQUESTS = "jms:queue:payment.requests";
    static final String ORDER_EVENTS = "kafka:order-events";
    /** The caller's trace (the W3C example): every event of the order must stay in it. */
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    static final String IN_THE_CALLERS_TRACE = "00-" + TRACE_ID + "-[0-9a-f]{16}-01";

    static final Reply APPROVED = Reply.json("""
            {"orderId": "{{ $.orderId }}", "status": "APPROVED", "paymentId": "{{ uuid() }}"}""");

    /** The payment gateway as the checkout team was told it behaves: declines over 1000, approves the rest. */
    static final StubSpec PAYMENT_GATEWAY = StubSpec.on(PAYMENT_REQUESTS).named("payment-gateway")
            .rule(Rule.when(jsonPath("$.amount").isGreaterThan(1000)).named("over the limit")
                    .reply(Reply.json("""
                            {"orderId": "{{ $.orderId }}", "status": "DECLINED"}""")))
            .rule(Rule.always().named("within the limit").reply(APPROVED));

    /** Which payment service answers the checkout's requests. */
    enum Payment { STUBBED, REAL }

    // The one line that differs: which payment service answers. A team without the payment service has
    // only the first class; when the service exists it adds the second (or changes STUBBED to REAL).
    @Nested
    class WithTheStubbedGateway extends CheckoutFlow {
        WithTheStubbedGateway() { super(Payment.STUBBED); }
    }

    @Nested
    class WithTheRealPaymentService extends CheckoutFlow {
        WithTheRealPaymentService() { super(Payment.REAL); }
    }

    /** The checkout's flow, whichever payment service answers; the nested classes observe what the outer {@code @SitTest} says. */
    abstract static class CheckoutFlow {
        private final Payment payment;
        private Stub gateway;
        private RealPaymentService realPayment;
        private CheckoutService checkout;

        CheckoutFlow(Payment payment) {
            this.payment = payment;
        }

        @BeforeEach
        void startPaymentThenCheckout(SitBus bus, SitEnvironment env) throws JMSException {
            if (payment == Payment.STUBBED) {
                gateway = bus.stub(PAYMENT_GATEWAY); // on this test's queue name; stopped by sitkit after the test
            } else {
                realPayment = RealPaymentService.start(env.jmsBrokerUrl(), bus.destination(PAYMENT_REQUESTS).name());
            }
            checkout = checkout(bus, env, ofSeconds(5));
        }

        @AfterEach
        void stopCheckoutThenPayment() throws JMSException {
            try {
                if (checkout != null) {
                    checkout.close();
                }
            } finally {
                if (realPayment != null) {
                    realPayment.close(); // in stub mode sitkit stops the stub after the test
                }
            }
        }

        @Test
        void an_order_within_the_limit_is_confirmed_in_the_callers_trace(SitBus bus) throws Exception {
            checkout.placeOrder("o-1", new BigDecimal("250.00"), TRACEPARENT);

            Message event = bus.expect(ORDER_EVENTS).message(allOf(key("o-1"), jsonPath("$.type").isEqualTo("OrderConfirmed")))
                    .within(ofSeconds(10));
            assertThat(event.headers().lastAsString("traceparent")).hasValueSatisfying(
                    t -> assertThat(t).matches(IN_THE_CALLERS_TRACE).isNotEqualTo(TRACEPARENT));
            assertThat(event.payload()).asString().contains("\"paymentId\":\"");
            if (payment == Payment.STUBBED) {
                gateway.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-1"));
            }
        }

        @Test
        void an_order_over_the_limit_is_rejected_as_declined(SitBus bus) throws Exception {
            checkout.placeOrder("o-2", new BigDecimal("1500.00"), TRACEPARENT);

            Message event = bus.expect(ORDER_EVENTS).message(allOf(key("o-2"), jsonPath("$.type").isEqualTo("OrderRejected"),
                    jsonPath("$.reason").isEqualTo("DECLINED"))).within(ofSeconds(10));
            assertThat(event.headers().lastAsString("traceparent")).hasValueSatisfying(t -> assertThat(t).matches(IN_THE_CALLERS_TRACE));
            if (payment == Payment.STUBBED) {
                gateway.received(exactly(1), allOf(jsonPath("$.orderId").isEqualTo("o-2"), jsonPath("$.amount").isEqualTo(1500)));
            }
        }

        @Test
        void the_limit_itself_is_still_approved(SitBus bus) throws Exception {
            checkout.placeOrder("o-3", new BigDecimal("1000"), TRACEPARENT);

            bus.expect(ORDER_EVENTS).message(allOf(key("o-3"), jsonPath("$.type").isEqualTo("OrderConfirmed"))).within(ofSeconds(10));
            if (payment == Payment.STUBBED) {
                gateway.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-3"));
            }
        }
    }

    // What only a stub can do: a scenario, silence, and a verification that must fail.

    @Test
    void a_payment_error_is_retried_once_and_the_retry_confirms_the_order(SitBus bus, SitEnvironment env) throws Exception {
        Stub gateway = bus.stub(StubSpec.on(PAYMENT_REQUESTS).named("payment-gateway, failing once")
                .rule(Rule.always().inState(Rule.STARTED).thenState("recovered").reply(Reply.json("""
                        {"orderId": "{{ $.orderId }}", "status": "ERROR", "error": "acquirer unavailable"}""")))
                .rule(Rule.always().inState("recovered").reply(APPROVED)));

        try (CheckoutService checkout = checkout(bus, env, ofSeconds(5))) {
            checkout.placeOrder("o-7", new BigDecimal("99.90"), TRACEPARENT);
        }

        bus.expect(ORDER_EVENTS).message(allOf(key("o-7"), jsonPath("$.type").isEqualTo("OrderConfirmed"))).within(ofSeconds(10));
        gateway.received(exactly(2), allOf(jsonPath("$.orderId").isEqualTo("o-7"), matching("in the caller's trace",
                m -> m.headers().lastAsString("traceparent").orElse("").matches(IN_THE_CALLERS_TRACE))));
        assertThat(gateway.exchanges()).extracting(Exchange::stateBefore, Exchange::stateAfter)
                .containsExactly(tuple(Rule.STARTED, "recovered"), tuple("recovered", "recovered"));
    }

    @Test
    void a_payment_service_that_never_answers_gets_the_order_rejected_after_the_checkouts_timeout(SitBus bus, SitEnvironment env)
            throws Exception {
        Stub gateway = bus.stub(StubSpec.on(PAYMENT_REQUESTS).named("payment-gateway, silent").rule(Rule.always().reply(Reply.none())));

        try (CheckoutService checkout = checkout(bus, env, ofMillis(300))) {
            checkout.placeOrder("o-8", new BigDecimal("10"), TRACEPARENT);
        }

        bus.expect(ORDER_EVENTS).message(allOf(key("o-8"), jsonPath("$.type").isEqualTo("OrderRejected"),
                jsonPath("$.reason").isEqualTo("payment did not answer within 300 ms"))).within(ofSeconds(10));
        gateway.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-8"));
    }

    @Test
    void a_stub_verification_that_does_not_hold_lists_every_request_and_what_it_lacked(SitBus bus, SitEnvironment env)
            throws Exception {
        Stub gateway = bus.stub(PAYMENT_GATEWAY);
        try (CheckoutService checkout = checkout(bus, env, ofSeconds(5))) {
            checkout.placeOrder("o-4", new BigDecimal("250"), TRACEPARENT);
            checkout.placeOrder("o-5", new BigDecimal("1500"), TRACEPARENT);
        }

        // no wait: each request was recorded before its reply went out, and the checkout has had both replies
        assertThatThrownBy(() -> gateway.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-6"), Duration.ZERO))
                .isInstanceOf(StubVerificationError.class)
                .satisfies(e -> assertThat(withoutMessageIds(e.getMessage())).isEqualTo("""
                        expected exactly 1 request matching $.orderId == "o-6"
                          at stub payment-gateway on %1$s
                          within 0ms
                          but saw 0 matching of 2 received
                          the stub answered 2, no rule took 0, could not answer 0
                          nearest misses (2 of 2 on %1$s):
                            %1$s id=<id> {"orderId":"o-4","amount":250}
                              FAIL $.orderId == "o-6": was "o-4"
                            %1$s id=<id> {"orderId":"o-5","amount":1500}
                              FAIL $.orderId == "o-6": was "o-5\"""".formatted(bus.destination(PAYMENT_REQUESTS))));
    }

    /** The message with each request's JMS message id replaced by {@code <id>}. */
    private static String withoutMessageIds(String message) {
        return message.replaceAll("id=ID:\\S+", "id=<id>");
    }

    static CheckoutService checkout(SitBus bus, SitEnvironment env, Duration paymentTimeout) throws JMSException {
        return new CheckoutService(env.connectionProperties(), bus.destination(PAYMENT_REQUESTS).name(),
                bus.destination(ORDER_EVENTS).name(), paymentTimeout);
    }
}
