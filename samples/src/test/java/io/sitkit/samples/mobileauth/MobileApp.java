package io.sitkit.samples.mobileauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.samples.support.Wiring;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.sitkit.match.Matchers.correlationId;
import static java.time.Duration.ofSeconds;

/**
 * The mobile app as the tests play it: it asks the auth and profile services over JMS with its own
 * reply queue, one correlation id per request. Also the system's addresses.
 */
final class MobileApp {
    static final String AUTH_REQUESTS = "jms:queue:auth.requests";
    static final String PROFILE_REQUESTS = "jms:queue:profile.requests";
    static final String APP_REPLIES = "jms:queue:app.replies";
    static final String PROFILE_REPLIES = "jms:queue:profile.replies";
    static final String AUTH_EVENTS = "kafka:auth.events";
    static final String PROFILE_EVENTS = "kafka:profile.events";
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MobileApp() {
    }

    static MobileAuthSystem start(SitBus bus, SitEnvironment env, Set<Bug> bugs, TestClock clock) {
        return MobileAuthSystem.start(Wiring.of(env.connectionProperties(), bus::destination), bugs, clock);
    }

    /** Logs in asking for {@code scopes}; returns the auth service's answer. */
    static Message login(SitBus bus, String id, String username, String password, String... scopes) {
        ObjectNode r = JSON.createObjectNode().put("action", "LOGIN").put("username", username).put("password", password);
        var requested = r.putArray("scopes");
        for (String s : scopes) {
            requested.add(s);
        }
        return ask(bus, AUTH_REQUESTS, id, r, null);
    }

    /** The token of a successful login. */
    static String token(Message login) {
        return login.payloadJson().get("token").asText();
    }

    static Message changePassword(SitBus bus, String id, String username, String oldPassword, String newPassword) {
        return ask(bus, AUTH_REQUESTS, id, JSON.createObjectNode().put("action", "CHANGE_PASSWORD").put("username", username)
                .put("oldPassword", oldPassword).put("newPassword", newPassword), null);
    }

    /** Reads {@code userId}'s profile with {@code token}; returns the answer. */
    static Message read(SitBus bus, String id, String token, String userId) {
        send(bus, PROFILE_REQUESTS, id, JSON.createObjectNode().put("action", "READ").put("userId", userId), token);
        return answer(bus, id);
    }

    /** Changes the display name on {@code userId}'s profile with {@code token}; returns the answer. */
    static Message rename(SitBus bus, String id, String token, String userId, String displayName) {
        ObjectNode r = JSON.createObjectNode().put("action", "UPDATE").put("userId", userId);
        r.putObject("changes").put("displayName", displayName);
        send(bus, PROFILE_REQUESTS, id, r, token);
        return answer(bus, id);
    }

    /** Sends a request with the app's reply queue and {@code id} as correlation id; the token as {@code authorization}. */
    static void send(SitBus bus, String address, String id, ObjectNode body, String token) {
        OutgoingMessage m = OutgoingMessage.text(address, body.toString()).withCorrelationId(id).withReplyTo(bus.destination(APP_REPLIES));
        bus.publish(token == null ? m : m.withHeader("authorization", "Bearer " + token));
    }

    private static Message ask(SitBus bus, String address, String id, ObjectNode body, String token) {
        send(bus, address, id, body, token);
        return answer(bus, id);
    }

    static Message answer(SitBus bus, String id) {
        return bus.expect(APP_REPLIES).message(correlationId(id)).within(ofSeconds(10));
    }

    /** Fails when a service's poll thread (named after the topic it reads) still runs after its system was closed. */
    static void assertNoPollThreadsLeftOn(SitBus bus, String... topics) {
        List<String> names = Arrays.stream(topics).map(t -> bus.destination(t).name()).toList();
        org.assertj.core.api.Assertions.assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("threads still running after the system was closed").noneMatch(n -> names.stream().anyMatch(n::endsWith));
    }
}
