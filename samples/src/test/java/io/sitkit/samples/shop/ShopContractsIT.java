package io.sitkit.samples.shop;

import io.sitkit.contract.Breakage;
import io.sitkit.contract.ConsumerCheck;
import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractChecker;
import io.sitkit.contract.ContractSchema;
import io.sitkit.contract.ContractVerifier;
import io.sitkit.contract.Contracts;
import io.sitkit.contract.VerificationReport;
import io.sitkit.core.Message;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.compat.AvroCompatibility;
import io.sitkit.schema.compat.CompatibilityMode;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.anyMessage;
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
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests: every message a shop run sends keeps the contract of its destination and gives
 * each consumer the fields it reads (Avro checked through the registry), a cart that drifts to
 * snake_case breaks its contract, and a new version of {@code OrderPlaced} is checked against the
 * registry and against what the order and inventory services read before it ships.
 */
@Deep
@SitTest(observe = {CHECKOUT_REQUESTS, CHECKOUT_RESULTS, PAYMENT_REQUESTS, PAYMENT_REPLIES, ORDERS_PLACED, ORDER_EVENTS,
        INVENTORY_EVENTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
class ShopContractsIT {
    static final Path CONTRACTS = Path.of("src/test/resources/shop/contracts");
    static final Path AVRO = Path.of("src/test/resources/shop/avro");

    /** The shop's contracts, on this test's destinations. */
    private static List<Contract> contracts(SitBus bus) {
        return Contracts.load(CONTRACTS).stream().map(c -> c.withDestination(bus.destination(c.destination().toString()))).toList();
    }

    /** Runs a placed order with a discount and a declined one through the shop with {@code bugs}; returns once both are answered. */
    private static void runTwoOrders(ShopProbe probe, Set<Bug> bugs) {
        try (ShopSystem shop = ShopSystem.start(probe.wiring(), bugs)) {
            shop.cart().checkout(Order.of("o-51", "ann@example.com", "tok_visa", Line.of("sku-mug", 2, "7.25")).withDiscountCode("SAVE10"));
            shop.cart().checkout(Order.of("o-52", "bob@example.com", "tok_declined", Line.of("sku-cap", 1, "19.99")));
            probe.expect().expect(probe.real(NOTIFICATIONS)).message(header("orderId", "o-51")).within(ofSeconds(10));
            probe.expect().expect(probe.real(INVENTORY_EVENTS)).message(jsonPath("$.orderId").isEqualTo("o-51")).within(ofSeconds(10));
            probe.expect().expect(probe.real(CHECKOUT_RESULTS)).message(allOf(key("o-52"), jsonPath("$.status").isEqualTo("PAYMENT_FAILED")))
                    .within(ofSeconds(10));
            // every message of both orders is captured before the contracts look at them
            probe.expect().expect(probe.real(PAYMENT_REPLIES)).messages(anyMessage()).count(atLeast(2)).within(ofSeconds(10));
            probe.expect().expect(probe.real(CHECKOUT_RESULTS)).messages(anyMessage()).count(atLeast(2)).within(ofSeconds(10));
        }
    }

    @Test
    void every_message_of_a_shop_run_keeps_its_contract_and_gives_each_consumer_what_it_reads(SitBus bus, SitEnvironment env,
                                                                                            SchemaRegistryClient registry) {
        runTwoOrders(ShopProbe.of(bus, env, registry), Bug.none());

        VerificationReport report = ContractVerifier.of(contracts(bus)).withChecker(ContractChecker.withRegistry(registry))
                .verify(bus.capture().messages());

        assertThat(report).hasNoViolations().hasNoUncoveredDestinations()
                .hasChecked("checkout-requests").hasChecked("payment-requests").hasChecked("payment-replies")
                .hasChecked("checkout-results").hasChecked("orders-placed").hasChecked("order-events")
                .hasChecked("inventory-events").hasChecked("notifications");
    }

    @Test
    void a_cart_that_writes_snake_case_breaks_the_checkout_request_contract(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        runTwoOrders(ShopProbe.of(bus, env, registry), EnumSet.of(Bug.SNAKE_CASE_FIELDS));

        List<Message> seen = bus.capture().messages();
        VerificationReport report = ContractVerifier.of(contracts(bus)).withChecker(ContractChecker.withRegistry(registry)).verify(seen);

        assertThat(report.passed()).isFalse();
        assertThat(report.describe()).isEqualTo("1 contract violation in " + seen.size()
                + " messages checked against 8 contracts\n  checkout-requests @ " + bus.destination(CHECKOUT_REQUESTS)
                + "[0]@0: payload $: property 'discount_code' is not defined in the schema and the schema does not allow"
                + " additional properties (additionalProperties)");
    }

    @Test
    void a_new_order_placed_may_add_an_optional_field_but_not_rename_one_a_consumer_reads(SitBus bus, SchemaRegistryClient registry)
            throws IOException {
        String subject = bus.destination(ORDERS_PLACED).name() + "-value";
        registry.register(subject, SchemaFormat.AVRO, OrderPlacedCodec.SCHEMA.toString());
        registry.setCompatibility(subject, "BACKWARD");
        String giftMessage = Files.readString(AVRO.resolve("OrderPlaced-v2-gift-message.avsc"));
        String discountRenamed = Files.readString(AVRO.resolve("OrderPlaced-v2-discount-renamed.avsc"));

        // the registry's verdict, as the producer's build would ask for it before release
        assertThat(registry.checkCompatibility(subject, SchemaFormat.AVRO, giftMessage).compatible()).isTrue();
        assertThat(registry.checkCompatibility(subject, SchemaFormat.AVRO, discountRenamed).compatible()).isFalse();
        // why, field by field
        assertThat(AvroCompatibility.check(CompatibilityMode.BACKWARD, AvroSchemas.parseOne("v2", discountRenamed),
                List.of(OrderPlacedCodec.SCHEMA)).describe()).contains("discountAmount");
        // and whom it breaks: the consumers' reads in the contract
        Contract placed = Contracts.loadOne(CONTRACTS.resolve("orders-placed.yaml"));
        assertThat(ConsumerCheck.schema(placed, avro(giftMessage, "gift message"), "checkout v2")).isEmpty();
        assertThat(ConsumerCheck.schema(placed, avro(discountRenamed, "discount renamed"), "checkout v2"))
                .extracting(Breakage::consumer, Breakage::path).containsExactly(org.assertj.core.api.Assertions.tuple("orders", "$.discount"));
    }

    private static ContractSchema avro(String text, String source) {
        return new ContractSchema(SchemaFormat.AVRO, text, source, ContractSchema.Encoding.CONFLUENT);
    }
}
