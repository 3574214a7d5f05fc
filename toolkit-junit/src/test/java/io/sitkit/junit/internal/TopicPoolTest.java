package io.sitkit.junit.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopicPoolTest {

    @Test
    void twoPoolsInOneJvmNeverNameTheSameTopic() {
        // two runs in one JVM (a test running tests through the EngineTestKit against the same brokers)
        try (TopicPool outer = new TopicPool(null); TopicPool inner = new TopicPool(null)) {
            List<String> first = outer.names("orders");
            List<String> second = inner.names("orders");

            assertThat(first).hasSize(TopicPool.BATCH).allSatisfy(n -> assertThat(n).matches("orders\\.t[0-9a-f]{4}-\\d+"));
            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(all).hasSize(2 * TopicPool.BATCH);
        }
    }
}
