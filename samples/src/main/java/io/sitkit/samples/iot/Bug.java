package io.sitkit.samples.iot;

/**
 * The integration bug the IoT system can be started with.
 *
 * <pre>{@code
 * try (IotSystem iot = IotSystem.start(wiring, EnumSet.of(Bug.OLD_DECOMMISSION_EVENT_NAME))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /**
     * Monitoring still waits for the event's old name, {@code DeviceRemoved}, which the registry renamed
     * {@code DeviceDecommissioned}: a decommissioned device stays monitored and keeps raising alerts.
     */
    OLD_DECOMMISSION_EVENT_NAME
}
