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

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cart: sends a checkout request for an order to {@code kafka:checkout-requests} (JSON, keyed by
 * order id) and keeps what checkout answers on {@code kafka:checkout-results} — placed, or the
 * payment error to show the customer.
 *
 * <pre>{@code
 * try (Cart cart = Cart.start(wiring, Bug.none())) {
 *     cart.checkout(Order.of("o-1", "ann@example.com", "tok_visa", Line.of("sku-mug", 1, "7.25")));
 *     Optional<CheckoutResult> r = cart.result("o-1");   // empty until checkout has answered
 * }
 * }</pre>
 *
 * <p>With {@link Bug#SNAKE_CASE_FIELDS} the discount code goes out as {@code discount_code}.
 * Thread-safety: {@link #checkout} and {@link #result} may be called from any thread.
 */
public final class Cart implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cart.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String requests;
    private final Set<Bug> bugs;
    private final KafkaProducer<String, String> producer;
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final Map<String, CheckoutResult> results = new ConcurrentHashMap<>();
    private final PollLoop<String, String> loop;

    private Cart(Wiring wiring, Set<Bug> bugs) {
        this.requests = wiring.topic("checkout-requests");
        this.bugs = Set.copyOf(bugs);
        this.producer = wiring.producer();
        String results = wiring.topic("checkout-results");
        try {
            this.loop = PollLoop.start("cart", wiring.consumer("cart@" + results), List.of(results), this::onResult);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts the cart; it reads checkout's answers from the beginning of the results topic. */
    public static Cart start(Wiring wiring, Set<Bug> bugs) {
        return new Cart(wiring, bugs);
    }

    /** Sends the checkout request for {@code order}; returns once Kafka acknowledged it. */
    public void checkout(Order order) {
        ObjectNode request = JSON.createObjectNode().put("orderId", order.orderId());
        request.putObject("customer").put("email", order.customerEmail());
        var lines = request.putArray("lines");
        order.lines().forEach(l -> lines.addObject().put("sku", l.sku()).put("quantity", l.quantity()).put("unitPrice", l.unitPrice()));
        order.discountCode().ifPresent(code -> request.put(bugs.contains(Bug.SNAKE_CASE_FIELDS) ? "discount_code" : "discountCode", code));
        request.putObject("payment").put("cardToken", order.cardToken());
        String text = request.toString();
        sent.put(order.orderId(), text);
        send(order.orderId(), text);
    }

    /** Sends the checkout request of {@code orderId} again, as a customer's second click on "Place order" does. */
    public void resubmit(String orderId) {
        String text = sent.get(orderId);
        if (text == null) {
            throw new IllegalArgumentException("order " + orderId + " was never checked out from this cart; checked out: " + sent.keySet());
        }
        send(orderId, text);
    }

    /** What checkout answered for {@code orderId}, once it has. */
    public Optional<CheckoutResult> result(String orderId) {
        return Optional.ofNullable(results.get(orderId));
    }

    private void send(String orderId, String text) {
        try {
            producer.send(new ProducerRecord<>(requests, orderId, text)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending checkout request " + orderId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("checkout request " + orderId + " was not acknowledged by Kafka: " + e, e);
        }
    }

    private void onResult(ConsumerRecord<String, String> record) {
        JsonNode r;
        try {
            r = JSON.readTree(record.value());
        } catch (IOException e) {
            LOG.warn("skipping an unreadable checkout result at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        JsonNode error = r.path("error");
        results.put(r.path("orderId").asText(), new CheckoutResult(r.path("orderId").asText(), r.path("status").asText(),
                r.hasNonNull("total") ? Optional.of(r.get("total").decimalValue()) : Optional.<BigDecimal>empty(),
                error.hasNonNull("code") ? Optional.of(error.get("code").asText()) : Optional.empty(),
                error.hasNonNull("message") ? Optional.of(error.get("message").asText()) : Optional.empty()));
    }

    /** Stops reading results, then closes the producer. */
    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
