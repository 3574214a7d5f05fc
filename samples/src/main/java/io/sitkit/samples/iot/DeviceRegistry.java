package io.sitkit.samples.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The device registry: registers and decommissions devices on Kafka {@code device-events} (key: the
 * device id), and keeps each device's status in sync from monitoring's Kafka {@code device-status}.
 *
 * <pre>{@code
 * try (DeviceRegistry registry = new DeviceRegistry(wiring)) {
 *     registry.register("d-1", "TH-200", 70);
 *     Optional<String> status = registry.status("d-1");     // REGISTERED, once monitoring has it
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; statuses arrive on the service's poll thread.
 */
public final class DeviceRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final PollLoop<String, String> loop;

    public DeviceRegistry(Wiring wiring) {
        this.topic = wiring.topic("device-events");
        this.producer = wiring.producer();
        String status = wiring.topic("device-status");
        try {
            this.loop = PollLoop.start("registry", wiring.consumer("registry." + status), List.of(status), this::onStatus);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Registers a device that must alert above {@code maxTemperatureC}. */
    public void register(String deviceId, String model, int maxTemperatureC) {
        send(deviceId, JSON.createObjectNode().put("type", "DeviceRegistered").put("deviceId", deviceId).put("model", model)
                .put("maxTemperatureC", maxTemperatureC).toString());
    }

    /** Takes a device out of service. */
    public void decommission(String deviceId) {
        send(deviceId, JSON.createObjectNode().put("type", "DeviceDecommissioned").put("deviceId", deviceId).toString());
    }

    /** The device's status as monitoring last reported it. */
    public Optional<String> status(String deviceId) {
        return Optional.ofNullable(statuses.get(deviceId));
    }

    private void onStatus(ConsumerRecord<String, String> r) {
        try {
            JsonNode s = JSON.readTree(r.value());
            statuses.put(s.path("deviceId").asText(), s.path("status").asText());
        } catch (java.io.IOException e) {
            System.getLogger(DeviceRegistry.class.getName()).log(System.Logger.Level.WARNING, "unreadable status: " + e.getMessage());
        }
    }

    private void send(String deviceId, String event) {
        try {
            producer.send(new ProducerRecord<>(topic, deviceId, event)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a device event", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send a device event to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
