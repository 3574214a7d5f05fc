package io.sitkit.samples.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.samples.support.Wiring;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.sitkit.match.Matchers.correlationId;
import static java.time.Duration.ofSeconds;

/** The registration system's addresses and the steps its tests share. */
final class Registration {
    static final String REQUESTS = "jms:queue:registration.requests";
    static final String REPLIES = "jms:queue:registration.replies";
    static final String REGISTERED = "kafka:user.registered";
    static final String EMAIL_REQUESTS = "jms:queue:email.requests";
    static final String OUTBOX = "jms:queue:smtp.outbox";
    static final String FAILED = "jms:queue:email.failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Registration() {
    }

    static Wiring wiring(SitBus bus, SitEnvironment env) {
        return Wiring.of(env.connectionProperties(), bus::destination);
    }

    static RegistrationSystem start(SitBus bus, SitEnvironment env, Set<Bug> bugs) {
        return RegistrationSystem.start(wiring(bus, env), bugs);
    }

    /** Sends a sign-up form, as the web front end does, with {@code id} as its JMS correlation id. */
    static void register(SitBus bus, String id, String username, String email) {
        String form = JSON.createObjectNode().put("username", username).put("email", email).toString();
        bus.publish(OutgoingMessage.text(REQUESTS, form).withCorrelationId(id).withReplyTo(bus.destination(REPLIES)));
    }

    /** The registration service's answer to the form sent with {@code id}. */
    static Message answer(SitBus bus, String id) {
        return bus.expect(REPLIES).message(correlationId(id)).within(ofSeconds(10));
    }

    /** This test's real addresses of logical ones, for flow expectations. */
    static String[] real(SitBus bus, String... addresses) {
        return Arrays.stream(addresses).map(a -> bus.destination(a).toString()).toArray(String[]::new);
    }

    /** Fails when a service's poll thread (named after the topic it reads) still runs after its system was closed. */
    static void assertNoPollThreadsLeftOn(SitBus bus, String... topics) {
        List<String> names = Arrays.stream(topics).map(t -> bus.destination(t).name()).toList();
        org.assertj.core.api.Assertions.assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("threads still running after the system was closed").noneMatch(n -> names.stream().anyMatch(n::endsWith));
    }
}
