package io.sitkit.samples.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Signs users up: takes requests ({@code {"username": …, "email": …}}) from the JMS queue
 * {@code registration.requests}, answers each on its {@code JMSReplyTo} ({@code ACCEPTED} with the
 * new user id, or {@code REJECTED} with a reason), and announces each new user on the Kafka topic
 * {@code user.registered}, keyed by user id. Usernames are stored in Unicode NFC, and two names
 * that differ only in case or in how their accents are encoded are the same name.
 *
 * <pre>{@code
 * try (RegistrationService registration = RegistrationService.start(wiring)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS session's delivery thread.
 */
public final class RegistrationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_USERNAME = 64;
    private final Set<String> taken = new HashSet<>();
    private final String registered;
    private final KafkaProducer<String, String> kafka;
    private final Connection jms;
    private Session session;
    private MessageProducer replies;
    private int users;

    private RegistrationService(Wiring wiring) {
        this.registered = wiring.topic("user.registered");
        this.kafka = wiring.producer();
        this.jms = wiring.jms();
    }

    /** Starts listening on {@code registration.requests}. */
    public static RegistrationService start(Wiring wiring) {
        RegistrationService s = new RegistrationService(wiring);
        try {
            s.session = s.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.replies = s.session.createProducer(null);
            s.session.createConsumer(s.session.createQueue(wiring.queue("registration.requests"))).setMessageListener(s::onRequest);
            return s;
        } catch (JMSException | RuntimeException e) {
            s.close();
            throw new IllegalStateException("registration service cannot start: " + e.getMessage(), e);
        }
    }

    private void onRequest(Message request) {
        try {
            JsonNode r = JSON.readTree(((TextMessage) request).getText());
            String username = Normalizer.normalize(r.path("username").asText(""), Normalizer.Form.NFC).strip();
            String email = r.path("email").asText("");
            ObjectNode reply = JSON.createObjectNode();
            String problem = username.isEmpty() || username.codePointCount(0, username.length()) > MAX_USERNAME ? "INVALID_USERNAME"
                    : !email.matches("[^@\\s]+@[^@\\s]+") ? "INVALID_EMAIL"
                    : !taken.add(username.toLowerCase(Locale.ROOT)) ? "USERNAME_TAKEN" : null;
            if (problem != null) {
                reply.put("status", "REJECTED").put("reason", problem);
            } else {
                String userId = "u-" + (++users);
                ObjectNode event = JSON.createObjectNode().put("userId", userId).put("username", username).put("email", email);
                kafka.send(new ProducerRecord<>(registered, userId, JSON.writeValueAsString(event))).get(10, TimeUnit.SECONDS);
                reply.put("status", "ACCEPTED").put("userId", userId);
            }
            if (request.getJMSReplyTo() != null) {
                TextMessage answer = session.createTextMessage(JSON.writeValueAsString(reply));
                answer.setJMSCorrelationID(request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), answer);
            }
        } catch (Exception e) {
            LOG.warn("registration request could not be handled: {}", e.toString());
        }
    }

    /** Closes the JMS connection (and with it the listener), then the producer. */
    @Override
    public void close() {
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.warn("closing the JMS connection: {}", e.toString());
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }
}
