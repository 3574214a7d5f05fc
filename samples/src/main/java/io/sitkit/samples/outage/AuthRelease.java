package io.sitkit.samples.outage;

/**
 * Which release of the auth service runs: the one billing was built against, or the one that
 * adds a field to its event. V2 is this system's injectable integration bug.
 *
 * <pre>{@code
 * try (OutageSystem system = OutageSystem.start(wiring, AuthRelease.V2)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an enum.
 */
public enum AuthRelease {
    /** {@code UserSignedUp} with {@code userId}, {@code email}, {@code plan}, {@code signedUpAt}. */
    V1,
    /** V1 plus {@code mfaMethod}, the multi-factor method the user enrolled with. */
    V2
}
