package io.sitkit.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test that observes nothing is told how to record. */
@SitTest
class RecordingNothingObservedIT {

    @Test
    void recording_without_observed_destinations_or_addresses_says_what_to_add(SitBus bus, @TempDir Path dir) {
        assertThatThrownBy(() -> bus.record(dir.resolve("x.jsonl")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test " + bus.testId() + " observes no destination; add @Observe(\"kafka:orders\") to the test or"
                        + " observe = {...} to @SitTest");
    }
}
