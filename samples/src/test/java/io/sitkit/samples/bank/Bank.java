package io.sitkit.samples.bank;

import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Expectations;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.samples.support.Wiring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The banking system's addresses and the few steps every banking test takes. */
final class Bank {
    static final String REQUESTED = "kafka:transactions.requested";
    static final String POSTINGS = "jms:queue:account.postings";
    static final String REPLIES = "jms:queue:account.replies";
    static final String COMPLETED = "kafka:transactions.completed";
    static final String EVENTS = "kafka:account.events";
    static final String NOTIFICATIONS = "jms:topic:customer.notifications";
    static final String HISTORY = "jms:queue:account.history";
    static final String HISTORY_REPLIES = "jms:queue:history.replies";

    private Bank() {
    }

    /** The whole system on this test's destinations, with {@code bugs}. */
    static BankingSystem start(SitBus bus, SitEnvironment env, Set<Bug> bugs) {
        return BankingSystem.start(Wiring.of(env.connectionProperties(), bus::destination), bugs);
    }

    /** A client's transaction request, published keyed by account on {@code transactions.requested}. */
    static void request(SitBus bus, String txId, String accountId, String type, String amount) {
        bus.publish(REQUESTED, accountId, """
                {"txId": "%s", "accountId": "%s", "type": "%s", "amount": %s}""".formatted(txId, accountId, type, new BigDecimal(amount)));
    }

    /**
     * Expectations that follow a transaction id across the system: in the JSON of the Kafka events
     * and notifications, as {@code JMSCorrelationID} on the posting queues.
     */
    static Expectations byTransaction(SitBus bus) {
        return bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.txId"))
                .on(bus.destination(POSTINGS), KeySource.jmsCorrelationId())
                .on(bus.destination(REPLIES), KeySource.jmsCorrelationId()));
    }

    /** This test's real addresses of logical ones, for flow expectations. */
    static String[] real(SitBus bus, String... addresses) {
        return Arrays.stream(addresses).map(a -> bus.destination(a).toString()).toArray(String[]::new);
    }

    /** Fails when a service's poll thread (named after the topic it reads) still runs after its system was closed. */
    static void assertNoPollThreadsLeftOn(SitBus bus, String... topics) {
        List<String> names = Arrays.stream(topics).map(t -> bus.destination(t).name()).toList();
        org.assertj.core.api.Assertions.assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("threads still running after the system was closed").noneMatch(n -> names.stream().anyMatch(n::endsWith));
    }
}
