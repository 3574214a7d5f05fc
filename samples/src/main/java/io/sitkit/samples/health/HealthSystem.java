package io.sitkit.samples.health;

import io.sitkit.samples.support.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole healthcare system on one wiring: claims, the EMR and the registration desk, started
 * downstream first so nothing an upstream service sends waits for a reader.
 *
 * <pre>{@code
 * try (HealthSystem health = HealthSystem.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of())) {
 *     health.registration().register(patient);
 * }
 * }</pre>
 *
 * <p>Thread-safety: the services are; {@link #close()} stops them in reverse order of start.
 */
public final class HealthSystem implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private Claims claims;
    private Emr emr;
    private PatientRegistration registration;

    private HealthSystem() {
    }

    /** Starts claims, the EMR and registration with {@code bugs} switched on. */
    public static HealthSystem start(Wiring wiring, Set<Bug> bugs) {
        bugs = io.sitkit.samples.support.InjectedBugs.plus(bugs, Bug.class, "health");
        HealthSystem system = new HealthSystem();
        try {
            system.claims = system.add(new Claims(wiring, bugs));
            system.emr = system.add(new Emr(wiring, bugs));
            system.registration = system.add(new PatientRegistration(wiring));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T add(T service) {
        started.add(service);
        return service;
    }

    public PatientRegistration registration() {
        return registration;
    }

    public Emr emr() {
        return emr;
    }

    public Claims claims() {
        return claims;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                RuntimeException r = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                if (first == null) {
                    first = r;
                } else {
                    first.addSuppressed(r);
                }
            }
        }
        started.clear();
        if (first != null) {
            throw first;
        }
    }
}
