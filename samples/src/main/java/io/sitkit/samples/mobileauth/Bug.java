package io.sitkit.samples.mobileauth;

/**
 * Integration bugs the mobile-auth system can be started with.
 * {@code MobileAuthSystem.start(wiring, EnumSet.of(Bug.WRONG_REPLY_TO), clock)}.
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /**
     * The profile service answers on its configured {@code profile.replies} queue instead of the
     * request's {@code JMSReplyTo}: the app waits for an answer that went elsewhere.
     */
    WRONG_REPLY_TO,
    /**
     * The profile service's token cache answers for tokens it has seen before without looking at
     * revocations: after a password change the old token is still accepted.
     */
    IGNORES_REVOCATIONS,
    /**
     * The auth service writes the token's {@code exp} in epoch milliseconds where the token format
     * says seconds: the profile service reads a date thousands of years ahead, and expired tokens
     * are still accepted.
     */
    EXPIRY_IN_MILLIS
}
