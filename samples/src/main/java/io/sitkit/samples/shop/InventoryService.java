package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The inventory service: reads {@code OrderPlaced} (Avro) from {@code kafka:orders-placed} in its own
 * consumer group, takes each line's quantity off the stock and publishes {@code StockReserved} per
 * line on {@code kafka:inventory-events} (JSON, keyed by SKU so each product's changes stay in order).
 *
 * <pre>{@code
 * try (InventoryService inventory = InventoryService.start(wiring, Map.of("sku-mug", 40))) {
 *     OptionalInt left = inventory.stock("sku-mug");
 * }
 * }</pre>
 *
 * <p>A product it does not stock is reserved from zero (the stock goes negative: a backorder).
 * Thread-safety: events are handled on the poll thread; {@link #stock} may be read from any thread.
 */
public final class InventoryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String inventoryEvents;
    private final Map<String, Integer> stock;
    private final OrderPlacedCodec codec;
    private final KafkaProducer<String, String> producer;
    private final PollLoop<String, byte[]> loop;

    private InventoryService(Wiring wiring, Map<String, Integer> stock) {
        this.inventoryEvents = wiring.topic("inventory-events");
        this.stock = new ConcurrentHashMap<>(stock);
        this.codec = OrderPlacedCodec.connect(wiring);
        this.producer = wiring.producer();
        String placed = wiring.topic("orders-placed");
        try {
            this.loop = PollLoop.start("inventory", wiring.bytesConsumer("inventory@" + placed), List.of(placed), this::onPlaced);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts the service with the given stock per SKU, reading orders-placed from the beginning. */
    public static InventoryService start(Wiring wiring, Map<String, Integer> stock) {
        return new InventoryService(wiring, stock);
    }

    /** What is left of {@code sku}, if the service has heard of it. */
    public OptionalInt stock(String sku) {
        Integer left = stock.get(sku);
        return left == null ? OptionalInt.empty() : OptionalInt.of(left);
    }

    private void onPlaced(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode placed = codec.decode(record.value(), record.topic() + "@" + record.offset());
            for (JsonNode line : placed.path("lines")) {
                String sku = line.path("sku").asText();
                int quantity = line.path("quantity").asInt();
                int left = stock.merge(sku, -quantity, Integer::sum);
                String event = JSON.createObjectNode().put("type", "StockReserved").put("orderId", placed.path("orderId").asText())
                        .put("sku", sku).put("quantity", quantity).put("remaining", left).toString();
                producer.send(new ProducerRecord<>(inventoryEvents, sku, event)).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("order event at {}@{} could not be handled: {}", record.topic(), record.offset(), e.toString());
        }
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
