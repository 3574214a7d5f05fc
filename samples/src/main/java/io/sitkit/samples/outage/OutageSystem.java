package io.sitkit.samples.outage;

import io.sitkit.samples.support.Wiring;

/**
 * Auth and billing on one wiring, billing started first.
 *
 * <pre>{@code
 * try (OutageSystem system = OutageSystem.start(Wiring.of(env.connectionProperties(), bus::destination), AuthRelease.V2)) {
 *     system.auth().signUp("u-1", "ann@example.com", "PRO");
 * }
 * }</pre>
 *
 * <p>Thread-safety: the services are; {@link #close()} stops auth, then billing.
 */
public final class OutageSystem implements AutoCloseable {
    private final BillingService billing;
    private final AuthService auth;

    private OutageSystem(BillingService billing, AuthService auth) {
        this.billing = billing;
        this.auth = auth;
    }

    /** Starts billing, then the auth service of {@code release}. */
    public static OutageSystem start(Wiring wiring, AuthRelease release) {
        BillingService billing = new BillingService(wiring);
        try {
            return new OutageSystem(billing, new AuthService(wiring, release));
        } catch (RuntimeException e) {
            billing.close();
            throw e;
        }
    }

    public AuthService auth() {
        return auth;
    }

    public BillingService billing() {
        return billing;
    }

    @Override
    public void close() {
        try {
            auth.close();
        } finally {
            billing.close();
        }
    }
}
