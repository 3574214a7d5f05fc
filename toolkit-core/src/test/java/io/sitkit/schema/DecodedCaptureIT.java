package io.sitkit.schema;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.Expectations;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.avro.Samples;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;

import static io.sitkit.match.Matchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Avro payloads on real Kafka read by expectations and flows as JSON, through a decoding capture. */
@ExtendWith(SharedEmbedded.class)
class DecodedCaptureIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Schema ORDER = AvroSchemas.load(Path.of("src/test/resources/avro")).get("io.sitkit.samples.orders.OrderPlaced");
    private static final SchemaLookup REGISTRY = id -> new RegisteredSchema(id, "orders-value", 1, SchemaFormat.AVRO, ORDER.toString());

    @Test
    void json_paths_expectations_and_flows_read_avro_orders_and_json_payments_alike(EmbeddedEnvironment env) {
        Destination orders = Destination.kafka("decoded-orders");
        Destination payments = Destination.jmsQueue("decoded-payments");
        try (Bus bus = env.openBus()) {
            bus.kafka().createTopic(orders.name(), 1);
            try (Capture raw = bus.capture(orders, payments)) {
                DecodedCapture capture = DecodedCapture.of(raw).decoding(orders, RegistryAvro.using(REGISTRY).payloads());
                bus.publish(OutgoingMessage.bytes(orders, ConfluentWireFormat.frame(5, AvroCodec.of(ORDER).encodeJson(Samples.ORDER_JSON))));
                bus.publish(OutgoingMessage.bytes(orders, "not avro".getBytes()));
                bus.publish(OutgoingMessage.text(payments, "{\"orderId\":\"o-1001\",\"amount\":39.80}"));
                Expectations expect = Expectations.of(capture).withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.orderId")));

                expect.expect(orders).message(jsonPath("$.total.amount").isEqualTo(39.8)).within(WAIT);
                Flow flow = expect.expectFlow("o-1001").through(orders.toString(), payments.toString()).within(WAIT);

                assertThat(flow.messages()).extracting(m -> m.payloadJson().get("orderId").asText()).containsExactly("o-1001", "o-1001");
                capture.await(orders, 2, WAIT);
                assertThat(capture.decodeErrors()).singleElement().extracting(Throwable::getMessage).asString()
                        .startsWith("cannot decode Avro payload at kafka:decoded-orders[0]@1: magic byte is 0x6e");
                assertThat(capture.describe()).endsWith("; decoding kafka:decoded-orders as Avro via schema registry");
                assertThatThrownBy(() -> expect.expect(orders).message(jsonPath("$.status").isEqualTo("PAID")).within(Duration.ofMillis(200)))
                        .isInstanceOf(ExpectationFailedError.class)
                        .hasMessageContaining("kafka:decoded-orders[0]@0 {\"orderId\":\"o-1001\"")
                        .hasMessageContaining("FAIL $.status == \"PAID\": was \"PLACED\"");
            }
        }
    }

    @Test
    void a_destination_that_is_not_captured_cannot_be_decoded(EmbeddedEnvironment env) {
        try (Bus bus = env.openBus(); Capture raw = bus.capture(Destination.jmsQueue("decoded-other"))) {
            assertThatThrownBy(() -> DecodedCapture.of(raw).decoding("kafka:nope", PayloadDecoder.json()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kafka:nope is not captured; the capture records [jms:queue:decoded-other]");
        }
    }
}
