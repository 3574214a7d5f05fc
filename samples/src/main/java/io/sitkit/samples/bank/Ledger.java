package io.sitkit.samples.bank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account service's books: checking and savings balances, the history of every account, and
 * the outcome of every posting by its id, so that a posting seen again is answered as before and
 * not applied twice. A withdrawal larger than the checking balance is covered from savings
 * (overdraft protection) when savings suffice, and declined otherwise.
 *
 * <pre>{@code
 * Ledger ledger = new Ledger();
 * ledger.open("acc-1", new BigDecimal("100.00"), new BigDecimal("500.00"));
 * Ledger.Outcome o = ledger.post("tx-1", "tx-1", "acc-1", "WITHDRAWAL", new BigDecimal("150.00"));
 * // o.events(): OverdraftTransfer 50.00, then Withdrawn 150.00; balance 0.00, savings 450.00
 * }</pre>
 *
 * <p>Thread-safety: every method is synchronized.
 */
final class Ledger {
    /** One entry of an account's history, as the account service publishes it. */
    record Event(String type, String txId, String accountId, BigDecimal amount, BigDecimal balance,
                 BigDecimal savings, long seq, String reason) {
    }

    /** The answer to a posting and the events it caused, in ledger order; {@code replayed} when seen before. */
    record Outcome(String status, String reason, BigDecimal balance, List<Event> events, boolean replayed) {
        Outcome replay() {
            return new Outcome(status, reason, balance, List.of(), true);
        }
    }

    private static final class Account {
        BigDecimal balance;
        BigDecimal savings;
        long seq;
        final List<Event> history = new ArrayList<>();

        Account(BigDecimal balance, BigDecimal savings) {
            this.balance = balance;
            this.savings = savings;
        }

        Event record(String type, String txId, String id, BigDecimal amount, String reason) {
            Event e = new Event(type, txId, id, amount, balance, savings, ++seq, reason);
            history.add(e);
            return e;
        }
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Outcome> postings = new HashMap<>();

    synchronized void open(String accountId, BigDecimal balance, BigDecimal savings) {
        accounts.put(accountId, new Account(cents(balance), cents(savings)));
    }

    synchronized Outcome post(String postingId, String txId, String accountId, String type, BigDecimal amount) {
        Outcome before = postings.get(postingId);
        if (before != null) {
            return before.replay();
        }
        Outcome outcome = apply(txId, accountId, type, amount == null ? null : cents(amount));
        postings.put(postingId, outcome);
        return outcome;
    }

    private Outcome apply(String txId, String accountId, String type, BigDecimal amount) {
        Account a = accounts.get(accountId);
        if (a == null) {
            return new Outcome("REJECTED", "UNKNOWN_ACCOUNT", null, List.of(), false);
        }
        if (amount == null || amount.signum() <= 0) {
            return new Outcome("REJECTED", "INVALID_AMOUNT", a.balance, List.of(), false);
        }
        List<Event> events = new ArrayList<>();
        switch (type) {
            case "DEPOSIT" -> {
                a.balance = a.balance.add(amount);
                events.add(a.record("Deposited", txId, accountId, amount, null));
            }
            case "WITHDRAWAL" -> {
                BigDecimal shortfall = amount.subtract(a.balance);
                if (shortfall.signum() > 0 && a.savings.compareTo(shortfall) < 0) {
                    events.add(a.record("WithdrawalDeclined", txId, accountId, amount, "INSUFFICIENT_FUNDS"));
                    return new Outcome("REJECTED", "INSUFFICIENT_FUNDS", a.balance, events, false);
                }
                if (shortfall.signum() > 0) { // overdraft protection: savings cover the difference
                    a.savings = a.savings.subtract(shortfall);
                    a.balance = a.balance.add(shortfall);
                    events.add(a.record("OverdraftTransfer", txId, accountId, shortfall, null));
                }
                a.balance = a.balance.subtract(amount);
                events.add(a.record("Withdrawn", txId, accountId, amount, null));
            }
            default -> {
                return new Outcome("REJECTED", "UNKNOWN_TYPE " + type, a.balance, List.of(), false);
            }
        }
        return new Outcome("POSTED", null, a.balance, events, false);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The account's history, oldest first; empty for an unknown account. */
    synchronized List<Event> history(String accountId) {
        Account a = accounts.get(accountId);
        return a == null ? List.of() : List.copyOf(a.history);
    }

    /** The checking balance, or null for an unknown account. */
    synchronized BigDecimal balance(String accountId) {
        Account a = accounts.get(accountId);
        return a == null ? null : a.balance;
    }
}
