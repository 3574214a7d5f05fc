package io.sitkit.samples.bank;

import io.sitkit.correlate.KeySource;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.bank.Bank.COMPLETED;
import static io.sitkit.samples.bank.Bank.EVENTS;
import static io.sitkit.samples.bank.Bank.NOTIFICATIONS;
import static io.sitkit.samples.bank.Bank.POSTINGS;
import static io.sitkit.samples.bank.Bank.REPLIES;
import static io.sitkit.samples.bank.Bank.REQUESTED;
import static io.sitkit.samples.bank.Bank.request;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression: the banking system started with one integration bug at a time, and the sitkit check
 * that catches it — each test asserts that the failure names the cause.
 */
@Deep
@SitTest(observe = {REQUESTED, POSTINGS, REPLIES, COMPLETED, EVENTS, NOTIFICATIONS})
class BankingBugsIT {

    @Test
    void a_retry_applied_twice_is_caught_as_a_transaction_seen_twice(SitBus bus, SitEnvironment env) {
        try (BankingSystem bank = Bank.start(bus, env, Set.of(Bug.DUPLICATE_ON_RETRY))) {
            bank.open("acc-1", new BigDecimal("100.00"), BigDecimal.ZERO);
            request(bus, "tx-r1", "acc-1", "WITHDRAWAL", "40.00");
            request(bus, "tx-r1", "acc-1", "WITHDRAWAL", "40.00");

            bus.expect(COMPLETED).messages(jsonPath("$.txId").isEqualTo("tx-r1")).count(atLeast(2)).within(ofSeconds(10));
            assertThatThrownBy(() -> bus.expect(EVENTS).atMostOncePerKey(KeySource.jsonPath("$.txId")).during(ofSeconds(2)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("expected at most one message per $.txId\n  on " + bus.destination(EVENTS))
                    .hasMessageContaining("but key tx-r1 was seen twice:")
                    .hasMessageContaining("\"type\":\"Withdrawn\",\"txId\":\"tx-r1\",\"accountId\":\"acc-1\",\"amount\":40.00,\"balance\":60.00")
                    .hasMessageContaining("\"type\":\"Withdrawn\",\"txId\":\"tx-r1\",\"accountId\":\"acc-1\",\"amount\":40.00,\"balance\":20.00");
        }
    }

    @Test
    void events_published_out_of_order_are_caught_by_their_sequence_numbers(SitBus bus, SitEnvironment env) {
        try (BankingSystem bank = Bank.start(bus, env, Set.of(Bug.REORDERED_EVENTS))) {
            bank.open("acc-3", new BigDecimal("100.00"), new BigDecimal("500.00"));
            request(bus, "tx-o1", "acc-3", "WITHDRAWAL", "150.00");

            bus.expect(EVENTS).messages(jsonPath("$.txId").isEqualTo("tx-o1")).count(atLeast(2)).within(ofSeconds(10));
            assertThatThrownBy(() -> bus.expect(EVENTS).inOrderPerKey(KeySource.kafkaKey(), "$.seq").now())
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("expected messages in increasing order of $.seq per key\n  on " + bus.destination(EVENTS))
                    .hasMessageContaining("but key acc-3 went from $.seq 2 to 1:")
                    .hasMessageContaining("{\"type\":\"Withdrawn\"")
                    .hasMessageContaining("{\"type\":\"OverdraftTransfer\"");
        }
    }

    @Test
    void a_reply_without_the_correlation_id_is_caught_where_the_flow_breaks(SitBus bus, SitEnvironment env) {
        try (BankingSystem bank = Bank.start(bus, env, Set.of(Bug.LOST_CORRELATION_ID))) {
            bank.open("acc-1", new BigDecimal("100.00"), BigDecimal.ZERO);
            request(bus, "tx-c1", "acc-1", "DEPOSIT", "25.00");

            bus.expect(REPLIES).message(jsonPath("$.txId").isEqualTo("tx-c1")).within(ofSeconds(10)); // the account service did answer
            String replies = bus.destination(REPLIES).toString();
            assertThatThrownBy(() -> Bank.byTransaction(bus).expectFlow("tx-c1")
                    .through(Bank.real(bus, REQUESTED, POSTINGS, REPLIES, COMPLETED)).hopWithin(2, ofMillis(500)).within(ofSeconds(3)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageContaining("but hop 2 " + bus.destination(POSTINGS) + " -> " + replies
                            + " was not reached within its bound of 500ms: no message with key tx-c1 on " + replies)
                    .hasMessageContaining("on " + replies + " (1 message) the keys by JMSCorrelationID were: (none)");
            // and what the customer sees: the deposit failed although the account service booked it
            bus.expect(COMPLETED).message(allOf(jsonPath("$.txId").isEqualTo("tx-c1"), jsonPath("$.status").isEqualTo("FAILED"),
                    jsonPath("$.reason").isEqualTo("no answer from the account service within 1000 ms"))).within(ofSeconds(3));
            bus.expect(EVENTS).message(allOf(jsonPath("$.txId").isEqualTo("tx-c1"), jsonPath("$.type").isEqualTo("Deposited")))
                    .within(ofSeconds(1));
        }
    }
}
