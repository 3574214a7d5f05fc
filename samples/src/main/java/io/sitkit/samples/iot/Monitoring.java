package io.sitkit.samples.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Monitoring: learns devices from Kafka {@code device-events}, reads their readings from Kafka
 * {@code telemetry} ({@code {"deviceId", "temperatureC", "seq"}}), reports each device's status on
 * Kafka {@code device-status} (REGISTERED, ONLINE with the last reading, DECOMMISSIONED; key: the
 * device id) and raises a {@code TemperatureAlert} on the JMS topic {@code alerts} when a reading is
 * above the device's own threshold. Readings of devices it does not monitor are ignored.
 *
 * <pre>{@code
 * try (Monitoring monitoring = new Monitoring(wiring, Set.of())) { ... monitoring.devices() ... }
 * }</pre>
 *
 * <p>Thread-safety: events and readings are handled on the service's poll thread; {@link #devices()}
 * may be called from any thread.
 */
public final class Monitoring implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Monitoring.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String decommissioned;
    private final String statusTopic;
    private final String eventsTopic;
    private final Map<String, Integer> thresholds = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> producer;
    private final Connection jms;
    private final Session session;
    private final MessageProducer alerts;
    private final PollLoop<String, String> loop;

    public Monitoring(Wiring wiring, Set<Bug> bugs) {
        this.decommissioned = bugs.contains(Bug.OLD_DECOMMISSION_EVENT_NAME) ? "DeviceRemoved" : "DeviceDecommissioned";
        this.statusTopic = wiring.topic("device-status");
        this.eventsTopic = wiring.topic("device-events");
        this.producer = wiring.producer();
        this.jms = wiring.jms();
        try {
            this.session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.alerts = session.createProducer(session.createTopic(wiring.jmsTopic("alerts")));
        } catch (JMSException e) {
            close();
            throw new IllegalStateException("monitoring cannot open its alert topic: " + e.getMessage(), e);
        }
        String telemetry = wiring.topic("telemetry");
        try {
            this.loop = PollLoop.start("monitoring", wiring.consumer("monitoring." + telemetry), List.of(eventsTopic, telemetry), this::on);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The devices monitored now. */
    public Set<String> devices() {
        return Set.copyOf(thresholds.keySet());
    }

    private void on(ConsumerRecord<String, String> r) {
        try {
            JsonNode e = JSON.readTree(r.value());
            String deviceId = e.path("deviceId").asText();
            if (r.topic().equals(eventsTopic)) {
                String type = e.path("type").asText();
                if (type.equals("DeviceRegistered")) {
                    thresholds.put(deviceId, e.path("maxTemperatureC").asInt());
                    status(deviceId, "REGISTERED", null, 0);
                } else if (type.equals(decommissioned)) {
                    thresholds.remove(deviceId);
                    status(deviceId, "DECOMMISSIONED", null, 0);
                }
                return;
            }
            Integer max = thresholds.get(deviceId);
            if (max == null) {
                return; // not a monitored device
            }
            JsonNode temperature = e.path("temperatureC");
            status(deviceId, "ONLINE", temperature, e.path("seq").asLong());
            if (temperature.asDouble() > max) {
                TextMessage alert = session.createTextMessage(JSON.createObjectNode().put("type", "TemperatureAlert")
                        .put("deviceId", deviceId).set("temperatureC", temperature).toString());
                alert.setStringProperty("deviceId", deviceId);
                alert.setIntProperty("maxTemperatureC", max);
                alerts.send(alert);
            }
        } catch (Exception ex) {
            LOG.log(System.Logger.Level.WARNING, "monitoring could not handle " + r.topic() + "@" + r.offset() + ": " + ex);
        }
    }

    private void status(String deviceId, String status, JsonNode lastTemperature, long seq) throws Exception {
        var s = JSON.createObjectNode().put("deviceId", deviceId).put("status", status).put("seq", seq);
        if (lastTemperature != null) {
            s.set("lastTemperatureC", lastTemperature);
        }
        producer.send(new ProducerRecord<>(statusTopic, deviceId, s.toString())).get();
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "monitoring could not close its JMS connection: " + e.getMessage());
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
