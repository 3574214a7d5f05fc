package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment gateway: takes payment requests from {@code jms:queue:payment.requests} and answers
 * each on its {@code JMSReplyTo} with the request's {@code JMSCorrelationID}: {@code APPROVED} with a
 * payment id, or {@code DECLINED} with an error code and message for the customer. Card
 * {@code tok_declined} is declined by the issuer, {@code tok_expired} has expired, and amounts over
 * {@value #LIMIT} are over the limit.
 *
 * <pre>{@code
 * try (PaymentGateway gateway = PaymentGateway.start(wiring, Bug.none())) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS provider's delivery thread of its one session.
 */
public final class PaymentGateway implements AutoCloseable {
    /** The largest amount the gateway approves. */
    public static final int LIMIT = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<Bug> bugs;
    private final Connection connection;
    private final AtomicInteger payments = new AtomicInteger();
    private Session session;
    private MessageProducer replies;
    private Destination defaultReplies;

    private PaymentGateway(Wiring wiring, Set<Bug> bugs) {
        this.bugs = Set.copyOf(bugs);
        this.connection = wiring.jms();
    }

    /** Starts consuming payment requests; returns once the consumer is registered. */
    public static PaymentGateway start(Wiring wiring, Set<Bug> bugs) {
        PaymentGateway gateway = new PaymentGateway(wiring, bugs);
        try {
            gateway.session = gateway.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            gateway.replies = gateway.session.createProducer(null);
            gateway.defaultReplies = gateway.session.createQueue(wiring.queue("payment.responses"));
            gateway.session.createConsumer(gateway.session.createQueue(wiring.queue("payment.requests"))).setMessageListener(gateway::answer);
            return gateway;
        } catch (JMSException | RuntimeException e) {
            gateway.close();
            throw new IllegalStateException("the payment gateway cannot listen for requests: " + e.getMessage(), e);
        }
    }

    private void answer(Message request) {
        try {
            JsonNode payment = JSON.readTree(((TextMessage) request).getText());
            TextMessage reply = session.createTextMessage(decide(payment).toString());
            if (!bugs.contains(Bug.LOST_CORRELATION_ID)) {
                reply.setJMSCorrelationID(request.getJMSCorrelationID());
            }
            Destination to = bugs.contains(Bug.WRONG_REPLY_TO) || request.getJMSReplyTo() == null ? defaultReplies : request.getJMSReplyTo();
            replies.send(to, reply);
        } catch (JMSException | java.io.IOException | RuntimeException e) {
            LOG.warn("payment request could not be answered: {}", e.toString());
        }
    }

    private ObjectNode decide(JsonNode payment) {
        ObjectNode reply = JSON.createObjectNode().put("orderId", payment.path("orderId").asText());
        BigDecimal amount = payment.path("amount").decimalValue();
        String declined = switch (payment.path("cardToken").asText()) {
            case "tok_declined" -> "card_declined";
            case "tok_expired" -> "expired_card";
            default -> amount.compareTo(BigDecimal.valueOf(LIMIT)) > 0 ? "amount_over_limit" : null;
        };
        if (declined == null) {
            return reply.put("status", "APPROVED").put("paymentId", "pay-" + payments.incrementAndGet()).put("amount", amount);
        }
        reply.put("status", "DECLINED").putObject("error").put("code", declined).put("message", switch (declined) {
            case "card_declined" -> "The card was declined by its issuer.";
            case "expired_card" -> "The card has expired.";
            default -> "The amount of " + amount + " is over the limit of " + LIMIT + ".";
        });
        return reply;
    }

    /** Closes the connection, and with it the session and the consumer. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.warn("the payment gateway's JMS connection did not close cleanly: {}", e.getMessage());
        }
    }
}
