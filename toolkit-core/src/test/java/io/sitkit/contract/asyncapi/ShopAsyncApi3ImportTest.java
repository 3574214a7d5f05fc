package io.sitkit.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sitkit.contract.asyncapi.Fixtures.contract;
import static io.sitkit.contract.asyncapi.Fixtures.json;
import static io.sitkit.contract.asyncapi.Fixtures.payloadOf;
import static io.sitkit.contract.asyncapi.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The shop's order service described in AsyncAPI 3.0 (src/test/resources/asyncapi/shop-3.0.yaml). */
class ShopAsyncApi3ImportTest {
    private static AsyncApiImport shop;

    @BeforeAll
    static void importTheShop() {
        shop = AsyncApi.read(resource("shop-3.0.yaml"));
    }

    @Test
    void theVersionAndTitleComeFromTheDocument() {
        assertThat(shop.version()).isEqualTo("3.0.0");
        assertThat(shop.title()).isEqualTo("Shop order service");
    }

    @Test
    void eachMessageOfEachChannelBecomesOneContractNamedByChannelAndMessageKey() {
        Map<String, Destination> destinations = new LinkedHashMap<>();
        shop.contracts().forEach(c -> destinations.put(c.name(), c.destination()));

        assertThat(destinations).containsExactly(
                Map.entry("orders.orderPlaced", Destination.kafka("shop.orders.v1")),
                Map.entry("payments.paymentRequested", Destination.jmsQueue("SHOP.PAYMENTS.REQUEST")),
                Map.entry("paymentResults.paymentCompleted", Destination.jmsQueue("SHOP.PAYMENTS.RESULT")),
                Map.entry("paymentResults.paymentFailed", Destination.jmsQueue("SHOP.PAYMENTS.RESULT")),
                Map.entry("notifications.orderConfirmation", Destination.jmsTopic("shop.notifications")),
                Map.entry("inventory.stockLevelChanged", Destination.kafka("inventory.stock-levels")));
    }

    @Test
    void eachContractNamesTheChannelMessageItCameFrom() {
        assertThat(contract(shop, "orders.orderPlaced").source())
                .isEqualTo("shop-3.0.yaml#/channels/orders/messages/orderPlaced");
        assertThat(contract(shop, "inventory.stockLevelChanged").source())
                .isEqualTo("shop-3.0.yaml#/channels/inventory/messages/stockLevelChanged");
    }

    @Test
    void theOrderPayloadIsTheAvroSchemaOfTheAvscFileInConfluentEncoding() {
        Contract placed = contract(shop, "orders.orderPlaced");
        ContractSchema payload = placed.payload().orElseThrow();

        Schema avro = new Schema.Parser().parse(payload.text());

        assertThat(payload.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(payload.encoding()).isEqualTo(Encoding.CONFLUENT);
        assertThat(payload.source()).isEqualTo("schemas/order-placed.avsc");
        assertThat(avro.getFullName()).isEqualTo("com.example.shop.orders.OrderPlaced");
        assertThat(avro.getFields()).extracting(Schema.Field::name).containsExactly(
                "orderId", "customerId", "items", "totalCents", "currency", "discountCode", "placedAt");
        assertThat(avro.getField("items").schema().getElementType().getFullName())
                .isEqualTo("com.example.shop.orders.LineItem");
        assertThat(placed.contentType()).isEqualTo("avro/binary");
    }

    @Test
    void theOrderKeySchemaComesFromTheKafkaMessageBinding() {
        ContractSchema key = contract(shop, "orders.orderPlaced").key().orElseThrow();

        assertThat(key.format()).isEqualTo(SchemaFormat.JSON_SCHEMA);
        assertThat(key.encoding()).isEqualTo(Encoding.PLAIN);
        assertThat(json(key.text())).isEqualTo(json("{'type':'string','pattern':'^o-[0-9]+$'}"));
        assertThat(key.source()).isEqualTo("shop-3.0.yaml#/components/messages/OrderPlaced/bindings/kafka/key");
    }

    @Test
    void aJsonSchemaPayloadSpreadOverFilesComesOutFullyResolved() {
        Contract requested = contract(shop, "payments.paymentRequested");
        JsonNode schema = payloadOf(requested);

        assertThat(requested.payload().orElseThrow().source()).isEqualTo("schemas/payment-requested.json");
        assertThat(requested.payload().orElseThrow().encoding()).isEqualTo(Encoding.PLAIN);
        assertThat(schema.at("/properties/amount/title").asText()).isEqualTo("Money");
        assertThat(schema.at("/properties/amount/properties/currency"))
                .isEqualTo(json("{'type':'string','pattern':'^[A-Z]{3}$'}"));
        assertThat(schema.findValues("$ref")).isEmpty();
    }

    @Test
    void payloadsReferringToComponentsAreInlinedWithTheirNestedReferences() {
        JsonNode schema = payloadOf(contract(shop, "inventory.stockLevelChanged"));

        assertThat(schema).isEqualTo(json("""
                {'type':'object','required':['sku','warehouse','available'],
                 'properties':{'sku':{'type':'string'},'warehouse':{'type':'string'},
                   'available':{'type':'integer','minimum':0},
                   'reason':{'type':'string','enum':['SOLD','RESTOCKED','RETURNED','CORRECTED']}}}"""));
        assertThat(contract(shop, "inventory.stockLevelChanged").payload().orElseThrow().source())
                .isEqualTo("shop-3.0.yaml#/components/schemas/StockLevelChanged");
    }

    @Test
    void requiredHeadersComeFromTheTraitsHeadersSchemaInTheSharedFileWithTheirPatterns() {
        List<RequiredHeader> headers = contract(shop, "inventory.stockLevelChanged").headers();

        assertThat(headers).extracting(RequiredHeader::name).containsExactly("traceparent", "eventType");
        assertThat(headers.get(0).pattern()).map(p -> p.pattern())
                .contains("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
        assertThat(headers.get(0).pattern().orElseThrow()
                .matcher("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").matches()).isTrue();
        assertThat(headers.get(0).pattern().orElseThrow().matcher("01-4bf92f35-00f067aa-01").matches()).isFalse();
        assertThat(headers.get(1).pattern()).isEmpty();
    }

    @Test
    void requiredHeadersWithoutPatternOnlyNeedToBePresent() {
        assertThat(contract(shop, "payments.paymentRequested").headers())
                .containsExactly(RequiredHeader.present("correlationId"));
        assertThat(contract(shop, "notifications.orderConfirmation").headers()).isEmpty();
    }

    @Test
    void theContentTypeIsTheMessagesOwnElseTheDocumentDefault() {
        assertThat(contract(shop, "orders.orderPlaced").contentType()).isEqualTo("avro/binary");
        assertThat(contract(shop, "notifications.orderConfirmation").contentType()).isEqualTo("application/json");
    }

    @Test
    void examplePayloadsBecomeJsonText() {
        assertThat(contract(shop, "payments.paymentRequested").examples()).containsExactly(
                "{\"paymentId\":\"p-501\",\"orderId\":\"o-1001\",\"amount\":{\"cents\":4598,\"currency\":\"EUR\"},"
                        + "\"method\":\"CARD\"}");
        assertThat(contract(shop, "inventory.stockLevelChanged").examples()).containsExactly(
                "{\"sku\":\"MUG-01\",\"warehouse\":\"berlin-1\",\"available\":41,\"reason\":\"SOLD\"}");
        assertThat(contract(shop, "paymentResults.paymentFailed").examples()).isEmpty();
    }

    @Test
    void theOrderExampleIsValidAgainstTheAvroSchemaAsJson() throws Exception {
        Contract placed = contract(shop, "orders.orderPlaced");
        Schema avro = new Schema.Parser().parse(placed.payload().orElseThrow().text());
        String example = placed.examples().get(0)
                .replace("\"discountCode\":\"WELCOME10\"", "\"discountCode\":{\"string\":\"WELCOME10\"}");

        Object decoded = new org.apache.avro.generic.GenericDatumReader<>(avro).read(null,
                org.apache.avro.io.DecoderFactory.get().jsonDecoder(avro, example));

        assertThat(decoded).hasToString(
                "{\"orderId\": \"o-1001\", \"customerId\": \"c-7\", \"items\": [{\"sku\": \"MUG-01\", \"quantity\": 2, "
                        + "\"unitPriceCents\": 1299}, {\"sku\": \"TEE-42\", \"quantity\": 1, \"unitPriceCents\": 2000}], "
                        + "\"totalCents\": 4598, \"currency\": \"EUR\", \"discountCode\": \"WELCOME10\", "
                        + "\"placedAt\": 1767225600000}");
    }

    @Test
    void theInventoryListsWhatTheServiceSendsAndReceivesIncludingTheReplyToItsPaymentRequest() {
        assertThat(shop.inventory().points())
                .extracting(IntegrationPoint::destination, IntegrationPoint::direction, IntegrationPoint::operationId,
                        IntegrationPoint::message, IntegrationPoint::contract, IntegrationPoint::format,
                        IntegrationPoint::contentType)
                .containsExactly(
                        tuple(Destination.kafka("shop.orders.v1"), Direction.SEND, "publishOrderPlaced", "orderPlaced",
                                "orders.orderPlaced", Optional.of(SchemaFormat.AVRO), "avro/binary"),
                        tuple(Destination.jmsQueue("SHOP.PAYMENTS.REQUEST"), Direction.SEND, "requestPayment",
                                "paymentRequested", "payments.paymentRequested", Optional.of(SchemaFormat.JSON_SCHEMA),
                                "application/json"),
                        tuple(Destination.jmsQueue("SHOP.PAYMENTS.RESULT"), Direction.RECEIVE, "requestPayment",
                                "paymentCompleted", "paymentResults.paymentCompleted",
                                Optional.of(SchemaFormat.JSON_SCHEMA), "application/json"),
                        tuple(Destination.jmsQueue("SHOP.PAYMENTS.RESULT"), Direction.RECEIVE, "requestPayment",
                                "paymentFailed", "paymentResults.paymentFailed", Optional.of(SchemaFormat.JSON_SCHEMA),
                                "application/json"),
                        tuple(Destination.jmsTopic("shop.notifications"), Direction.SEND, "sendOrderConfirmation",
                                "orderConfirmation", "notifications.orderConfirmation",
                                Optional.of(SchemaFormat.JSON_SCHEMA), "application/json"),
                        tuple(Destination.kafka("inventory.stock-levels"), Direction.RECEIVE, "onStockLevelChanged",
                                "stockLevelChanged", "inventory.stockLevelChanged",
                                Optional.of(SchemaFormat.JSON_SCHEMA), "application/json"));
    }

    @Test
    void theInventoryAnswersWhichPointsUseADestination() {
        IntegrationInventory inventory = shop.inventory();

        assertThat(inventory.destinations()).containsExactly(Destination.kafka("shop.orders.v1"),
                Destination.jmsQueue("SHOP.PAYMENTS.REQUEST"), Destination.jmsQueue("SHOP.PAYMENTS.RESULT"),
                Destination.jmsTopic("shop.notifications"), Destination.kafka("inventory.stock-levels"));
        assertThat(inventory.at(Destination.jmsQueue("SHOP.PAYMENTS.RESULT")))
                .extracting(IntegrationPoint::message).containsExactly("paymentCompleted", "paymentFailed");
        assertThat(inventory.at(Destination.kafka("shop.audit"))).isEmpty();
        assertThat(shop.contractsAt(Destination.jmsQueue("SHOP.PAYMENTS.RESULT"))).extracting(Contract::name)
                .containsExactly("paymentResults.paymentCompleted", "paymentResults.paymentFailed");
    }

    @Test
    void theAuditChannelWithoutBindingOnMixedServersIsSkippedWithAWarning() {
        assertThat(shop.warnings()).extracting(ImportWarning::describe).containsExactly(
                "shop-3.0.yaml#/channels/audit: channel skipped: it has no kafka or jms binding and its servers mix "
                        + "protocols (kafka, jms); add a kafka or jms channel binding, or list the channel's servers");
        assertThat(shop.warnings().get(0).pointer()).isEqualTo("/channels/audit");
        assertThat(shop.contracts()).extracting(Contract::name).noneMatch(n -> n.startsWith("audit"));
    }
}
