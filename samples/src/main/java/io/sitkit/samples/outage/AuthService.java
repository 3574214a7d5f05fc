package io.sitkit.samples.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.samples.support.Wiring;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The authentication service: signs users up and publishes {@code UserSignedUp} on Kafka
 * {@code auth-events} (key: the user id; header {@code eventType}), in the shape of its release.
 *
 * <pre>{@code
 * try (AuthService auth = new AuthService(wiring, AuthRelease.V1)) {
 *     auth.signUp("u-1", "ann@example.com", "PRO");
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class AuthService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthRelease release;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    public AuthService(Wiring wiring, AuthRelease release) {
        this.release = release;
        this.topic = wiring.topic("auth-events");
        this.producer = wiring.producer();
    }

    /** Signs a user up on {@code plan} (FREE, PRO or TEAM) and publishes the event; returns once Kafka has it. */
    public void signUp(String userId, String email, String plan) {
        ObjectNode event = JSON.createObjectNode().put("type", "UserSignedUp").put("userId", userId).put("email", email)
                .put("plan", plan).put("signedUpAt", Instant.now().toString());
        if (release == AuthRelease.V2) {
            event.put("mfaMethod", "TOTP");
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, userId, event.toString());
        record.headers().add("eventType", "UserSignedUp".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing UserSignedUp", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish UserSignedUp to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
