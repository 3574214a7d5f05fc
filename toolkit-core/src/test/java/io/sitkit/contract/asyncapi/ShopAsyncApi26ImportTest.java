package io.sitkit.contract.asyncapi;

import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.ContractSchema.Encoding;
import io.sitkit.contract.RequiredHeader;
import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;
import io.sitkit.schema.SchemaFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.sitkit.contract.asyncapi.Fixtures.contract;
import static io.sitkit.contract.asyncapi.Fixtures.json;
import static io.sitkit.contract.asyncapi.Fixtures.payloadOf;
import static io.sitkit.contract.asyncapi.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The same order service described in AsyncAPI 2.6 (src/test/resources/asyncapi/shop-2.6.yaml). */
class ShopAsyncApi26ImportTest {
    private static AsyncApiImport shop;

    @BeforeAll
    static void importTheShop() {
        shop = AsyncApi.read(resource("shop-2.6.yaml"));
    }

    @Test
    void theVersionAndTitleComeFromTheDocument() {
        assertThat(shop.version()).isEqualTo("2.6.0");
        assertThat(shop.title()).isEqualTo("Shop order service");
    }

    @Test
    void contractsAreNamedByChannelAndMessageIdAndEachOneOfMessageGetsItsOwn() {
        assertThat(shop.contracts()).extracting(Contract::name, Contract::destination).containsExactly(
                tuple("orders.orderPlaced", Destination.kafka("shop.orders.v1")),
                tuple("payments.paymentRequested", Destination.jmsQueue("SHOP.PAYMENTS.REQUEST")),
                tuple("paymentResults.paymentCompleted", Destination.jmsQueue("SHOP.PAYMENTS.RESULT")),
                tuple("paymentResults.paymentFailed", Destination.jmsQueue("SHOP.PAYMENTS.RESULT")),
                tuple("notifications.orderConfirmation", Destination.jmsTopic("shop.notifications")),
                tuple("inventory.stock-levels.stockLevelChanged", Destination.kafka("inventory.stock-levels")));
        assertThat(contract(shop, "paymentResults.paymentFailed").source())
                .isEqualTo("shop-2.6.yaml#/channels/paymentResults/publish/message/oneOf/1");
    }

    @Test
    void subscribeIsWhatTheServiceSendsAndPublishIsWhatItReceives() {
        assertThat(shop.inventory().points())
                .extracting(IntegrationPoint::operationId, IntegrationPoint::direction, IntegrationPoint::message)
                .containsExactly(
                        tuple("publishOrderPlaced", Direction.SEND, "orderPlaced"),
                        tuple("requestPayment", Direction.SEND, "paymentRequested"),
                        tuple("onPaymentResult", Direction.RECEIVE, "paymentCompleted"),
                        tuple("onPaymentResult", Direction.RECEIVE, "paymentFailed"),
                        tuple("sendOrderConfirmation", Direction.SEND, "orderConfirmation"),
                        tuple("onStockLevelChanged", Direction.RECEIVE, "stockLevelChanged"));
    }

    @Test
    void theMessageSchemaFormatMakesTheAvscPayloadAvroInConfluentEncoding() {
        Contract placed = contract(shop, "orders.orderPlaced");
        ContractSchema payload = placed.payload().orElseThrow();

        Schema avro = new Schema.Parser().parse(payload.text());

        assertThat(payload.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(payload.encoding()).isEqualTo(Encoding.CONFLUENT);
        assertThat(payload.source()).isEqualTo("schemas/order-placed.avsc");
        assertThat(avro.getFullName()).isEqualTo("com.example.shop.orders.OrderPlaced");
        assertThat(placed.key().map(ContractSchema::text).map(Fixtures::tree))
                .contains(json("{'type':'string','pattern':'^o-[0-9]+$'}"));
    }

    @Test
    void headersReferredToInAnotherYamlFileBecomeRequiredHeaders() {
        List<RequiredHeader> headers = contract(shop, "inventory.stock-levels.stockLevelChanged").headers();

        assertThat(headers).extracting(RequiredHeader::name).containsExactly("traceparent", "eventType");
        assertThat(headers.get(0).pattern()).map(p -> p.pattern())
                .contains("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
        assertThat(headers.get(1).pattern()).isEmpty();
    }

    @Test
    void schemasAndExamplesAreTheSameAsInTheVersion3Document() {
        AsyncApiImport v3 = AsyncApi.read(resource("shop-3.0.yaml"));

        assertThat(payloadOf(contract(shop, "payments.paymentRequested")))
                .isEqualTo(payloadOf(contract(v3, "payments.paymentRequested")));
        assertThat(payloadOf(contract(shop, "inventory.stock-levels.stockLevelChanged")))
                .isEqualTo(payloadOf(contract(v3, "inventory.stockLevelChanged")));
        assertThat(contract(shop, "orders.orderPlaced").examples())
                .isEqualTo(contract(v3, "orders.orderPlaced").examples());
        assertThat(contract(shop, "orders.orderPlaced").payload().orElseThrow().text())
                .isEqualTo(contract(v3, "orders.orderPlaced").payload().orElseThrow().text());
    }

    @Test
    void bothVersionsDescribeTheSameIntegrationPoints() {
        AsyncApiImport v3 = AsyncApi.read(resource("shop-3.0.yaml"));

        assertThat(shop.inventory().points())
                .extracting(IntegrationPoint::destination, IntegrationPoint::direction, IntegrationPoint::message,
                        IntegrationPoint::format, IntegrationPoint::contentType)
                .containsExactlyElementsOf(v3.inventory().points().stream()
                        .map(p -> tuple(p.destination(), p.direction(), p.message(), p.format(), p.contentType()))
                        .toList());
        assertThat(shop.inventory().at(Destination.kafka("shop.orders.v1")))
                .extracting(IntegrationPoint::format).containsExactly(Optional.of(SchemaFormat.AVRO));
    }

    @Test
    void theAuditChannelWithoutBindingOnMixedServersIsSkippedWithAWarning() {
        assertThat(shop.warnings()).extracting(ImportWarning::describe).containsExactly(
                "shop-2.6.yaml#/channels/shop.audit: channel skipped: it has no kafka or jms binding and its servers "
                        + "mix protocols (kafka, jms); add a kafka or jms channel binding, or list the channel's servers");
    }
}
