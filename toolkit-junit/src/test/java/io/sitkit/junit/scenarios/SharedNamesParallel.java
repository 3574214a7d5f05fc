package io.sitkit.junit.scenarios;

import io.sitkit.junit.Isolation;
import io.sitkit.junit.SitkitExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CountDownLatch;

/** Shared names, in the programmatic form: the same suite must see cross-talk. */
public class SharedNamesParallel extends ParallelScenario {
    public static final String TOPIC = "kafka:orders-shared-" + ProcessHandle.current().pid();
    public static final CountDownLatch LISTENING = new CountDownLatch(TESTS);
    public static final CountDownLatch PUBLISHED = new CountDownLatch(TESTS);

    @RegisterExtension
    static final SitkitExtension SIT = SitkitExtension.builder().observe(TOPIC).isolation(Isolation.SHARED_NAMES).build();

    @Override
    protected String topic() {
        return TOPIC;
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
