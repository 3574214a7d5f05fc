package io.sitkit.samples.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Issues an activation token to each user announced on {@code user.registered} — the account stays
 * locked until the user follows the link with it — and asks the e-mail service (JMS queue {@code email.requests},
 * UTF-8 JSON in a {@code BytesMessage}, {@code JMSCorrelationID} = user id) to send that link.
 * The username travels URL-encoded in the link.
 *
 * <pre>{@code
 * try (AuthenticationService auth = AuthenticationService.start(wiring, Set.of())) { ... }
 * }</pre>
 *
 * <p>Thread-safety: events are handled on the poll loop's thread, which alone uses the JMS session.
 */
public final class AuthenticationService implements AutoCloseable {
    /** Where users activate their account. */
    public static final String ACTIVATION_URL = "https://sitkit.example/activate";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationService.class);
    private static final ObjectMapper READ = new ObjectMapper();
    private final ObjectMapper write;
    private final SecureRandom random = new SecureRandom();
    private final Connection jms;
    private Session session;
    private MessageProducer emails;
    private PollLoop<String, String> loop;

    /** What the e-mail service is asked to send; the field names are the interface. */
    record EmailRequest(String template, String userId, String username, String email, String activationLink) {
    }

    private AuthenticationService(Wiring wiring, Set<Bug> bugs) {
        this.write = bugs.contains(Bug.SNAKE_CASE_FIELDS)
                ? new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE) : new ObjectMapper();
        this.jms = wiring.jms();
    }

    /** Starts reading {@code user.registered} from the beginning. */
    public static AuthenticationService start(Wiring wiring, Set<Bug> bugs) {
        AuthenticationService a = new AuthenticationService(wiring, bugs);
        try {
            a.session = a.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            a.emails = a.session.createProducer(a.session.createQueue(wiring.queue("email.requests")));
            String topic = wiring.topic("user.registered");
            String group = "authentication." + topic; // per topic: the thread is named after it too
            a.loop = PollLoop.start(group, wiring.consumer(group), List.of(topic), a::onRegistered);
            return a;
        } catch (JMSException | RuntimeException e) {
            a.close();
            throw new IllegalStateException("authentication service cannot start: " + e.getMessage(), e);
        }
    }

    private void onRegistered(ConsumerRecord<String, String> record) {
        try {
            JsonNode user = READ.readTree(record.value());
            String userId = user.path("userId").asText();
            String username = user.path("username").asText();
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            String link = ACTIVATION_URL + "?user=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&token=" + token;
            EmailRequest request = new EmailRequest("activation", userId, username, user.path("email").asText(), link);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(write.writeValueAsBytes(request)); // Jackson writes UTF-8
            message.setStringProperty("contentType", "application/json; charset=utf-8");
            message.setJMSCorrelationID(userId);
            emails.send(message);
        } catch (Exception e) {
            LOG.warn("user.registered {} could not be handled: {}", record.offset(), e.toString());
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
