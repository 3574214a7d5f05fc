package io.sitkit.samples.mobileauth;

import io.sitkit.core.Message;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.mobileauth.MobileApp.APP_REPLIES;
import static io.sitkit.samples.mobileauth.MobileApp.AUTH_EVENTS;
import static io.sitkit.samples.mobileauth.MobileApp.AUTH_REQUESTS;
import static io.sitkit.samples.mobileauth.MobileApp.PROFILE_EVENTS;
import static io.sitkit.samples.mobileauth.MobileApp.PROFILE_REQUESTS;
import static io.sitkit.samples.mobileauth.MobileApp.login;
import static io.sitkit.samples.mobileauth.MobileApp.read;
import static io.sitkit.samples.mobileauth.MobileApp.rename;
import static io.sitkit.samples.mobileauth.MobileApp.token;
import static java.time.Duration.ofSeconds;

/**
 * Big-bang: the auth service and the profile service run; each test plays the mobile app, logging
 * in and presenting its token to the profile service over JMS.
 */
@SitTest(observe = {AUTH_REQUESTS, PROFILE_REQUESTS, APP_REPLIES, AUTH_EVENTS, PROFILE_EVENTS})
class MobileAuthFlowIT {
    private final TestClock clock = new TestClock(MobileApp.START);
    private MobileAuthSystem system;

    @BeforeEach
    void startTheServices(SitBus bus, SitEnvironment env) {
        system = MobileApp.start(bus, env, Set.of(), clock);
        system.addUser("ann", "s3cret", "Ann", "profile:read", "profile:write");
        system.addUser("bob", "hunter2", "Bob", "profile:read");
    }

    @AfterEach
    void stopTheServices(SitBus bus) {
        system.close();
        MobileApp.assertNoPollThreadsLeftOn(bus, AUTH_EVENTS);
    }

    @Smoke
    @Test
    void a_valid_token_reads_the_users_own_profile(SitBus bus) {
        Message login = login(bus, "l-1", "ann", "s3cret", "profile:read");
        assertThat(login).hasJsonPath("$.status", "OK").hasJsonPath("$.userId", "u-1")
                .hasJsonPath("$.expiresAt", "2026-03-01T09:15:00Z").hasJsonPath("$.scopes", java.util.List.of("profile:read"));

        assertThat(read(bus, "p-1", token(login), "u-1")).hasCorrelationId("p-1").isEquivalentTo("""
                {"status": "OK", "profile": {"userId": "u-1", "displayName": "Ann"}}""");
    }

    @Smoke
    @Test
    void a_wrong_password_gets_no_token(SitBus bus) {
        assertThat(login(bus, "l-1", "ann", "S3CRET", "profile:read")).hasJsonPath("$.status", "DENIED")
                .hasJsonPath("$.reason", "BAD_CREDENTIALS").doesNotHaveJsonPath("$.token");
    }

    @Deep
    @Test
    void an_expired_token_is_rejected(SitBus bus) {
        String token = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));

        clock.advance(AuthService.TOKEN_TTL.minus(Duration.ofSeconds(1)));
        assertThat(read(bus, "p-1", token, "u-1")).hasJsonPath("$.status", "OK");
        clock.advance(Duration.ofSeconds(1));
        assertThat(read(bus, "p-2", token, "u-1")).isEquivalentTo("""
                {"status": "DENIED", "reason": "EXPIRED"}""");
    }

    @Deep
    @Test
    void permissions_limit_what_a_token_can_do(SitBus bus) {
        String readOnly = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));
        Message bobs = login(bus, "l-2", "bob", "hunter2", "profile:read", "profile:write"); // bob may not write

        assertThat(bobs).hasJsonPath("$.scopes", java.util.List.of("profile:read"));
        assertThat(rename(bus, "p-1", readOnly, "u-1", "Annie")).hasJsonPath("$.status", "DENIED").hasJsonPath("$.reason", "FORBIDDEN");
        assertThat(read(bus, "p-2", readOnly, "u-2")).hasJsonPath("$.status", "DENIED").hasJsonPath("$.reason", "FORBIDDEN");
        assertThat(read(bus, "p-3", token(bobs), "u-2")).hasJsonPath("$.profile.displayName", "Bob");
        String readWrite = token(login(bus, "l-3", "ann", "s3cret", "profile:read", "profile:write"));
        assertThat(rename(bus, "p-4", readWrite, "u-1", "Annie")).hasJsonPath("$.status", "OK").hasJsonPath("$.profile.displayName", "Annie");
    }

    @Deep
    @Test
    void a_password_change_invalidates_old_tokens_everywhere(SitBus bus) {
        String old = token(login(bus, "l-1", "ann", "s3cret", "profile:read"));
        assertThat(read(bus, "p-1", old, "u-1")).hasJsonPath("$.status", "OK");

        assertThat(MobileApp.changePassword(bus, "c-1", "ann", "s3cret", "n3w-s3cret")).hasJsonPath("$.credentialVersion", 2);
        bus.expect().expectOrder(bus.destination(AUTH_EVENTS).toString(), allOf(key("u-1"), jsonPath("$.type").isEqualTo("PasswordChanged")))
                .before(bus.destination(PROFILE_EVENTS).toString(), allOf(key("u-1"), jsonPath("$.type").isEqualTo("TokensRevoked"),
                        jsonPath("$.validFromVersion").isEqualTo(2)))
                .within(ofSeconds(10));

        assertThat(read(bus, "p-2", old, "u-1")).hasJsonPath("$.status", "DENIED").hasJsonPath("$.reason", "REVOKED");
        assertThat(login(bus, "l-2", "ann", "s3cret", "profile:read")).hasJsonPath("$.reason", "BAD_CREDENTIALS");
        String renewed = token(login(bus, "l-3", "ann", "n3w-s3cret", "profile:read"));
        assertThat(read(bus, "p-3", renewed, "u-1")).hasJsonPath("$.status", "OK");
    }

    @Deep
    @Test
    void a_token_whose_claims_were_edited_is_rejected(SitBus bus) {
        String token = token(login(bus, "l-1", "bob", "hunter2", "profile:read"));
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"u-2\"", "\"u-1\"").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));

        assertThat(read(bus, "p-1", forged, "u-1")).isEquivalentTo("""
                {"status": "DENIED", "reason": "INVALID_TOKEN"}""");
    }
}
