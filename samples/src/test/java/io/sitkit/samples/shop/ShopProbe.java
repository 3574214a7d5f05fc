package io.sitkit.samples.shop;

import io.sitkit.core.Destination;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Expectations;
import io.sitkit.expect.FieldMapping;
import io.sitkit.expect.FlowExpectation;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.redact.Redactor;
import io.sitkit.samples.support.Wiring;
import io.sitkit.schema.DecodedCapture;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.registry.SchemaRegistryClient;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One test's view of the shop: its destinations by their logical addresses, the wiring that starts
 * the services on this test's names, and expectations that read {@code OrderPlaced} (Avro) as JSON
 * and correlate every destination by order id — the Kafka key, the JMS correlation id, the
 * {@code orderId} field of inventory events or property of notifications.
 *
 * <pre>{@code
 * ShopProbe probe = ShopProbe.of(bus, env, registry);
 * try (ShopSystem shop = ShopSystem.start(probe.wiring(), Bug.none())) {
 *     probe.flow("o-1", CHECKOUT_REQUESTS, ORDERS_PLACED).within(ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Thread-safety: for the test's own thread.
 */
final class ShopProbe {
    static final String CHECKOUT_REQUESTS = "kafka:checkout-requests";
    static final String CHECKOUT_RESULTS = "kafka:checkout-results";
    static final String PAYMENT_REQUESTS = "jms:queue:payment.requests";
    static final String PAYMENT_REPLIES = "jms:queue:payment.replies";
    static final String PAYMENT_RESPONSES = "jms:queue:payment.responses";
    static final String ORDERS_PLACED = "kafka:orders-placed";
    static final String ORDER_EVENTS = "kafka:order-events";
    static final String INVENTORY_EVENTS = "kafka:inventory-events";
    static final String NOTIFICATIONS = "jms:topic:notifications";

    private final SitBus bus;
    private final Wiring wiring;
    private final PayloadDecoder avro;
    private final Expectations expect;

    private ShopProbe(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        this.bus = bus;
        Map<String, String> connection = new HashMap<>(env.connectionProperties());
        connection.put(OrderPlacedCodec.REGISTRY_URL, registry.settings().url());
        this.wiring = Wiring.of(connection, bus::destination);
        this.avro = RegistryAvro.using(registry).payloads();
        DecodedCapture capture = DecodedCapture.of(bus.capture());
        if (capture.destinations().contains(bus.destination(ORDERS_PLACED))) {
            capture = capture.decoding(bus.destination(ORDERS_PLACED), avro);
        }
        this.expect = Expectations.of(capture)
                .withRedactor(Redactor.from(env.config()))
                .withCorrelation(CorrelationRules.byDefault(KeySource.kafkaKey())
                        .on(bus.destination(PAYMENT_REQUESTS), KeySource.jmsCorrelationId())
                        .on(bus.destination(PAYMENT_REPLIES), KeySource.jmsCorrelationId())
                        .on(bus.destination(PAYMENT_RESPONSES), KeySource.jmsCorrelationId())
                        .on(bus.destination(INVENTORY_EVENTS), KeySource.jsonPath("$.orderId"))
                        .on(bus.destination(NOTIFICATIONS), KeySource.header("orderId")));
    }

    static ShopProbe of(SitBus bus, SitEnvironment env, SchemaRegistryClient registry) {
        return new ShopProbe(bus, env, registry);
    }

    /** Brokers, registry and this test's names, for starting services. */
    Wiring wiring() {
        return wiring;
    }

    /** The decoder of {@code OrderPlaced} payloads (Confluent-framed Avro, schema by id from the registry). */
    PayloadDecoder avro() {
        return avro;
    }

    /** Expectations over the observed destinations, {@code OrderPlaced} decoded, correlated by order id. */
    Expectations expect() {
        return expect;
    }

    /** The real destination of a logical address for this test. */
    Destination at(String address) {
        return bus.destination(address);
    }

    /** The real address of a logical one for this test ({@code kafka:orders-placed.t1a2b-7}). */
    String real(String address) {
        return bus.destination(address).toString();
    }

    /** A flow of {@code orderId} through these logical addresses. */
    FlowExpectation flow(String orderId, String... addresses) {
        return expect.expectFlow(orderId).through(Arrays.stream(addresses).map(this::real).toArray(String[]::new));
    }

    /** A field that must keep its value: pairs of logical address and JSON path. */
    FieldMapping same(String address, String path, String... morePairs) {
        FieldMapping m = FieldMapping.of(real(address), path);
        for (int i = 0; i + 1 < morePairs.length; i += 2) {
            m = m.and(real(morePairs[i]), morePairs[i + 1]);
        }
        return m;
    }
}
