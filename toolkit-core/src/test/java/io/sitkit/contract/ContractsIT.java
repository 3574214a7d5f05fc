package io.sitkit.contract;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.Expectations;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.SchemaLookup;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sitkit.match.Matchers.key;
import static io.sitkit.match.Matchers.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contracts checked on messages that went through real embedded Kafka and ActiveMQ. */
@ExtendWith(SharedEmbedded.class)
class ContractsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final AvroSchemas AVRO = AvroSchemas.load(Path.of("src/test/resources/avro"));
    private static final Schema ORDER = AVRO.get("io.sitkit.samples.orders.OrderPlaced");
    private static final Schema MONEY = AVRO.get("io.sitkit.samples.common.Money");
    private static final SchemaLookup REGISTRY = id -> switch (id) {
        case 1 -> new RegisteredSchema(1, "orders-value", 1, SchemaFormat.AVRO, ORDER.toString());
        case 2 -> new RegisteredSchema(2, "money-value", 1, SchemaFormat.AVRO, MONEY.toString());
        default -> throw new IllegalStateException("no schema " + id);
    };
    private static final String ORDER_JSON = io.sitkit.schema.avro.Samples.ORDER_JSON;

    private Bus bus;
    private Contract orders;
    private Contract payments;

    @BeforeEach
    void setUp(EmbeddedEnvironment env, TestInfo info) {
        bus = env.openBus();
        String id = info.getTestMethod().orElseThrow().getName() + "-" + RUN.incrementAndGet();
        orders = Contracts.loadOne(ContractsTest.DIR.resolve("orders-placed.yaml")).withDestination(Destination.kafka("orders-" + id));
        payments = Contracts.loadOne(ContractsTest.DIR.resolve("payments-requested.yaml"))
                .withDestination(Destination.jmsQueue("payments-" + id));
        bus.kafka().createTopic(orders.destination().name(), 1);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    private void publishOrders() {
        byte[] good = ConfluentWireFormat.frame(1, AvroCodec.of(ORDER).encodeJson(ORDER_JSON));
        bus.publish(OutgoingMessage.bytes(orders.destination(), good).withKey("o-1001")
                .withHeaders(Headers.of(Header.of("traceparent", TRACE), Header.of("eventType", "OrderPlaced"))));
        byte[] money = ConfluentWireFormat.frame(2, AvroCodec.of(MONEY).encodeJson("{\"amount\":1.00,\"currency\":\"EUR\"}"));
        bus.publish(OutgoingMessage.bytes(orders.destination(), money).withKey("order-7")
                .withHeaders(Headers.of(Header.of("traceparent", "none"))));
    }

    @Test
    void a_message_that_keeps_the_contract_passes_and_one_that_breaks_it_fails_with_its_violations() {
        try (Capture capture = bus.capture(orders.destination())) {
            publishOrders();
            Expectations expect = Expectations.of(capture);
            ContractChecker checker = ContractChecker.withRegistry(REGISTRY);

            var good = expect.expect(orders.destination()).message(key("o-1001"))
                    .conformingTo(checker.conformance(orders)).within(WAIT);
            assertThat(good.keyText()).hasValue("o-1001");

            assertThatThrownBy(() -> expect.expect(orders.destination()).message(key("order-7"))
                    .conformingTo(checker.conformance(orders)).within(WAIT))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("expected a message matching key == \"order-7\", conforming to contract "
                            + orders.name() + " (Avro io.sitkit.samples.orders.OrderPlaced, Confluent-framed)\n")
                    .hasMessageContaining("\n  but message " + orders.destination() + "[0]@1 violates contract orders-placed"
                            + " (Avro io.sitkit.samples.orders.OrderPlaced, Confluent-framed):\n"
                            + "    - header `traceparent` = 'none' does not match 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\n"
                            + "    - header `eventType` is missing (has: traceparent)\n"
                            + "    - key $: does not match the regex pattern ^o-[0-9]+$ (pattern)\n"
                            + "    - payload: cannot decode Avro value of io.sitkit.samples.common.Money read as"
                            + " io.sitkit.samples.orders.OrderPlaced at " + orders.destination() + "[0]@1: not a value of this schema: Found io.sitkit.samples.common.Money,"
                            + " expecting io.sitkit.samples.orders.OrderPlaced, missing required field shipTo (11 bytes, first: 00 00 00 00"
                            + " 02 02 64 06 45 55 52)");
        }
    }

    @Test
    void the_verifier_lists_every_violation_of_every_contract_over_a_capture() {
        try (Capture capture = bus.capture(orders.destination(), payments.destination())) {
            publishOrders();
            bus.publish(OutgoingMessage.text(payments.destination(),
                    "{\"paymentId\":\"p-1\",\"orderId\":\"o-1001\",\"amount\":39.80,\"currency\":\"EUR\",\"method\":\"CARD\"}")
                    .withHeader(Header.of("orderId", "o-1001")));
            bus.publish(OutgoingMessage.text(payments.destination(),
                    "{\"paymentId\":\"p-2\",\"orderId\":\"o-1002\",\"amount\":-5,\"currency\":\"JPY\",\"method\":\"CARD\"}")
                    .withHeader(Header.of("orderId", "o-1002")));
            bus.publish(OutgoingMessage.text(payments.destination(),
                    "{\"paymentId\":\"p-3\",\"orderId\":\"o-1003\",\"amount\":10,\"currency\":\"EUR\",\"method\":\"SEPA\",\"note\":\"gift\"}")
                    .withHeader(Header.of("orderId", "o-1003")));
            capture.await(orders.destination(), 2, WAIT);
            capture.await(payments.destination(), 3, WAIT);

            VerificationReport report = ContractVerifier.of(List.of(orders, payments))
                    .withChecker(ContractChecker.withRegistry(REGISTRY)).verify(capture.messages());

            assertThat(report.checked()).containsEntry(orders.name(), 2).containsEntry(payments.name(), 3);
            assertThat(report.violations()).extracting(Violation::consumer, Violation::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("", "header `traceparent` = 'none' does not match 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                    org.assertj.core.groups.Tuple.tuple("", "header `eventType` is missing (has: traceparent)"),
                    org.assertj.core.groups.Tuple.tuple("", "key $: does not match the regex pattern ^o-[0-9]+$ (pattern)"),
                    org.assertj.core.groups.Tuple.tuple("", "payload: cannot decode Avro value of io.sitkit.samples.common.Money read as"
                            + " io.sitkit.samples.orders.OrderPlaced at " + orders.destination() + "[0]@1: not a value of this schema:"
                            + " Found io.sitkit.samples.common.Money, expecting io.sitkit.samples.orders.OrderPlaced, missing required"
                            + " field shipTo (11 bytes, first: 00 00 00 00 02 02 64 06 45 55 52)"),
                    org.assertj.core.groups.Tuple.tuple("", "payload $.amount: must have an exclusive minimum value of 0 (exclusiveMinimum)"),
                    org.assertj.core.groups.Tuple.tuple("", "payload $.currency: does not have a value in the enumeration [\"EUR\", \"USD\", \"GBP\"] (enum)"),
                    org.assertj.core.groups.Tuple.tuple("ledger", "message " + payments.destination() + " id="
                            + capture.messages(payments.destination()).get(2).jms().orElseThrow().messageId()
                            + " carries `$.note`, unknown to consumer `ledger`, whose schema forbids unknown fields at `$`"
                            + " (additionalProperties: false) — breaks ledger"));
            assertThat(report.describe()).startsWith("7 contract violations in 5 messages checked against 2 contracts\n  orders-placed @ ");
        }
    }
}
