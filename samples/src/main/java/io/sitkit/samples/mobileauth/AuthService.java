package io.sitkit.samples.mobileauth;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Logs users in and changes passwords: answers {@code LOGIN} and {@code CHANGE_PASSWORD} requests
 * from the JMS queue {@code auth.requests} on their {@code JMSReplyTo}; a login gets a token valid
 * for {@link #TOKEN_TTL} with the requested scopes the user is allowed; a password change raises
 * the user's credential version and is announced as {@code PasswordChanged} on the Kafka topic
 * {@code auth.events}, so every service can drop the old tokens.
 *
 * <pre>{@code
 * // started by MobileAuthSystem, which gives it the signing secret it shares with the profile service
 * auth.addUser("ann", "s3cret", "u-1", List.of("profile:read", "profile:write"));
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS session's delivery thread; {@link #addUser} may
 * be called from any thread.
 */
public final class AuthService implements AutoCloseable {
    /** How long a token is valid. */
    public static final Duration TOKEN_TTL = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Set<Bug> bugs;
    private final Tokens tokens;
    private final Clock clock;
    private final String events;
    private final KafkaProducer<String, String> kafka;
    private final Connection jms;
    private Session session;
    private MessageProducer replies;

    private record User(String userId, String passwordHash, List<String> scopes, int version) {
    }

    private AuthService(Wiring wiring, Set<Bug> bugs, Tokens tokens, Clock clock) {
        this.bugs = Set.copyOf(bugs);
        this.tokens = tokens;
        this.clock = clock;
        this.events = wiring.topic("auth.events");
        this.kafka = wiring.producer();
        this.jms = wiring.jms();
    }

    static AuthService start(Wiring wiring, Set<Bug> bugs, Tokens tokens, Clock clock) {
        AuthService s = new AuthService(wiring, bugs, tokens, clock);
        try {
            s.session = s.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.replies = s.session.createProducer(null);
            s.session.createConsumer(s.session.createQueue(wiring.queue("auth.requests"))).setMessageListener(s::onRequest);
            return s;
        } catch (JMSException | RuntimeException e) {
            s.close();
            throw new IllegalStateException("auth service cannot start: " + e.getMessage(), e);
        }
    }

    /** Adds a user who may ask for {@code scopes}. */
    public void addUser(String username, String password, String userId, List<String> scopes) {
        users.put(username, new User(userId, hash(username, password), List.copyOf(scopes), 1));
    }

    private void onRequest(Message request) {
        try {
            JsonNode r = JSON.readTree(((TextMessage) request).getText());
            String username = r.path("username").asText();
            User user = users.get(username);
            String password = r.path(r.has("oldPassword") ? "oldPassword" : "password").asText();
            ObjectNode reply = JSON.createObjectNode();
            if (user == null || !user.passwordHash().equals(hash(username, password))) {
                reply.put("status", "DENIED").put("reason", "BAD_CREDENTIALS");
            } else if ("LOGIN".equals(r.path("action").asText())) {
                login(user, r, reply);
            } else if ("CHANGE_PASSWORD".equals(r.path("action").asText())) {
                User changed = new User(user.userId(), hash(username, r.path("newPassword").asText()), user.scopes(), user.version() + 1);
                users.put(username, changed);
                String event = JSON.createObjectNode().put("type", "PasswordChanged").put("userId", user.userId())
                        .put("credentialVersion", changed.version()).toString();
                kafka.send(new ProducerRecord<>(events, user.userId(), event)).get(10, TimeUnit.SECONDS);
                reply.put("status", "OK").put("credentialVersion", changed.version());
            } else {
                reply.put("status", "DENIED").put("reason", "UNKNOWN_ACTION");
            }
            TextMessage answer = session.createTextMessage(reply.toString());
            answer.setJMSCorrelationID(request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID());
            replies.send(request.getJMSReplyTo(), answer);
        } catch (Exception e) {
            LOG.warn("auth request could not be answered: {}", e.toString());
        }
    }

    private void login(User user, JsonNode r, ObjectNode reply) {
        List<String> granted = new ArrayList<>();
        r.path("scopes").forEach(s -> {
            if (user.scopes().contains(s.asText())) {
                granted.add(s.asText());
            }
        });
        Instant expiry = clock.instant().plus(TOKEN_TTL);
        long exp = bugs.contains(Bug.EXPIRY_IN_MILLIS) ? expiry.toEpochMilli() : expiry.getEpochSecond();
        String token = tokens.issue(new Tokens.Claims(user.userId(), granted, exp, user.version()));
        reply.put("status", "OK").put("userId", user.userId()).put("token", token).put("expiresAt", expiry.toString());
        granted.forEach(reply.putArray("scopes")::add);
    }

    private static String hash(String username, String password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((username + ':' + password).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
