package io.sitkit.samples.registration;

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
import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.registration.Registration.EMAIL_REQUESTS;
import static io.sitkit.samples.registration.Registration.FAILED;
import static io.sitkit.samples.registration.Registration.OUTBOX;
import static io.sitkit.samples.registration.Registration.REGISTERED;
import static io.sitkit.samples.registration.Registration.REPLIES;
import static io.sitkit.samples.registration.Registration.REQUESTS;
import static io.sitkit.samples.registration.Registration.answer;
import static io.sitkit.samples.registration.Registration.register;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression: the registration system with one integration bug at a time, and the sitkit check
 * that names it.
 */
@Deep
@SitTest(observe = {REQUESTS, REPLIES, REGISTERED, EMAIL_REQUESTS, OUTBOX, FAILED})
class RegistrationBugsIT {

    @Test
    void snake_case_field_names_are_caught_with_a_hint_at_the_naming_style(SitBus bus, SitEnvironment env) {
        try (RegistrationSystem system = Registration.start(bus, env, Set.of(Bug.SNAKE_CASE_FIELDS))) {
            register(bus, "r-1", "ann", "ann@example.test");
            assertThat(answer(bus, "r-1")).hasJsonPath("$.status", "ACCEPTED");

            bus.expect(EMAIL_REQUESTS).message(anyMessage()).within(ofSeconds(10));
            assertThatThrownBy(() -> bus.expect(EMAIL_REQUESTS).message(allOf(jsonPath("$.userId").isEqualTo("u-1"),
                    jsonPath("$.activationLink").exists())).within(Duration.ZERO))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("expected a message matching $.userId == \"u-1\" and $.activationLink exists\n  on "
                            + bus.destination(EMAIL_REQUESTS))
                    .hasMessageContaining("FAIL $.userId == \"u-1\": missing")
                    .hasMessageContaining("hint: field `userId` missing; the message has `user_id` (camelCase vs snake_case)")
                    .hasMessageContaining("hint: field `activationLink` missing; the message has `activation_link` (camelCase vs snake_case)");
            // what the user sees: no mail; the e-mail service parked the request, saying why
            assertThat(bus.expect(FAILED).message(correlationId("u-1")).within(ofSeconds(2))).hasHeader("reason", "missing field userId");
        }
    }

    @Test
    void an_iso_8859_1_round_trip_is_caught_as_a_mangled_name_in_the_mail(SitBus bus, SitEnvironment env) {
        try (RegistrationSystem system = Registration.start(bus, env, Set.of(Bug.ISO_8859_1_EMAIL))) {
            register(bus, "r-1", "jürgen", "j@example.test");
            bus.expect(OUTBOX).message(anyMessage()).within(ofSeconds(10));

            assertThatThrownBy(() -> bus.expect(OUTBOX).message(jsonPath("$.subject").isEqualTo("Activate your account, jürgen"))
                    .within(Duration.ZERO))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but saw 0 matching")
                    .hasMessageContaining("FAIL $.subject == \"Activate your account, jürgen\": was \"Activate your account, jÃ¼rgen\"");
        }
    }

    @Test
    void markup_in_a_username_left_unescaped_is_caught_in_the_html_body(SitBus bus, SitEnvironment env) {
        try (RegistrationSystem system = Registration.start(bus, env, Set.of(Bug.UNESCAPED_HTML))) {
            register(bus, "r-1", "<script>alert(1)</script>", "x@example.test");
            bus.expect(OUTBOX).message(anyMessage()).within(ofSeconds(10));

            assertThatThrownBy(() -> bus.expect(OUTBOX).message(jsonPath("$.html").contains("Hello &lt;script&gt;")).within(Duration.ZERO))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("FAIL $.html contains \"Hello &lt;script&gt;\": was \"<p>Hello <script>alert(1)</script>,</p>");
        }
    }
}
