package io.sitkit.samples.mobileauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.mobileauth.MobileApp.APP_REPLIES;
import static io.sitkit.samples.mobileauth.MobileApp.AUTH_EVENTS;
import static io.sitkit.samples.mobileauth.MobileApp.AUTH_REQUESTS;
import static io.sitkit.samples.mobileauth.MobileApp.PROFILE_EVENTS;
import static io.sitkit.samples.mobileauth.MobileApp.PROFILE_REPLIES;
import static io.sitkit.samples.mobileauth.MobileApp.PROFILE_REQUESTS;
import static io.sitkit.samples.mobileauth.MobileApp.login;
import static io.sitkit.samples.mobileauth.MobileApp.read;
import static io.sitkit.samples.mobileauth.MobileApp.token;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression: the mobile-auth system with one integration bug at a time, and the sitkit check
 * that names it.
 */
@Deep
@SitTest(observe = {AUTH_REQUESTS, PROFILE_REQUESTS, APP_REPLIES, PROFILE_REPLIES, AUTH_EVENTS, PROFILE_EVENTS})
class MobileAuthBugsIT {
    private final TestClock clock = new TestClock(MobileApp.START);

    @Test
    void a_reply_sent_to_the_wrong_queue_is_caught_where_it_went(SitBus bus, SitEnvironment env) {
        try (MobileAuthSystem system = MobileApp.start(bus, env, Set.of(Bug.WRONG_REPLY_TO), clock)) {
            system.addUser("ann", "s3cret", "Ann", "profile:read");
            String token = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));
            MobileApp.send(bus, PROFILE_REQUESTS, "p-1", new ObjectMapper().createObjectNode().put("action", "READ").put("userId", "u-1"), token);

            bus.expect(PROFILE_REPLIES).message(correlationId("p-1")).within(ofSeconds(10)); // answered, but where?
            assertThatThrownBy(() -> bus.expect(APP_REPLIES).message(correlationId("p-1")).within(Duration.ZERO))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("expected a message matching JMSCorrelationID == \"p-1\"\n  on " + bus.destination(APP_REPLIES))
                    .hasMessageContaining(bus.destination(APP_REPLIES) + "=1, " + bus.destination(PROFILE_REPLIES) + "=1")
                    .hasMessageContaining("FAIL JMSCorrelationID == \"p-1\": was \"l-1\"");
        }
    }

    @Test
    void a_token_still_accepted_after_a_password_change_is_caught_in_the_answer(SitBus bus, SitEnvironment env) {
        try (MobileAuthSystem system = MobileApp.start(bus, env, Set.of(Bug.IGNORES_REVOCATIONS), clock)) {
            system.addUser("ann", "s3cret", "Ann", "profile:read");
            String old = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));
            assertThat(read(bus, "p-1", old, "u-1")).hasJsonPath("$.status", "OK");
            MobileApp.changePassword(bus, "c-1", "ann", "s3cret", "n3w-s3cret");
            bus.expect(PROFILE_EVENTS).message(allOf(key("u-1"), jsonPath("$.type").isEqualTo("TokensRevoked"))).within(ofSeconds(10));

            Message answer = read(bus, "p-2", old, "u-1");
            assertThatThrownBy(() -> assertThat(answer).hasJsonPath("$.reason", "REVOKED"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("$.reason == \"REVOKED\"")
                    .hasMessageContaining("{\"status\":\"OK\",\"profile\":{\"userId\":\"u-1\",\"displayName\":\"Ann\"}}");
            bus.expect(AUTH_EVENTS).message(jsonPath("$.type").isEqualTo("PasswordChanged")).within(Duration.ZERO);
        }
    }

    @Test
    void an_expiry_written_in_milliseconds_is_caught_as_an_expired_token_accepted(SitBus bus, SitEnvironment env) {
        try (MobileAuthSystem system = MobileApp.start(bus, env, Set.of(Bug.EXPIRY_IN_MILLIS), clock)) {
            system.addUser("ann", "s3cret", "Ann", "profile:read");
            String token = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));
            clock.advance(AuthService.TOKEN_TTL.plus(Duration.ofMinutes(1)));

            Message answer = read(bus, "p-1", token, "u-1");
            assertThatThrownBy(() -> assertThat(answer).isEquivalentTo("""
                    {"status": "DENIED", "reason": "EXPIRED"}"""))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("$.status: expected \"DENIED\" but was \"OK\"");
        }
    }
}
