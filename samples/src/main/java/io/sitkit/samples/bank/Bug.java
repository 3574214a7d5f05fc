package io.sitkit.samples.bank;

/**
 * Integration bugs the banking system can be started with, each one a mistake real teams make
 * between two services. {@code BankingSystem.start(wiring, EnumSet.of(Bug.LOST_CORRELATION_ID))}.
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /**
     * The transaction processor gives every attempt a fresh posting id instead of the transaction
     * id, so the account service's idempotency check never recognises a client's retry: a retried
     * withdrawal is applied twice.
     */
    DUPLICATE_ON_RETRY,
    /**
     * The account service publishes a withdrawal before the overdraft transfer that funded it, so
     * the account's events (and the customer's notifications) arrive out of sequence.
     */
    REORDERED_EVENTS,
    /**
     * The account service's reply no longer copies the request's {@code JMSCorrelationID}: the
     * processor never recognises the answer and fails the transaction after its timeout.
     */
    LOST_CORRELATION_ID
}
