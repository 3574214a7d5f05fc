package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The notification service: reads {@code OrderConfirmed} from {@code kafka:order-events} and
 * publishes the customer's confirmation on the JMS topic {@code jms:topic:notifications} (JSON text,
 * properties {@code orderId} and {@code eventType=OrderConfirmation}) for the mail and push senders.
 *
 * <pre>{@code
 * try (NotificationService notifications = NotificationService.start(wiring)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: events are handled on the poll thread, which alone uses the JMS session.
 */
public final class NotificationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection jms;
    private final Session session;
    private final MessageProducer notifications;
    private final PollLoop<String, String> loop;

    private NotificationService(Wiring wiring) throws JMSException {
        this.jms = wiring.jms();
        try {
            this.session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            this.notifications = session.createProducer(session.createTopic(wiring.jmsTopic("notifications")));
        } catch (JMSException | RuntimeException e) {
            jms.close();
            throw e;
        }
        String events = wiring.topic("order-events");
        try {
            this.loop = PollLoop.start("notifications", wiring.consumer("notifications@" + events), List.of(events), this::onEvent);
        } catch (RuntimeException e) {
            try {
                jms.close();
            } catch (JMSException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Starts the service, reading order-events from the beginning. */
    public static NotificationService start(Wiring wiring) {
        try {
            return new NotificationService(wiring);
        } catch (JMSException e) {
            throw new IllegalStateException("the notification service cannot open its JMS session: " + e.getMessage(), e);
        }
    }

    private void onEvent(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = JSON.readTree(record.value());
            if (!"OrderConfirmed".equals(event.path("type").asText())) {
                return;
            }
            String orderId = event.path("orderId").asText();
            ObjectNode mail = JSON.createObjectNode().put("orderId", orderId).put("to", event.path("customerEmail").asText())
                    .put("subject", "Your order " + orderId + " is confirmed");
            var lines = mail.putArray("lines");
            event.path("lines").forEach(l -> lines.addObject().put("sku", l.path("sku").asText())
                    .put("quantity", l.path("quantity").asInt()).put("lineTotal", l.path("lineTotal").decimalValue()));
            mail.put("subtotal", event.path("subtotal").decimalValue()).put("discount", event.path("discount").decimalValue())
                    .put("tax", event.path("tax").decimalValue()).put("total", event.path("total").decimalValue())
                    .put("currency", event.path("currency").asText());
            TextMessage message = session.createTextMessage(mail.toString());
            message.setStringProperty("orderId", orderId);
            message.setStringProperty("eventType", "OrderConfirmation");
            notifications.send(message);
        } catch (Exception e) {
            LOG.warn("order event at {}@{} could not be handled: {}", record.topic(), record.offset(), e.toString());
        }
    }

    /** Stops reading, then closes the JMS connection. */
    @Override
    public void close() {
        try {
            loop.close();
        } finally {
            try {
                jms.close();
            } catch (JMSException e) {
                LOG.warn("the notification service's JMS connection did not close cleanly: {}", e.getMessage());
            }
        }
    }
}
