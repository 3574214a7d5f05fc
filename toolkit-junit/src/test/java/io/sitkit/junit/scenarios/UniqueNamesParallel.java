package io.sitkit.junit.scenarios;

import io.sitkit.junit.Isolation;
import io.sitkit.junit.SitTest;

import java.util.concurrent.CountDownLatch;

/** The default isolation: every test its own topic. */
@SitTest(observe = "kafka:orders", isolation = Isolation.UNIQUE_NAMES)
public class UniqueNamesParallel extends ParallelScenario {
    public static final CountDownLatch LISTENING = new CountDownLatch(TESTS);
    public static final CountDownLatch PUBLISHED = new CountDownLatch(TESTS);

    @Override
    protected String topic() {
        return "kafka:orders";
    }

    @Override
    protected CountDownLatch listening() {
        return LISTENING;
    }

    @Override
    protected CountDownLatch published() {
        return PUBLISHED;
    }
}
