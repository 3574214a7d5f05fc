package io.sitkit.junit.scenarios;

import io.sitkit.junit.Deep;
import io.sitkit.junit.Smoke;
import org.junit.jupiter.api.Test;

/** One smoke flow, one deep flow, one untagged test (no brokers needed). */
public class TieredScenario {
    @Smoke
    @Test
    void fast() {
    }

    @Deep
    @Test
    void slow() {
    }

    @Test
    void untagged() {
    }
}
