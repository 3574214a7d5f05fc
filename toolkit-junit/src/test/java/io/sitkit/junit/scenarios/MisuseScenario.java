package io.sitkit.junit.scenarios;

import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Misuse the extension must explain. */
public class MisuseScenario {
    @SitTest
    public static class BusInBeforeAll {
        @BeforeAll
        static void tooEarly(SitBus bus) {
        }

        @Test
        void never() {
        }
    }

    @SitTest
    public static class BadAddress {
        @Test
        @Observe("kafak:orders")
        void typo() {
        }
    }

    @SitTest
    public static class NothingObserved {
        @Test
        void capture(SitBus bus) {
            bus.capture();
        }
    }
}
