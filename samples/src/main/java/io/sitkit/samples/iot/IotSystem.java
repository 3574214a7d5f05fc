package io.sitkit.samples.iot;

import io.sitkit.samples.support.Wiring;

import java.util.Set;

/**
 * Monitoring and the device registry on one wiring, monitoring first. Devices are not part of it:
 * they (or a test standing in for them) publish readings on Kafka {@code telemetry}.
 *
 * <pre>{@code
 * try (IotSystem iot = IotSystem.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of())) {
 *     iot.registry().register("d-1", "TH-200", 70);
 * }
 * }</pre>
 *
 * <p>Thread-safety: the services are; {@link #close()} stops the registry, then monitoring.
 */
public final class IotSystem implements AutoCloseable {
    private final Monitoring monitoring;
    private final DeviceRegistry registry;

    private IotSystem(Monitoring monitoring, DeviceRegistry registry) {
        this.monitoring = monitoring;
        this.registry = registry;
    }

    /** Starts monitoring with {@code bugs} switched on, then the registry. */
    public static IotSystem start(Wiring wiring, Set<Bug> bugs) {
        bugs = io.sitkit.samples.support.InjectedBugs.plus(bugs, Bug.class, "iot");
        Monitoring monitoring = new Monitoring(wiring, bugs);
        try {
            return new IotSystem(monitoring, new DeviceRegistry(wiring));
        } catch (RuntimeException e) {
            monitoring.close();
            throw e;
        }
    }

    public Monitoring monitoring() {
        return monitoring;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            monitoring.close();
        }
    }
}
