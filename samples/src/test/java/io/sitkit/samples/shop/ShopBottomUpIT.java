package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.shop.ShopSystem.Service;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.header;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.shop.ShopProbe.INVENTORY_EVENTS;
import static io.sitkit.samples.shop.ShopProbe.NOTIFICATIONS;
import static io.sitkit.samples.shop.ShopProbe.ORDERS_PLACED;
import static io.sitkit.samples.shop.ShopProbe.ORDER_EVENTS;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REPLIES;
import static io.sitkit.samples.shop.ShopProbe.PAYMENT_REQUESTS;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bottom-up integration: the lowest services first, each alone, driven by messages the test
 * publishes as their upstream would — a JMS payment request with {@code JMSReplyTo} and a correlation
 * id, an Avro {@code OrderPlaced} in the Confluent wire format, a JSON {@code OrderConfirmed} — before
 * the services above them are added ({@link ShopTopDownIT}, {@link ShopBigBangIT}).
 */
@Deep
@SitTest(observe = {PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS, INVENTORY_EVENTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopBottomUpIT {
    private ShopProbe probe;
    private ShopSystem shop;

    @BeforeEach
    void probe(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        probe = ShopProbe.of(bus, env, registry);
    }

    @AfterEach
    void stopTheServices() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void the_payment_gateway_alone_answers_each_request_on_its_reply_to_with_its_correlation_id(SitBus bus) {
        shop = ShopSystem.with(probe.wiring()).only(Service.PAYMENT_GATEWAY).start();

        for (String[] p : new String[][]{{"o-41", "16.23", "tok_visa"}, {"o-42", "16.23", "tok_expired"}, {"o-43", "5000.01", "tok_visa"}}) {
            bus.publish(OutgoingMessage.text(PAYMENT_REQUESTS, """
                    {"orderId": "%s", "amount": %s, "currency": "USD", "cardToken": "%s"}""".formatted(p[0], p[1], p[2]))
                    .withCorrelationId(p[0]).withReplyTo(probe.at(PAYMENT_REPLIES)));
        }

        assertThat(probe.expect().expect(probe.real(PAYMENT_REPLIES)).message(correlationId("o-41")).within(ofSeconds(10)))
                .hasJsonPath("$.status", "APPROVED").hasJsonPath("$.amount", 16.23).hasJsonPath("$.paymentId");
        assertThat(probe.expect().expect(probe.real(PAYMENT_REPLIES)).message(correlationId("o-42")).within(ofSeconds(10)))
                .hasJsonPath("$.status", "DECLINED").hasJsonPath("$.error.code", "expired_card")
                .hasJsonPath("$.error.message", "The card has expired.");
        assertThat(probe.expect().expect(probe.real(PAYMENT_REPLIES)).message(correlationId("o-43")).within(ofSeconds(10)))
                .hasJsonPath("$.error.code", "amount_over_limit")
                .hasJsonPath("$.error.message", "The amount of 5000.01 is over the limit of 5000.");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void inventory_and_orders_alone_turn_an_avro_order_placed_into_stock_reservations_and_an_invoice(SitBus bus) throws Exception {
        shop = ShopSystem.with(probe.wiring()).only(Service.INVENTORY, Service.ORDERS).start();
        String topic = probe.at(ORDERS_PLACED).name();
        byte[] framed = OrderPlacedCodec.connect(probe.wiring()).encode(topic, new ObjectMapper().readTree("""
                {"orderId": "o-44", "customerEmail": "dee@example.com",
                 "lines": [{"sku": "sku-mug", "quantity": 1, "unitPrice": 7.25}, {"sku": "sku-tee", "quantity": 1, "unitPrice": 14.99}],
                 "discountCode": null, "subtotal": 22.24, "discount": 0, "tax": 1.83, "total": 24.07, "currency": "USD", "paymentId": "pay-9"}"""));

        bus.publish(OutgoingMessage.bytes(ORDERS_PLACED, framed).withKey("o-44").withHeader("eventType", "OrderPlaced"));

        probe.expect().expect(probe.real(INVENTORY_EVENTS)).messages(jsonPath("$.orderId").isEqualTo("o-44")).count(atLeast(2))
                .within(ofSeconds(10));
        probe.expect().expect(probe.real(INVENTORY_EVENTS)).message(allOf(key("sku-tee"), jsonPath("$.remaining").isEqualTo(24)))
                .within(ofSeconds(1));
        assertThat(shop.inventory().stock("sku-mug")).hasValue(39);
        Message invoice = probe.expect().expect(probe.real(ORDER_EVENTS)).message(key("o-44")).within(ofSeconds(10));
        assertThat(invoice).hasJsonPath("$.type", "OrderConfirmed").hasJsonPath("$.subtotal", 22.24).hasJsonPath("$.tax", 1.83)
                .hasJsonPath("$.total", 24.07).hasJsonPath("$.lines[1].lineTotal", 14.99);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void notifications_alone_turn_an_order_confirmed_into_the_customers_confirmation(SitBus bus) {
        shop = ShopSystem.with(probe.wiring()).only(Service.NOTIFICATIONS).start();

        bus.publish(ORDER_EVENTS, "o-45", """
                {"type": "OrderConfirmed", "orderId": "o-45", "customerEmail": "eve@example.com",
                 "lines": [{"sku": "sku-cap", "quantity": 2, "unitPrice": 19.99, "lineTotal": 39.98}],
                 "discountCode": null, "subtotal": 39.98, "discount": 0.00, "tax": 3.30, "total": 43.28, "currency": "USD", "paymentId": "pay-7"}""");

        Message mail = probe.expect().expect(probe.real(NOTIFICATIONS)).message(header("orderId", "o-45")).within(ofSeconds(10));
        assertThat(mail).hasProperty("eventType", "OrderConfirmation").isEquivalentTo("""
                {"orderId": "o-45", "to": "eve@example.com", "subject": "Your order o-45 is confirmed",
                 "lines": [{"sku": "sku-cap", "quantity": 2, "lineTotal": 39.98}],
                 "subtotal": 39.98, "discount": 0.00, "tax": 3.30, "total": 43.28, "currency": "USD"}""");
    }
}
