package io.sitkit.schema.compat;

import java.util.Locale;

/**
 * Which readers must keep working when a schema gets a new version, in the terms schema
 * registries use. Backward: consumers on the new schema read data written with older ones.
 * Forward: consumers still on older schemas read data written with the new one. Full: both.
 * Transitive modes check against every earlier version, the others only against the latest.
 *
 * <pre>{@code
 * CompatibilityMode mode = CompatibilityMode.parse("backward_transitive");
 * CompatibilityReport report = AvroCompatibility.check(mode, v3, List.of(v1, v2));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum CompatibilityMode {
    /** Nothing is checked. */
    NONE(false, false, false),
    /** The new schema reads data of the latest earlier version. */
    BACKWARD(true, false, false),
    /** The new schema reads data of every earlier version. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest earlier version reads data of the new schema. */
    FORWARD(false, true, false),
    /** Every earlier version reads data of the new schema. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Backward and forward against the latest earlier version. */
    FULL(true, true, false),
    /** Backward and forward against every earlier version. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether new readers must read older data. */
    public boolean checksBackward() {
        return backward;
    }

    /** Whether older readers must read new data. */
    public boolean checksForward() {
        return forward;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /**
     * Reads a registry's name for a mode ({@code BACKWARD_TRANSITIVE}, {@code full}); case, and
     * {@code -} or a space in place of {@code _}, do not matter.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static CompatibilityMode parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (CompatibilityMode mode : values()) {
            if (mode.name().equals(n)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown compatibility mode '" + name + "'; use NONE, BACKWARD,"
                + " BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE");
    }
}
