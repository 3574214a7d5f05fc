package io.sitkit.junit;

import io.sitkit.junit.scenarios.TieredScenario;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

class TiersTest {
    @Test
    void smoke_and_deep_select_their_tiers_by_tag() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(TieredScenario.class))
                .filters(TagFilter.includeTags("smoke")).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1))
                .assertThatEvents().haveExactly(1, event(test("fast"), finishedSuccessfully()));
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(TieredScenario.class))
                .filters(TagFilter.excludeTags("deep")).execute()
                .testEvents().assertStatistics(s -> s.started(2));
    }
}
