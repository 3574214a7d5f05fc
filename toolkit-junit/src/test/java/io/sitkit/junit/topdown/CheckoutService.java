package io.sitkit.junit.topdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The service under test, written the way a team's checkout would be: it takes an order, asks the
 * payment service over JMS request/reply (a temporary queue as {@code JMSReplyTo}, the reply
 * correlated by the request's message id), retries once when payment answers {@code ERROR}, and
 * announces {@code OrderConfirmed} or {@code OrderRejected} on Kafka, keyed by order id, continuing
 * the caller's W3C trace. Its own ActiveMQ connection and Kafka producer; destinations by configuration.
 *
 * <pre>{@code
 * try (CheckoutService checkout = new CheckoutService(env.connectionProperties(), "payment.requests", "order-events", ofSeconds(5))) {
 *     checkout.placeOrder("o-1", new BigDecimal("250.00"), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #placeOrder} may be called from several threads (a JMS session per call).
 */
final class CheckoutService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection jms;
    private final KafkaProducer<String, String> kafka;
    private final String paymentQueue;
    private final String orderEvents;
    private final Duration paymentTimeout;

    CheckoutService(Map<String, String> connection, String paymentQueue, String orderEvents, Duration paymentTimeout)
            throws JMSException {
        this.paymentQueue = paymentQueue;
        this.orderEvents = orderEvents;
        this.paymentTimeout = paymentTimeout;
        this.jms = new ActiveMQConnectionFactory(connection.get("sitkit.jms.url")).createConnection();
        try {
            jms.start();
            this.kafka = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.get("sitkit.kafka.bootstrap-servers"),
                    ProducerConfig.CLIENT_ID_CONFIG, "checkout", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                    new StringSerializer(), new StringSerializer());
        } catch (RuntimeException | JMSException e) {
            jms.close();
            throw e;
        }
    }

    /** Pays for the order and publishes its outcome; returns once Kafka acknowledged the event. */
    void placeOrder(String orderId, BigDecimal amount, String traceparent) throws Exception {
        String traceId = traceparent.split("-")[1];
        JsonNode payment = requestPayment(orderId, amount, traceId);
        if (payment != null && "ERROR".equals(payment.path("status").asText())) {
            payment = requestPayment(orderId, amount, traceId); // a gateway error is transient: one retry
        }
        ObjectNode event = JSON.createObjectNode().put("orderId", orderId).put("amount", amount);
        if (payment != null && "APPROVED".equals(payment.path("status").asText())) {
            event.put("type", "OrderConfirmed").put("paymentId", payment.path("paymentId").asText());
        } else {
            event.put("type", "OrderRejected").put("reason", payment == null
                    ? "payment did not answer within " + paymentTimeout.toMillis() + " ms" : payment.path("status").asText());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(orderEvents, orderId, JSON.writeValueAsString(event));
        record.headers().add("traceparent", childSpan(traceId).getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    /** The payment service's answer, or null when none came within the timeout. */
    private JsonNode requestPayment(String orderId, BigDecimal amount, String traceId) throws Exception {
        try (Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            TextMessage request = session.createTextMessage(JSON.writeValueAsString(
                    JSON.createObjectNode().put("orderId", orderId).put("amount", amount)));
            request.setJMSReplyTo(replies);
            request.setStringProperty("traceparent", childSpan(traceId));
            session.createProducer(session.createQueue(paymentQueue)).send(request);
            String selector = "JMSCorrelationID = '" + request.getJMSMessageID() + "'";
            try (MessageConsumer consumer = session.createConsumer(replies, selector)) {
                jakarta.jms.Message reply = consumer.receive(paymentTimeout.toMillis());
                return reply == null ? null : JSON.readTree(((TextMessage) reply).getText());
            } finally {
                replies.delete();
            }
        }
    }

    /** A traceparent in the same trace with a new span of this service. */
    private static String childSpan(String traceId) {
        return String.format("00-%s-%016x-01", traceId, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    /** Closes the producer, then the connection; both are closed even when the first fails. */
    @Override
    public void close() throws JMSException {
        try {
            kafka.close(Duration.ofSeconds(5));
        } finally {
            jms.close();
        }
    }
}
