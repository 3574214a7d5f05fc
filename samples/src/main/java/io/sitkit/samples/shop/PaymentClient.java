package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Checkout's side of the JMS request/reply with the payment gateway: a request on
 * {@code jms:queue:payment.requests} with {@code JMSReplyTo} = {@code jms:queue:payment.replies} and
 * {@code JMSCorrelationID} = the order id, then the reply with that correlation id, waited for up
 * to the timeout.
 *
 * <pre>{@code
 * try (PaymentClient payments = PaymentClient.open(wiring, Duration.ofSeconds(2))) {
 *     JsonNode reply = payments.pay("o-1", new BigDecimal("16.23"), "tok_visa");   // null: no answer in time
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe — one JMS session, for one thread (checkout's poll thread).
 */
final class PaymentClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection jms;
    private final Duration timeout;
    private Session session;
    private MessageProducer requests;
    private Queue replies;

    private PaymentClient(Connection jms, Duration timeout) {
        this.jms = jms;
        this.timeout = timeout;
    }

    /** Opens a JMS connection and session for the payment queues the wiring names. */
    static PaymentClient open(Wiring wiring, Duration timeout) {
        PaymentClient client = new PaymentClient(wiring.jms(), timeout);
        try {
            client.session = client.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            client.requests = client.session.createProducer(client.session.createQueue(wiring.queue("payment.requests")));
            client.replies = client.session.createQueue(wiring.queue("payment.replies"));
            return client;
        } catch (JMSException e) {
            client.close();
            throw new IllegalStateException("checkout cannot open its JMS session to the payment gateway: " + e.getMessage(), e);
        }
    }

    /** The gateway's reply to a payment of {@code amount}, or null when none came within the timeout. */
    JsonNode pay(String orderId, BigDecimal amount, String cardToken) throws JMSException, IOException {
        TextMessage request = session.createTextMessage(JSON.createObjectNode().put("orderId", orderId).put("amount", amount)
                .put("currency", "USD").put("cardToken", cardToken).toString());
        request.setJMSCorrelationID(orderId);
        request.setJMSReplyTo(replies);
        requests.send(request);
        try (MessageConsumer consumer = session.createConsumer(replies, "JMSCorrelationID = '" + orderId.replace("'", "''") + "'")) {
            jakarta.jms.Message reply = consumer.receive(timeout.toMillis());
            return reply == null ? null : JSON.readTree(((TextMessage) reply).getText());
        }
    }

    /** Closes the connection, and with it the session. */
    @Override
    public void close() {
        try {
            jms.close();
        } catch (JMSException e) {
            throw new IllegalStateException("checkout's JMS connection did not close cleanly: " + e.getMessage(), e);
        }
    }
}
