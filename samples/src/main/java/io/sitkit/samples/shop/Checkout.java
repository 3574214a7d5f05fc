package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Checkout: reads checkout requests from {@code kafka:checkout-requests}, prices them ({@link Pricing}),
 * asks the payment gateway over JMS request/reply ({@code jms:queue:payment.requests}, {@code JMSReplyTo}
 * = {@code jms:queue:payment.replies}, {@code JMSCorrelationID} = the order id), and then publishes
 * {@code OrderPlaced} (Avro, Confluent wire format) on {@code kafka:orders-placed} and tells the cart on
 * {@code kafka:checkout-results} — placed, or the payment error. A resubmitted order id is not paid
 * again: it gets the first answer again.
 *
 * <pre>{@code
 * try (Checkout checkout = Checkout.start(wiring, Bug.none(), Duration.ofSeconds(2))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled one at a time on the poll thread, which alone uses the payment client.
 */
public final class Checkout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String placedTopic;
    private final String resultsTopic;
    private final Set<Bug> bugs;
    private final Duration paymentTimeout;
    private final OrderPlacedCodec codec;
    private final KafkaProducer<String, byte[]> producer;
    private final PaymentClient payments;
    private final Map<String, byte[]> answered = new HashMap<>();
    private final PollLoop<String, String> loop;

    private Checkout(Wiring wiring, Set<Bug> bugs, Duration paymentTimeout) {
        this.placedTopic = wiring.topic("orders-placed");
        this.resultsTopic = wiring.topic("checkout-results");
        this.bugs = Set.copyOf(bugs);
        this.paymentTimeout = paymentTimeout;
        this.codec = OrderPlacedCodec.connect(wiring);
        codec.register(placedTopic);
        this.payments = PaymentClient.open(wiring, paymentTimeout);
        try {
            this.producer = wiring.bytesProducer();
        } catch (RuntimeException e) {
            payments.close();
            throw e;
        }
        String requests = wiring.topic("checkout-requests");
        try {
            this.loop = PollLoop.start("checkout", wiring.consumer("checkout@" + requests), List.of(requests), this::onRequest);
        } catch (RuntimeException e) {
            try {
                producer.close(Duration.ZERO);
            } finally {
                payments.close();
            }
            throw e;
        }
    }

    /** Starts checkout; payment answers later than {@code paymentTimeout} count as no answer. */
    public static Checkout start(Wiring wiring, Set<Bug> bugs, Duration paymentTimeout) {
        return new Checkout(wiring, bugs, paymentTimeout);
    }

    private void onRequest(ConsumerRecord<String, String> record) {
        try {
            JsonNode request = JSON.readTree(record.value());
            String orderId = request.path("orderId").asText();
            if (!bugs.contains(Bug.DUPLICATE_ON_RETRY) && answered.containsKey(orderId)) {
                send(resultsTopic, orderId, answered.get(orderId), null); // a resubmission gets the first answer again
                return;
            }
            List<Line> lines = new ArrayList<>();
            request.path("lines").forEach(l -> lines.add(new Line(l.path("sku").asText(), l.path("quantity").asInt(),
                    l.path("unitPrice").decimalValue())));
            Optional<String> code = Optional.ofNullable(request.path("discountCode").textValue());
            Pricing price = Pricing.of(lines, code);
            JsonNode payment = payments.pay(orderId, price.total(), request.path("payment").path("cardToken").asText());
            ObjectNode result = JSON.createObjectNode().put("orderId", orderId);
            if (payment == null) {
                result.put("status", "PAYMENT_FAILED").putObject("error").put("code", "payment_timeout")
                        .put("message", "the payment gateway did not answer within " + paymentTimeout.toMillis() + " ms");
            } else if ("APPROVED".equals(payment.path("status").asText())) {
                publishPlaced(request, lines, code, price, payment.path("paymentId").asText());
                result.put("status", "PLACED").put("total", price.total()).put("paymentId", payment.path("paymentId").asText());
            } else {
                result.put("status", "PAYMENT_FAILED").set("error", payment.path("error"));
            }
            answered.put(orderId, result.toString().getBytes(StandardCharsets.UTF_8));
            send(resultsTopic, orderId, answered.get(orderId), null);
        } catch (Exception e) {
            LOG.warn("checkout request at offset {} failed: {}", record.offset(), e.toString());
        }
    }

    private void publishPlaced(JsonNode request, List<Line> lines, Optional<String> code, Pricing price, String paymentId) throws Exception {
        String orderId = request.path("orderId").asText();
        ObjectNode event = JSON.createObjectNode().put("orderId", orderId)
                .put("customerEmail", request.path("customer").path("email").asText());
        var out = event.putArray("lines");
        lines.forEach(l -> out.addObject().put("sku", l.sku()).put("quantity", l.quantity()).put("unitPrice", l.unitPrice()));
        event.put("discountCode", code.orElse(null)).put("subtotal", price.subtotal()).put("discount", price.discount())
                .put("tax", price.tax()).put("total", price.total()).put("currency", "USD").put("paymentId", paymentId);
        send(placedTopic, orderId, codec.encode(placedTopic, event), "OrderPlaced");
    }

    private void send(String topic, String key, byte[] value, String eventType) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (eventType != null) {
            record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Stops taking requests, then closes the producer and the payment client. */
    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            try {
                producer.close(Duration.ofSeconds(5));
            } finally {
                payments.close();
            }
        }
    }
}
