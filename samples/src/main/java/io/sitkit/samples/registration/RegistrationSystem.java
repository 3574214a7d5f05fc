package io.sitkit.samples.registration;

import io.sitkit.samples.support.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The registration system — registration, authentication and e-mail services — started together
 * against one environment, optionally with integration bugs.
 *
 * <pre>{@code
 * try (RegistrationSystem system = RegistrationSystem.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of())) {
 *     bus.publish(OutgoingMessage.text("jms:queue:registration.requests", "{\"username\":\"jürgen\",\"email\":\"j@example.test\"}")
 *             .withReplyTo(bus.destination("jms:queue:registration.replies")));
 * }
 * }</pre>
 *
 * <p>Destinations: {@code jms:queue:registration.requests} → registration → {@code kafka:user.registered}
 * → authentication → {@code jms:queue:email.requests} → e-mail → {@code jms:queue:smtp.outbox}
 * (or {@code jms:queue:email.failed}).
 *
 * <p>Thread-safety: {@link #close} once, by the owner.
 */
public final class RegistrationSystem implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();

    private RegistrationSystem() {
    }

    /** Starts the three services, the last in the chain first. */
    public static RegistrationSystem start(Wiring wiring, Set<Bug> bugs) {
        bugs = io.sitkit.samples.support.InjectedBugs.plus(bugs, Bug.class, "registration");
        RegistrationSystem system = new RegistrationSystem();
        try {
            system.started.add(EmailService.start(wiring, bugs));
            system.started.add(AuthenticationService.start(wiring, bugs));
            system.started.add(RegistrationService.start(wiring));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Stops the services in reverse order of start, past errors; the first error is rethrown with the rest suppressed. */
    @Override
    public void close() {
        io.sitkit.samples.support.Services.stopAll("registration", started);
    }
}
