package io.sitkit.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test support: a small system under test built on the plain clients, not on sitkit. It reads
 * orders from a Kafka topic, asks for payment on a JMS queue (property {@code orderId}, field
 * {@code amount}), and a payment listener on that queue — consuming it, as a real service would —
 * publishes a shipment keyed by the order id on a second Kafka topic.
 */
final class Relay implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> orders;
    private final KafkaProducer<String, String> shipments;
    private final Connection jms;
    private final Thread thread;
    private volatile boolean closing;

    Relay(String bootstrap, String jmsUrl, String ordersTopic, String paymentsQueue, String shipmentsTopic, boolean paymentWrongName)
            throws Exception {
        orders = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        shipments = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        jms = new ActiveMQConnectionFactory(jmsUrl).createConnection();
        Session listening = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(listening.createQueue(paymentsQueue)).setMessageListener(m -> {
            try {
                String orderId = m.getStringProperty("orderId");
                shipments.send(new ProducerRecord<>(shipmentsTopic, orderId, "{\"orderId\":\"" + orderId + "\",\"status\":\"SHIPPED\"}"));
                shipments.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        jms.start();
        Session sending = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer payments = sending.createProducer(sending.createQueue(paymentsQueue));
        orders.subscribe(List.of(ordersTopic));
        thread = new Thread(() -> {
            try {
                while (!closing) {
                    for (ConsumerRecord<String, String> r : orders.poll(Duration.ofMillis(100))) {
                        JsonNode order = JSON.readTree(r.value().getBytes(StandardCharsets.UTF_8));
                        String field = paymentWrongName ? "amount_due" : "amount";
                        TextMessage pay = sending.createTextMessage("{\"" + field + "\":" + order.get("total") + "}");
                        pay.setStringProperty("orderId", order.get("orderId").asText());
                        payments.send(pay);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                orders.close();
            }
        }, "test-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws jakarta.jms.JMSException {
        closing = true;
        orders.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jms.close();
        shipments.close();
    }
}
