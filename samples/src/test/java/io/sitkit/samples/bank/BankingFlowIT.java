package io.sitkit.samples.bank;

import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.FieldMapping;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.bank.Bank.COMPLETED;
import static io.sitkit.samples.bank.Bank.EVENTS;
import static io.sitkit.samples.bank.Bank.HISTORY;
import static io.sitkit.samples.bank.Bank.HISTORY_REPLIES;
import static io.sitkit.samples.bank.Bank.NOTIFICATIONS;
import static io.sitkit.samples.bank.Bank.POSTINGS;
import static io.sitkit.samples.bank.Bank.REPLIES;
import static io.sitkit.samples.bank.Bank.REQUESTED;
import static io.sitkit.samples.bank.Bank.request;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big-bang: the account service, the transaction processor and the notification service all run,
 * and each test follows one transaction from the client's request to the customer's notification.
 */
@SitTest(observe = {REQUESTED, POSTINGS, REPLIES, COMPLETED, EVENTS, NOTIFICATIONS, HISTORY_REPLIES})
class BankingFlowIT {
    private BankingSystem bank;

    @BeforeEach
    void startTheBank(SitBus bus, SitEnvironment env) {
        bank = Bank.start(bus, env, Set.of())
                .open("acc-1", new BigDecimal("100.00"), new BigDecimal("500.00"))
                .open("acc-2", new BigDecimal("100.00"), new BigDecimal("20.00"));
    }

    @AfterEach
    void stopTheBank(SitBus bus) {
        bank.close();
        Bank.assertNoPollThreadsLeftOn(bus, REQUESTED, EVENTS);
    }

    @Smoke
    @Test
    void a_deposit_increases_the_balance(SitBus bus) {
        request(bus, "tx-d1", "acc-1", "DEPOSIT", "25.00");

        Flow flow = Bank.byTransaction(bus).expectFlow("tx-d1")
                .through(Bank.real(bus, REQUESTED, POSTINGS, REPLIES, COMPLETED))
                .hopWithin(2, ofSeconds(1)).hopWithin(3, ofSeconds(1)) // request/reply; hop 1 includes the processor's start
                .consistent(FieldMapping.of(bus.destination(REQUESTED).toString(), "$.amount")
                        .and(bus.destination(POSTINGS).toString(), "$.amount"))
                .within(ofSeconds(10));
        // The flow holds every message of the transaction, the customer notification too, which may come last.
        assertThat(flow.first(bus.destination(COMPLETED)).orElseThrow()).hasKey("acc-1")
                .hasJsonPath("$.status", "COMPLETED").hasJsonPath("$.balance", 125);
        bus.expect(EVENTS).message(allOf(key("acc-1"), jsonPath("$.type").isEqualTo("Deposited"),
                jsonPath("$.amount").isEqualTo(25), jsonPath("$.balance").isEqualTo(125))).within(ofSeconds(2));
    }

    @Smoke
    @Test
    void a_withdrawal_decreases_the_balance(SitBus bus) {
        request(bus, "tx-w1", "acc-1", "WITHDRAWAL", "40.00");

        Message done = bus.expect(COMPLETED).message(jsonPath("$.txId").isEqualTo("tx-w1")).within(ofSeconds(10));
        assertThat(done).hasJsonPath("$.status", "COMPLETED").hasJsonPath("$.balance", 60);
        Message event = bus.expect(EVENTS).message(jsonPath("$.txId").isEqualTo("tx-w1")).within(ofSeconds(2));
        assertThat(event).hasKey("acc-1").ignoringFields("$.seq").isEquivalentTo("""
                {"type": "Withdrawn", "txId": "tx-w1", "accountId": "acc-1", "amount": 40.00,
                 "balance": 60.00, "savingsBalance": 500.00}""");
    }

    @Deep
    @Test
    void insufficient_funds_trigger_overdraft_protection_from_savings(SitBus bus) {
        request(bus, "tx-o1", "acc-1", "WITHDRAWAL", "150.00");

        List<Message> events = bus.expect(EVENTS).messages(jsonPath("$.txId").isEqualTo("tx-o1")).count(atLeast(2)).within(ofSeconds(10));
        assertThat(events).extracting(m -> m.payloadJson().get("type").asText()).containsExactly("OverdraftTransfer", "Withdrawn");
        assertThat(events.get(0)).hasJsonPath("$.amount", 50).hasJsonPath("$.balance", 150).hasJsonPath("$.savingsBalance", 450);
        assertThat(events.get(1)).hasJsonPath("$.amount", 150).hasJsonPath("$.balance", 0).hasJsonPath("$.savingsBalance", 450);
        bus.expect(EVENTS).inOrderPerKey(KeySource.kafkaKey(), "$.seq").now();
        bus.expect(COMPLETED).message(allOf(jsonPath("$.txId").isEqualTo("tx-o1"), jsonPath("$.status").isEqualTo("COMPLETED"),
                jsonPath("$.balance").isEqualTo(0))).within(ofSeconds(2));
        bus.expect(NOTIFICATIONS).message(allOf(jsonPath("$.kind").isEqualTo("OverdraftTransfer"),
                jsonPath("$.text").isEqualTo("Overdraft protection moved 50.00 from savings to acc-1"))).within(ofSeconds(2));
    }

    @Deep
    @Test
    void a_withdrawal_the_savings_cannot_cover_is_declined_and_changes_nothing(SitBus bus) {
        request(bus, "tx-x1", "acc-2", "WITHDRAWAL", "500.00");

        bus.expect(COMPLETED).message(allOf(jsonPath("$.txId").isEqualTo("tx-x1"), jsonPath("$.status").isEqualTo("DECLINED"),
                jsonPath("$.reason").isEqualTo("INSUFFICIENT_FUNDS"))).within(ofSeconds(10));
        bus.expect(NOTIFICATIONS).message(allOf(jsonPath("$.txId").isEqualTo("tx-x1"),
                jsonPath("$.text").isEqualTo("Withdrawal of 500.00 from acc-2 declined: insufficient funds"))).within(ofSeconds(2));
        Message history = askHistory(bus, "acc-2");
        assertThat(history).hasJsonPath("$.balance", 100).hasJsonPath("$.transactions[0].type", "WithdrawalDeclined")
                .hasJsonPath("$.transactions[0].savingsBalance", 20);
        bus.expect(EVENTS).noMessage(jsonPath("$.type").isEqualTo("Withdrawn")).within(ofMillis(0));
    }

    @Deep
    @Test
    void the_history_shows_each_transaction_with_the_balance_after_it(SitBus bus) {
        request(bus, "tx-h1", "acc-1", "DEPOSIT", "10.00");
        request(bus, "tx-h2", "acc-1", "WITHDRAWAL", "30.00");
        bus.expect(COMPLETED).messages(key("acc-1")).count(atLeast(2)).within(ofSeconds(10));

        Message history = askHistory(bus, "acc-1");
        assertThat(history).hasCorrelationId("history-acc-1").ignoringFields("$.transactions[*].seq").isEquivalentTo("""
                {"accountId": "acc-1", "balance": 80.00, "transactions": [
                  {"type": "Deposited", "txId": "tx-h1", "accountId": "acc-1", "amount": 10.00, "balance": 110.00, "savingsBalance": 500.00},
                  {"type": "Withdrawn", "txId": "tx-h2", "accountId": "acc-1", "amount": 30.00, "balance": 80.00, "savingsBalance": 500.00}]}""");
    }

    @Smoke
    @Test
    void a_notification_carries_the_transaction_the_customer_made(SitBus bus) {
        request(bus, "tx-n1", "acc-1", "WITHDRAWAL", "12.50");

        Flow flow = Bank.byTransaction(bus).expectFlow("tx-n1").through(Bank.real(bus, REQUESTED, EVENTS, NOTIFICATIONS))
                .consistent(FieldMapping.of(bus.destination(REQUESTED).toString(), "$.amount")
                        .and(bus.destination(EVENTS).toString(), "$.amount").and(bus.destination(NOTIFICATIONS).toString(), "$.amount"))
                .within(ofSeconds(10));
        assertThat(flow.first(bus.destination(NOTIFICATIONS)).orElseThrow()).hasProperty("accountId", "acc-1")
                .ignoringFields("$.seq").isEquivalentTo("""
                        {"accountId": "acc-1", "txId": "tx-n1", "kind": "Withdrawn", "amount": 12.50, "balance": 87.50,
                         "text": "Withdrawal of 12.50 from acc-1. Balance: 87.50"}""");
    }

    @Deep
    @Test
    void a_withdrawal_the_client_retries_is_applied_once(SitBus bus) {
        request(bus, "tx-r1", "acc-1", "WITHDRAWAL", "40.00");
        request(bus, "tx-r1", "acc-1", "WITHDRAWAL", "40.00"); // the client timed out and sent it again

        List<Message> outcomes = bus.expect(COMPLETED).messages(jsonPath("$.txId").isEqualTo("tx-r1")).count(atLeast(2)).within(ofSeconds(10));
        assertThat(outcomes).hasSize(2).allSatisfy(m -> assertThat(m).hasJsonPath("$.status", "COMPLETED").hasJsonPath("$.balance", 60));
        bus.expect(EVENTS).atMostOncePerKey(KeySource.jsonPath("$.txId")).during(ofMillis(300));
    }

    /** Asks the account service for an account's history, as a statement screen would, and returns the answer. */
    private static Message askHistory(SitBus bus, String accountId) {
        bus.publish(OutgoingMessage.text(HISTORY, "{\"accountId\": \"" + accountId + "\"}")
                .withCorrelationId("history-" + accountId).withReplyTo(bus.destination(HISTORY_REPLIES)));
        return bus.expect(HISTORY_REPLIES).message(correlationId("history-" + accountId)).within(ofSeconds(10));
    }
}
