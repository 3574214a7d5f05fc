package io.sitkit.samples.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Claims: takes the EMR's coverage requests from the JMS queue {@code claims.coverage}, verifies the
 * policy (a policy number of the form {@code ABC-123} is active) and publishes
 * {@code CoverageVerified} on Kafka {@code coverage-events} (key: the patient id; the request's
 * {@code JMSCorrelationID} as header {@code correlation-id}).
 *
 * <pre>{@code
 * try (Claims claims = new Claims(wiring, Set.of())) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled one at a time on the JMS session's thread.
 */
public final class Claims implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Claims.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<Bug> bugs;
    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final Connection jms;

    public Claims(Wiring wiring, Set<Bug> bugs) {
        this.bugs = Set.copyOf(bugs);
        this.topic = wiring.topic("coverage-events");
        this.producer = wiring.producer();
        try {
            this.jms = wiring.jms();
        } catch (RuntimeException e) {
            producer.close(java.time.Duration.ofSeconds(5));
            throw e;
        }
        try {
            Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(wiring.queue("claims.coverage"))).setMessageListener(this::onRequest);
        } catch (JMSException e) {
            close();
            throw new IllegalStateException("claims cannot listen on its queue: " + e.getMessage(), e);
        }
    }

    private void onRequest(Message message) {
        try {
            JsonNode request = JSON.readTree(((TextMessage) message).getText());
            String patientId = request.path("patientId").asText();
            String mrn = request.path("mrn").asText();
            String policy = request.path("policyNumber").asText();
            String id = bugs.contains(Bug.MRN_AS_PATIENT_ID) ? mrn : patientId;
            String event = JSON.createObjectNode().put("type", "CoverageVerified").put("patientId", id).put("mrn", mrn)
                    .put("insurer", request.path("insurer").asText()).put("policyNumber", policy)
                    .put("status", policy.matches("[A-Z]{3}-\\d+") ? "ACTIVE" : "NOT_FOUND").toString();
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, id, event);
            if (message.getJMSCorrelationID() != null) {
                record.headers().add("correlation-id", message.getJMSCorrelationID().getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.WARNING, "claims could not handle a coverage request: " + e);
        }
    }

    @Override
    public void close() {
        try {
            jms.close(); // waits for a request in progress
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "claims could not close its JMS connection: " + e.getMessage());
        } finally {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
