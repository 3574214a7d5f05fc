package io.sitkit.samples.bank;

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

import java.math.BigDecimal;
import java.util.List;

/**
 * Tells customers what happened to their money: reads {@code account.events} (Kafka) and sends one
 * notification per event to the JMS topic {@code customer.notifications}, which the mobile and
 * e-mail channels subscribe to. Each carries the transaction id, the amount, the new balance, the
 * event's {@code seq} and a text for the customer; the JMS property {@code accountId} lets a channel
 * select one customer's notifications.
 *
 * <pre>{@code
 * try (NotificationService n = NotificationService.start(wiring)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: events are handled on the poll loop's thread, which alone uses the JMS session.
 */
public final class NotificationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    private final Connection jms;
    private Session session;
    private MessageProducer notifications;
    private PollLoop<String, String> loop;

    private NotificationService(Wiring wiring) {
        this.jms = wiring.jms();
    }

    /** Starts reading account events from the beginning of the topic. */
    public static NotificationService start(Wiring wiring) {
        NotificationService n = new NotificationService(wiring);
        try {
            n.session = n.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            n.notifications = n.session.createProducer(n.session.createTopic(wiring.jmsTopic("customer.notifications")));
            String events = wiring.topic("account.events");
            String group = "notification-service." + events; // per topic: the thread is named after it too
            n.loop = PollLoop.start(group, wiring.consumer(group), List.of(events), n::onEvent);
            return n;
        } catch (JMSException | RuntimeException e) {
            n.close();
            throw new IllegalStateException("notification service cannot start: " + e.getMessage(), e);
        }
    }

    private void onEvent(ConsumerRecord<String, String> record) {
        try {
            JsonNode e = JSON.readTree(record.value());
            BigDecimal amount = e.path("amount").decimalValue();
            BigDecimal balance = e.path("balance").decimalValue();
            String accountId = e.path("accountId").asText();
            String text = switch (e.path("type").asText()) {
                case "Deposited" -> "Deposit of " + amount + " to " + accountId + ". Balance: " + balance;
                case "Withdrawn" -> "Withdrawal of " + amount + " from " + accountId + ". Balance: " + balance;
                case "OverdraftTransfer" -> "Overdraft protection moved " + amount + " from savings to " + accountId;
                case "WithdrawalDeclined" -> "Withdrawal of " + amount + " from " + accountId + " declined: insufficient funds";
                default -> null;
            };
            if (text == null) {
                return;
            }
            ObjectNode body = JSON.createObjectNode().put("accountId", accountId).put("txId", e.path("txId").asText())
                    .put("kind", e.path("type").asText()).put("amount", amount).put("balance", balance)
                    .put("seq", e.path("seq").asLong()).put("text", text);
            TextMessage message = session.createTextMessage(JSON.writeValueAsString(body));
            message.setStringProperty("accountId", accountId);
            notifications.send(message);
        } catch (Exception ex) {
            LOG.warn("account event {} could not be notified: {}", record.offset(), ex.toString());
        }
    }

    /** Stops the poll loop, then closes the JMS connection. */
    @Override
    public void close() {
        try {
            if (loop != null) {
                loop.close();
            }
        } finally {
            try {
                jms.close();
            } catch (JMSException e) {
                LOG.warn("closing the JMS connection: {}", e.toString());
            }
        }
    }
}
