package io.sitkit.samples.mobileauth;

import io.sitkit.samples.support.Wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The mobile-auth system — auth service and profile service, sharing a token-signing secret —
 * started together against one environment, optionally with integration bugs, on a given clock.
 *
 * <pre>{@code
 * try (MobileAuthSystem system = MobileAuthSystem.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of(), clock)) {
 *     String userId = system.addUser("ann", "s3cret", "Ann", "profile:read", "profile:write");
 * }
 * }</pre>
 *
 * <p>Destinations: the app asks {@code jms:queue:auth.requests} and {@code jms:queue:profile.requests}
 * with its own {@code JMSReplyTo}; the auth service announces {@code kafka:auth.events}, which the
 * profile service follows and acknowledges on {@code kafka:profile.events}.
 *
 * <p>Thread-safety: {@link #addUser} may be called from any thread; {@link #close} once, by the owner.
 */
public final class MobileAuthSystem implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private AuthService auth;
    private ProfileService profiles;
    private int users;

    private MobileAuthSystem() {
    }

    /** Starts the profile service, then the auth service, with a fresh shared secret. */
    public static MobileAuthSystem start(Wiring wiring, Set<Bug> bugs, Clock clock) {
        bugs = io.sitkit.samples.support.InjectedBugs.plus(bugs, Bug.class, "mobileauth");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Tokens tokens = new Tokens(secret);
        MobileAuthSystem system = new MobileAuthSystem();
        try {
            system.profiles = ProfileService.start(wiring, bugs, tokens, clock);
            system.started.add(system.profiles);
            system.auth = AuthService.start(wiring, bugs, tokens, clock);
            system.started.add(system.auth);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Adds a user (credentials and profile) allowed {@code scopes}; returns the user id. */
    public synchronized String addUser(String username, String password, String displayName, String... scopes) {
        String userId = "u-" + (++users);
        auth.addUser(username, password, userId, List.of(scopes));
        profiles.addProfile(userId, displayName);
        return userId;
    }

    /** Stops the services in reverse order of start, past errors; the first error is rethrown with the rest suppressed. */
    @Override
    public void close() {
        io.sitkit.samples.support.Services.stopAll("mobile-auth", started);
    }
}
