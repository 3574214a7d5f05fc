package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The order service: reads {@code OrderPlaced} (Avro, Confluent wire format) from
 * {@code kafka:orders-placed}, writes the invoice — its own subtotal from the lines, checkout's
 * discount, and its own sales tax — and publishes {@code OrderConfirmed} (JSON, keyed by order id) on
 * {@code kafka:order-events} for the notification service.
 *
 * <pre>{@code
 * try (OrderService orders = OrderService.start(wiring, Bug.none())) { ... }
 * }</pre>
 *
 * <p>It computes tax as checkout does, on the order's discounted amount, rounded once; with
 * {@link Bug#TAX_ROUNDED_PER_LINE} it rounds each line's tax instead. Thread-safety: events are
 * handled on the poll thread.
 */
public final class OrderService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal TAX_RATE = new BigDecimal("0.0825");
    private final String orderEvents;
    private final Set<Bug> bugs;
    private final OrderPlacedCodec codec;
    private final KafkaProducer<String, String> producer;
    private final PollLoop<String, byte[]> loop;

    private OrderService(Wiring wiring, Set<Bug> bugs) {
        this.orderEvents = wiring.topic("order-events");
        this.bugs = Set.copyOf(bugs);
        this.codec = OrderPlacedCodec.connect(wiring);
        this.producer = wiring.producer();
        String placed = wiring.topic("orders-placed");
        try {
            this.loop = PollLoop.start("orders", wiring.bytesConsumer("orders@" + placed), List.of(placed), this::onPlaced);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts the service, reading orders-placed from the beginning. */
    public static OrderService start(Wiring wiring, Set<Bug> bugs) {
        return new OrderService(wiring, bugs);
    }

    private void onPlaced(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode placed = codec.decode(record.value(), record.topic() + "@" + record.offset());
            ObjectNode confirmed = JSON.createObjectNode().put("type", "OrderConfirmed").put("orderId", placed.path("orderId").asText())
                    .put("customerEmail", placed.path("customerEmail").asText());
            ArrayNode lines = confirmed.putArray("lines");
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            BigDecimal lineTaxes = BigDecimal.ZERO;
            for (JsonNode l : placed.path("lines")) {
                BigDecimal lineTotal = l.path("unitPrice").decimalValue().multiply(BigDecimal.valueOf(l.path("quantity").asInt()));
                lines.addObject().put("sku", l.path("sku").asText()).put("quantity", l.path("quantity").asInt())
                        .put("unitPrice", l.path("unitPrice").decimalValue()).put("lineTotal", lineTotal);
                subtotal = subtotal.add(lineTotal);
                lineTaxes = lineTaxes.add(tax(lineTotal));
            }
            BigDecimal discount = placed.path("discount").decimalValue();
            BigDecimal tax = bugs.contains(Bug.TAX_ROUNDED_PER_LINE) ? lineTaxes.subtract(tax(discount)) : tax(subtotal.subtract(discount));
            confirmed.put("discountCode", placed.path("discountCode").textValue()).put("subtotal", subtotal).put("discount", discount)
                    .put("tax", tax).put("total", subtotal.subtract(discount).add(tax)).put("currency", placed.path("currency").asText())
                    .put("paymentId", placed.path("paymentId").asText());
            producer.send(new ProducerRecord<>(orderEvents, placed.path("orderId").asText(), confirmed.toString())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("order event at {}@{} could not be handled: {}", record.topic(), record.offset(), e.toString());
        }
    }

    private static BigDecimal tax(BigDecimal amount) {
        return amount.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
    }

    /** Stops reading, then closes the producer. */
    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
