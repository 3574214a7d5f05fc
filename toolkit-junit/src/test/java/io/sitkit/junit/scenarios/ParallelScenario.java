package io.sitkit.junit.scenarios;

import io.sitkit.expect.Count;
import io.sitkit.junit.SitBus;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.sitkit.match.Matchers.jsonPath;

/**
 * Eight tests at once on one logical topic, each counting every message on it: a message of
 * another test is cross-talk and breaks the count. All eight are listening before any publishes
 * (a latch), so cross-talk, where names are shared, is certain rather than likely; and each counts
 * only once all eight have published and seen their own five (a second latch), so any cross-talk is
 * on the brokers by then and a short window shows it.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class ParallelScenario {
    public static final int TESTS = 8;

    /** The logical topic every test uses. */
    protected abstract String topic();

    /** Counts the tests that are listening; one per run of the subclass. */
    protected abstract CountDownLatch listening();

    /** Counts the tests that have published and seen their own messages; one per run of the subclass. */
    protected abstract CountDownLatch published();

    @RepeatedTest(TESTS)
    void only_my_messages_are_on_my_orders_topic(SitBus bus) throws InterruptedException {
        listening().countDown();
        if (!listening().await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("not all " + TESTS + " tests started; is parallel execution on with parallelism " + TESTS + "?");
        }
        for (int i = 0; i < 5; i++) {
            bus.publish(topic(), "{\"test\":\"" + bus.testId().hashCode() + "\",\"n\":" + i + "}");
        }
        bus.expect(topic()).messages(jsonPath("$.n").exists()).count(Count.atLeast(5)).within(Duration.ofSeconds(10));
        published().countDown();
        if (!published().await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("not all " + TESTS + " tests published and saw their messages");
        }
        bus.expect(topic()).messages(jsonPath("$.n").exists()).count(Count.exactly(5)).within(Duration.ofSeconds(1));
    }
}
