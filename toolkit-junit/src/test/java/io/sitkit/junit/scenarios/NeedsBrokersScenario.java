package io.sitkit.junit.scenarios;

import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.Test;

/** Two tests that observe a topic, for a run whose environment cannot start. */
@SitTest(observe = "kafka:orders")
public class NeedsBrokersScenario {
    @Test
    void first() {
    }

    @Test
    void second() {
    }
}
