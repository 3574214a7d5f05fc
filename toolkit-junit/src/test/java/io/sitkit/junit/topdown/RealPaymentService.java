package io.sitkit.junit.topdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The payment service as its team delivers it, written for the test: consumes payment requests
 * from a JMS queue, approves amounts up to {@value #LIMIT} and declines larger ones, and answers
 * on the request's {@code JMSReplyTo} with {@code JMSCorrelationID} = the request's message id.
 *
 * <pre>{@code
 * try (RealPaymentService payment = RealPaymentService.start(env.jmsBrokerUrl(), "payment.requests")) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS provider's delivery thread of its one session.
 */
final class RealPaymentService implements AutoCloseable {
    static final int LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RealPaymentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private Session session;
    private MessageProducer replies;

    private RealPaymentService(Connection connection) {
        this.connection = connection;
    }

    /** Starts consuming {@code requestQueue}; returns once the consumer is registered. */
    static RealPaymentService start(String brokerUrl, String requestQueue) throws JMSException {
        RealPaymentService service = new RealPaymentService(new ActiveMQConnectionFactory(brokerUrl).createConnection());
        try {
            service.session = service.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            service.replies = service.session.createProducer(null);
            service.session.createConsumer(service.session.createQueue(requestQueue)).setMessageListener(service::answer);
            service.connection.start();
            return service;
        } catch (JMSException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void answer(Message request) {
        try {
            if (request.getJMSReplyTo() == null) {
                LOG.warn("payment request {} has no JMSReplyTo; nobody to answer", request.getJMSMessageID());
                return;
            }
            JsonNode order = JSON.readTree(((TextMessage) request).getText());
            boolean approved = order.path("amount").decimalValue().compareTo(BigDecimal.valueOf(LIMIT)) <= 0;
            ObjectNode result = JSON.createObjectNode().put("orderId", order.path("orderId").asText())
                    .put("status", approved ? "APPROVED" : "DECLINED");
            if (approved) {
                result.put("paymentId", UUID.randomUUID().toString());
            }
            TextMessage reply = session.createTextMessage(JSON.writeValueAsString(result));
            reply.setJMSCorrelationID(request.getJMSMessageID());
            replies.send(request.getJMSReplyTo(), reply);
        } catch (JMSException | java.io.IOException | RuntimeException e) {
            LOG.warn("payment request could not be answered: {}", e.toString());
        }
    }

    /** Closes the connection, and with it the session and the consumer. */
    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
