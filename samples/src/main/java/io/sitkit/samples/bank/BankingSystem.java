package io.sitkit.samples.bank;

import io.sitkit.samples.support.Wiring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole banking system — account service, transaction processor, notification service — started
 * together against one environment, optionally with integration bugs.
 *
 * <pre>{@code
 * try (BankingSystem bank = BankingSystem.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of())) {
 *     bank.open("acc-1", new BigDecimal("100.00"), BigDecimal.ZERO);
 *     bus.publish("kafka:transactions.requested", "acc-1",
 *             "{\"txId\":\"tx-1\",\"accountId\":\"acc-1\",\"type\":\"DEPOSIT\",\"amount\":25.00}");
 * }
 * }</pre>
 *
 * <p>Destinations: {@code kafka:transactions.requested} → processor → {@code jms:queue:account.postings}
 * → account service → {@code jms:queue:account.replies} → processor → {@code kafka:transactions.completed};
 * the account service also publishes {@code kafka:account.events}, which the notification service turns into
 * {@code jms:topic:customer.notifications}, and answers {@code jms:queue:account.history}.
 *
 * <p>Thread-safety: {@link #open} may be called from any thread; {@link #close} once, by the owner.
 */
public final class BankingSystem implements AutoCloseable {
    /** How long the processor waits for the account service before failing a transaction. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    private final List<AutoCloseable> started = new ArrayList<>();
    private AccountService accounts;

    private BankingSystem() {
    }

    /** Starts the three services; the downstream ones first, so nothing published is missed. */
    public static BankingSystem start(Wiring wiring, Set<Bug> bugs) {
        bugs = io.sitkit.samples.support.InjectedBugs.plus(bugs, Bug.class, "bank");
        BankingSystem bank = new BankingSystem();
        try {
            bank.accounts = bank.add(AccountService.start(wiring, bugs));
            bank.add(NotificationService.start(wiring));
            bank.add(TransactionProcessor.start(wiring, bugs, REPLY_TIMEOUT));
            return bank;
        } catch (RuntimeException e) {
            bank.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T add(T service) {
        started.add(service);
        return service;
    }

    /** Opens an account with its checking balance and the savings that back its overdraft protection. */
    public BankingSystem open(String accountId, BigDecimal balance, BigDecimal savings) {
        accounts.open(accountId, balance, savings);
        return this;
    }

    /** Stops the services in reverse order of start, past errors; the first error is rethrown with the rest suppressed. */
    @Override
    public void close() {
        io.sitkit.samples.support.Services.stopAll("banking", started);
    }
}
