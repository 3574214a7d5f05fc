package io.sitkit.samples.bank;

import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.support.Wiring;
import io.sitkit.stub.Reply;
import io.sitkit.stub.Rule;
import io.sitkit.stub.Stub;
import io.sitkit.stub.StubSpec;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.sitkit.expect.Count.exactly;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.correlationId;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.bank.Bank.COMPLETED;
import static io.sitkit.samples.bank.Bank.POSTINGS;
import static io.sitkit.samples.bank.Bank.REPLIES;
import static io.sitkit.samples.bank.Bank.request;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/**
 * Top-down: the transaction processor runs alone, and a sitkit stub stands in for the account
 * service on {@code account.postings} — answering on the request's {@code JMSReplyTo} with its
 * {@code JMSCorrelationID}, as the account team's interface says. Outcomes the real ledger makes
 * hard to reach (a declined posting for any amount, silence) are one rule each.
 */
@Deep
@SitTest(observe = {REPLIES, COMPLETED})
class TransactionProcessorTopDownIT {
    static final StubSpec ACCOUNT_SERVICE = StubSpec.on(POSTINGS).named("account-service")
            .correlateBy(StubSpec.CorrelateBy.CORRELATION_ID)
            .rule(Rule.when(jsonPath("$.amount").isGreaterThan(1000)).named("over the balance").reply(Reply.json("""
                    {"txId": "{{ $.txId }}", "status": "REJECTED", "reason": "INSUFFICIENT_FUNDS", "balance": 1000.00}""")))
            .rule(Rule.always().named("posted").reply(Reply.json("""
                    {"txId": "{{ $.txId }}", "status": "POSTED", "balance": 1000.00}""")));

    @Test
    void the_account_services_reason_for_declining_reaches_the_client(SitBus bus, SitEnvironment env) {
        Stub accounts = bus.stub(ACCOUNT_SERVICE);
        try (TransactionProcessor processor = processor(bus, env, BankingSystem.REPLY_TIMEOUT)) {
            request(bus, "tx-t1", "acc-9", "WITHDRAWAL", "5000.00");

            bus.expect(COMPLETED).message(allOf(key("acc-9"), jsonPath("$.txId").isEqualTo("tx-t1"),
                    jsonPath("$.status").isEqualTo("DECLINED"), jsonPath("$.reason").isEqualTo("INSUFFICIENT_FUNDS"))).within(ofSeconds(10));
            bus.expect(REPLIES).message(correlationId("tx-t1")).within(ofSeconds(1));
            accounts.received(exactly(1), allOf(correlationId("tx-t1"), jsonPath("$.postingId").isEqualTo("tx-t1"),
                    jsonPath("$.accountId").isEqualTo("acc-9"), jsonPath("$.type").isEqualTo("WITHDRAWAL"), jsonPath("$.amount").isEqualTo(5000)));
        }
    }

    @Test
    void an_account_service_that_never_answers_fails_the_transaction_after_the_timeout(SitBus bus, SitEnvironment env) {
        Stub accounts = bus.stub(StubSpec.on(POSTINGS).named("account-service, silent").rule(Rule.always().reply(Reply.none())));
        try (TransactionProcessor processor = processor(bus, env, ofMillis(300))) {
            request(bus, "tx-t2", "acc-9", "DEPOSIT", "10.00");

            bus.expect(COMPLETED).message(allOf(jsonPath("$.txId").isEqualTo("tx-t2"), jsonPath("$.status").isEqualTo("FAILED"),
                    jsonPath("$.reason").isEqualTo("no answer from the account service within 300 ms"))).within(ofSeconds(10));
            accounts.received(exactly(1), jsonPath("$.postingId").isEqualTo("tx-t2"));
        }
    }

    private static TransactionProcessor processor(SitBus bus, SitEnvironment env, java.time.Duration replyTimeout) {
        return TransactionProcessor.start(Wiring.of(env.connectionProperties(), bus::destination), Set.of(), replyTimeout);
    }
}
