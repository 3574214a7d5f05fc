package io.sitkit.bench;

import io.sitkit.junit.Isolation;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.SitkitExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes whose bodies do nothing, so a test's duration is what the extension does by default
 * around it: naming, topic creation, capture start on three destinations, teardown.
 */
public final class OverheadScenario {
    /** One warm-up test (it starts the environment) and the measured ones. */
    static final int TESTS = 61;

    private OverheadScenario() {
    }

    /** The default: unique names per test (a new Kafka topic each time). */
    @SitTest(observe = {"kafka:orders", "jms:queue:payments", "jms:topic:notifications"})
    public static class UniqueNames {
        @RepeatedTest(TESTS)
        void nothing() {
        }
    }

    /** Shared names: no topic per test, only the captures. */
    public static class SharedNames {
        @RegisterExtension
        static final SitkitExtension SIT = SitkitExtension.builder()
                .observe("kafka:orders-shared", "jms:queue:payments-shared", "jms:topic:notifications-shared")
                .isolation(Isolation.SHARED_NAMES).build();

        @RepeatedTest(TESTS)
        void nothing() {
        }
    }
}
