package io.sitkit.fx;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.Expectations;
import io.sitkit.record.FlowTraceFile;
import io.sitkit.redact.Redactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.sitkit.match.Matchers.jsonPath;

/**
 * Test support: a flow trace as a failed JUnit test leaves it — written by the core's
 * {@link FlowTraceFile}, as toolkit-junit writes it, of a real capture on real brokers and a real
 * failed expectation (the trace of a real {@code @SitTest} is opened by the samples' cross-module test). A checkout publishes an
 * order on Kafka and two payment requests on a JMS queue; the test expected the request for
 * {@code o-1} with the order's total, 25.0, but the service sent 2.5: both requests are near misses.
 */
public final class FlowTraces {
    /** The test the trace names. */
    public static final String TEST_ID = "[engine:junit-jupiter]/[class:shop.CheckoutIT]/[method:pays_the_order_total(io.sitkit.junit.SitBus)]";

    private FlowTraces() {
    }

    /**
     * What was written.
     *
     * @param file     the trace
     * @param failure  the failure message the test had
     * @param orders   the real orders topic ({@code kafka:orders} in the test)
     * @param payments the real payment queue ({@code jms:queue:payment.requests} in the test)
     * @param seen     the messages the capture held, in the order the trace lists them
     */
    public record Written(Path file, String failure, Destination orders, Destination payments, List<Message> seen) {
    }

    /** Where the message with {@code payload} is in the trace's timeline. */
    public static int indexOf(Written trace, String payload) {
        for (int i = 0; i < trace.seen().size(); i++) {
            if (trace.seen().get(i).payloadText().orElse("").equals(payload)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no message " + payload + " in " + trace.file());
    }

    private static Map<String, String> names(Destination orders, Destination payments) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("kafka:orders", orders.toString());
        names.put("jms:queue:payment.requests", payments.toString());
        return names;
    }

    /** Publishes the checkout on {@code bus}, fails the expectation, and writes the trace under {@code dir}. */
    public static Written write(Bus bus, Path dir) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Destination orders = Destination.kafka("orders.t" + run);
        Destination payments = Destination.jmsQueue("payment.requests.t" + run);
        bus.kafka().createTopicIfMissing(orders.name(), 1);
        try (Capture capture = bus.capture(orders, payments)) {
            bus.publish(OutgoingMessage.text(orders.toString(), "{\"orderId\":\"o-1\",\"total\":25.0}").withKey("o-1"));
            bus.publish(OutgoingMessage.text(payments.toString(), "{\"orderId\":\"o-1\",\"amount\":2.5}"));
            bus.publish(OutgoingMessage.text(payments.toString(), "{\"orderId\":\"o-2\",\"amount\":25.0}"));
            capture.await(orders, 1, Duration.ofSeconds(20));
            capture.await(payments, 2, Duration.ofSeconds(20));
            ExpectationFailedError failure;
            try {
                Expectations.of(capture).expect(payments)
                        .message(jsonPath("$.orderId").isEqualTo("o-1").and(jsonPath("$.amount").isEqualTo(25.0)))
                        .within(Duration.ofMillis(200));
                throw new IllegalStateException("the expectation was meant to fail");
            } catch (ExpectationFailedError e) {
                failure = e;
            }
            List<Message> seen = capture.messages().stream()
                    .sorted(java.util.Comparator.comparingLong(Message::capturedAtNanos)).toList();
            Path file = FlowTraceFile.of(TEST_ID, failure).withNames(names(orders, payments))
                    .write(FlowTraceFile.pathFor(dir, "shop.CheckoutIT", "pays_the_order_total"), capture.messages(), Redactor.none());
            return new Written(file, failure.getMessage(), orders, payments, seen);
        }
    }
}
