package io.sitkit.samples.mobileauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.PollLoop;
import io.sitkit.samples.support.Wiring;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Serves user profiles to the mobile app: {@code READ} and {@code UPDATE} requests on the JMS queue
 * {@code profile.requests}, each with a bearer token in the {@code authorization} property, are
 * answered on the request's {@code JMSReplyTo} with the profile or {@code DENIED} and the reason —
 * {@code INVALID_TOKEN}, {@code EXPIRED}, {@code REVOKED}, {@code FORBIDDEN} (a missing scope, or
 * someone else's profile). It follows {@code auth.events} (Kafka): a {@code PasswordChanged}
 * revokes every older token of that user, acknowledged as {@code TokensRevoked} on {@code profile.events}.
 *
 * <pre>{@code
 * // started by MobileAuthSystem, which gives it the signing secret it shares with the auth service
 * profiles.addProfile("u-1", "Ann");
 * }</pre>
 *
 * <p>Thread-safety: requests are handled on the JMS session's delivery thread, revocations on the
 * poll loop's thread; the state they share is concurrent.
 */
public final class ProfileService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, ObjectNode> profiles = new ConcurrentHashMap<>();
    private final Map<String, Integer> validFromVersion = new ConcurrentHashMap<>();
    private final Map<String, Tokens.Claims> seen = new ConcurrentHashMap<>();
    private final Set<Bug> bugs;
    private final Tokens tokens;
    private final Clock clock;
    private final String acks;
    private final KafkaProducer<String, String> kafka;
    private final Connection jms;
    private Session session;
    private MessageProducer replies;
    private Destination configuredReplies;
    private PollLoop<String, String> loop;

    private ProfileService(Wiring wiring, Set<Bug> bugs, Tokens tokens, Clock clock) {
        this.bugs = Set.copyOf(bugs);
        this.tokens = tokens;
        this.clock = clock;
        this.acks = wiring.topic("profile.events");
        this.kafka = wiring.producer();
        this.jms = wiring.jms();
    }

    static ProfileService start(Wiring wiring, Set<Bug> bugs, Tokens tokens, Clock clock) {
        ProfileService s = new ProfileService(wiring, bugs, tokens, clock);
        try {
            s.session = s.jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.replies = s.session.createProducer(null);
            s.configuredReplies = s.session.createQueue(wiring.queue("profile.replies"));
            String authEvents = wiring.topic("auth.events");
            String group = "profile-service." + authEvents; // per topic: the thread is named after it too
            s.loop = PollLoop.start(group, wiring.consumer(group), List.of(authEvents), s::onAuthEvent);
            s.session.createConsumer(s.session.createQueue(wiring.queue("profile.requests"))).setMessageListener(s::onRequest);
            return s;
        } catch (JMSException | RuntimeException e) {
            s.close();
            throw new IllegalStateException("profile service cannot start: " + e.getMessage(), e);
        }
    }

    /** Adds the profile of {@code userId}. */
    public void addProfile(String userId, String displayName) {
        profiles.put(userId, JSON.createObjectNode().put("userId", userId).put("displayName", displayName));
    }

    private void onAuthEvent(ConsumerRecord<String, String> record) {
        try {
            JsonNode e = JSON.readTree(record.value());
            if ("PasswordChanged".equals(e.path("type").asText())) {
                String userId = e.path("userId").asText();
                int version = validFromVersion.merge(userId, e.path("credentialVersion").asInt(), Math::max);
                String ack = JSON.createObjectNode().put("type", "TokensRevoked").put("userId", userId)
                        .put("validFromVersion", version).toString();
                kafka.send(new ProducerRecord<>(acks, userId, ack)).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception ex) {
            LOG.warn("auth event {} could not be applied: {}", record.offset(), ex.toString());
        }
    }

    private void onRequest(Message request) {
        try {
            JsonNode r = JSON.readTree(((TextMessage) request).getText());
            String bearer = request.getStringProperty("authorization");
            String token = bearer != null && bearer.startsWith("Bearer ") ? bearer.substring(7) : null;
            String userId = r.path("userId").asText();
            String action = r.path("action").asText();
            String denied = check(token, userId, "UPDATE".equals(action) ? "profile:write" : "profile:read");
            ObjectNode profile = profiles.get(userId);
            ObjectNode reply = JSON.createObjectNode();
            if (denied != null) {
                reply.put("status", "DENIED").put("reason", denied);
            } else if (profile == null) {
                reply.put("status", "NOT_FOUND");
            } else {
                if ("UPDATE".equals(action)) {
                    profile.setAll((ObjectNode) r.path("changes"));
                    profile.put("userId", userId);
                }
                reply.put("status", "OK").set("profile", profile.deepCopy());
            }
            TextMessage answer = session.createTextMessage(reply.toString());
            answer.setJMSCorrelationID(request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID());
            replies.send(bugs.contains(Bug.WRONG_REPLY_TO) ? configuredReplies : request.getJMSReplyTo(), answer);
        } catch (Exception e) {
            LOG.warn("profile request could not be answered: {}", e.toString());
        }
    }

    /** Why the token does not give {@code scope} on {@code userId}'s profile, or null when it does. */
    private String check(String token, String userId, String scope) {
        Tokens.Claims cached = token == null ? null : seen.get(token);
        Tokens.Claims claims = cached != null ? cached : token == null ? null : tokens.verify(token).orElse(null);
        if (claims == null) {
            return "INVALID_TOKEN";
        }
        if (cached == null || !bugs.contains(Bug.IGNORES_REVOCATIONS)) {
            if (clock.instant().getEpochSecond() >= claims.expiry()) {
                return "EXPIRED";
            }
            if (claims.version() < validFromVersion.getOrDefault(claims.subject(), 0)) {
                return "REVOKED";
            }
        }
        seen.put(token, claims);
        return !claims.subject().equals(userId) || !claims.scopes().contains(scope) ? "FORBIDDEN" : null;
    }

    /** Closes the JMS connection, stops the poll loop, then closes the producer. */
    @Override
    public void close() {
        try {
            jms.close();
        } catch (JMSException e) {
            LOG.warn("closing the JMS connection: {}", e.toString());
        } finally {
            try {
                if (loop != null) {
                    loop.close();
                }
            } finally {
                kafka.close(Duration.ofSeconds(5));
            }
        }
    }
}
