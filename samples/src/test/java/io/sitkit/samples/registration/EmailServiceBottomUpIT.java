package io.sitkit.samples.registration;

import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.samples.registration.Registration.EMAIL_REQUESTS;
import static io.sitkit.samples.registration.Registration.FAILED;
import static io.sitkit.samples.registration.Registration.OUTBOX;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/**
 * Bottom-up: the e-mail service, the lowest service of the chain, is integrated first — the test
 * plays the authentication service and sends the e-mail requests itself, byte for byte as that
 * service does (UTF-8 JSON in a {@code BytesMessage}).
 */
@Deep
@SitTest(observe = {OUTBOX, FAILED})
class EmailServiceBottomUpIT {

    @Test
    void the_email_service_escapes_markup_and_keeps_every_character_of_the_name(SitBus bus, SitEnvironment env) {
        try (EmailService email = EmailService.start(Registration.wiring(bus, env), Set.of())) {
            send(bus, "u-7", """
                    {"template": "activation", "userId": "u-7", "username": "Zoë <b>&</b> 😀", "email": "zoe@example.test",
                     "activationLink": "https://sitkit.example/activate?user=Zo%C3%AB&token=00ff"}""");

            Message mail = bus.expect(OUTBOX).message(correlationId("u-7")).within(ofSeconds(10));
            assertThat(mail).isEquivalentTo("""
                    {"userId": "u-7", "username": "Zoë <b>&</b> 😀", "to": "zoe@example.test",
                     "subject": "Activate your account, Zoë <b>&</b> 😀",
                     "html": "<p>Hello Zoë &lt;b&gt;&amp;&lt;/b&gt; 😀,</p>\
                    <p><a href=\\"https://sitkit.example/activate?user=Zo%C3%AB&amp;token=00ff\\">Activate your account</a></p>"}""");
            bus.expect(FAILED).noMessage(anyMessage()).within(ofMillis(0));
        }
    }

    @Test
    void a_request_it_cannot_render_is_parked_with_the_reason(SitBus bus, SitEnvironment env) {
        try (EmailService email = EmailService.start(Registration.wiring(bus, env), Set.of())) {
            send(bus, "u-8", """
                    {"template": "activation", "userId": "u-8", "email": "x@example.test", "activationLink": "https://sitkit.example/activate"}""");

            Message parked = bus.expect(FAILED).message(correlationId("u-8")).within(ofSeconds(10));
            assertThat(parked).hasHeader("reason", "missing field username").hasJsonPath("$.userId", "u-8");
            bus.expect(OUTBOX).noMessage(anyMessage()).within(ofMillis(0));
        }
    }

    /** An e-mail request exactly as the authentication service sends it. */
    private static void send(SitBus bus, String userId, String json) {
        bus.publish(OutgoingMessage.bytes(EMAIL_REQUESTS, json.getBytes(StandardCharsets.UTF_8))
                .withCorrelationId(userId).withHeader("contentType", "application/json; charset=utf-8"));
    }
}
