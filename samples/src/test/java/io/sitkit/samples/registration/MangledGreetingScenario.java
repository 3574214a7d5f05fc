package io.sitkit.samples.registration;

import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.Set;

import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.registration.Registration.EMAIL_REQUESTS;
import static io.sitkit.samples.registration.Registration.OUTBOX;
import static io.sitkit.samples.registration.Registration.REGISTERED;
import static io.sitkit.samples.registration.Registration.REPLIES;
import static io.sitkit.samples.registration.Registration.REQUESTS;
import static io.sitkit.samples.registration.Registration.answer;
import static io.sitkit.samples.registration.Registration.register;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/**
 * A sign-up whose activation mail fails on purpose — the e-mail service decodes with ISO-8859-1, so
 * jürgen is greeted as jÃ¼rgen — run only by {@link FlowTraceInTheInspectorIT} through the
 * EngineTestKit (the condition keeps an IDE's "run all" from running it alone). Its failure leaves
 * a flow trace of the whole sign-up.
 */
@SitTest(observe = {REQUESTS, REPLIES, REGISTERED, EMAIL_REQUESTS, OUTBOX})
@EnabledIf("io.sitkit.samples.registration.FlowTraceInTheInspectorIT#launchedAsScenario")
class MangledGreetingScenario {
    @Test
    void the_activation_mail_greets_juergen_by_name(SitBus bus, SitEnvironment env) {
        try (RegistrationSystem system = Registration.start(bus, env, Set.of(Bug.ISO_8859_1_EMAIL))) {
            register(bus, "r-1", "jürgen", "j@example.test");
            answer(bus, "r-1");
            bus.expect(REGISTERED).message(jsonPath("$.username").isEqualTo("jürgen")).within(ofSeconds(10));
            bus.expect(OUTBOX).message(anyMessage()).within(ofSeconds(10));

            bus.expect(OUTBOX).message(jsonPath("$.subject").isEqualTo("Activate your account, jürgen")).within(ofMillis(200));
        }
    }
}
