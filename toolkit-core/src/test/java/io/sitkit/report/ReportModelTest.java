package io.sitkit.report;

import io.sitkit.core.Destination;
import io.sitkit.core.TestMessages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportModelTest {
    private static final Destination ORDERS = Destination.kafka("orders");

    private static TestRecord record(String id, Duration duration, List<TimelineEntry> timeline) {
        return new TestRecord(id, "C", "name", Set.of("b", "a"), TestStatus.PASSED, duration, Optional.empty(),
                List.of(ORDERS, ORDERS), timeline, Optional.empty(), List.of());
    }

    private static TimelineEntry at(long millis, Destination d) {
        return new TimelineEntry(TestMessages.T0.plusMillis(millis), d, "p" + millis, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, "(empty)");
    }

    @Test
    void aTestRecordSortsTagsDropsRepeatedDestinationsAndOrdersItsTimeline() {
        TestRecord r = record("t", Duration.ZERO, List.of(at(30, ORDERS), at(10, Destination.jmsQueue("q"))));

        assertThat(r.tags()).containsExactly("a", "b");
        assertThat(r.destinations()).containsExactly(ORDERS);
        assertThat(r.timeline()).extracting(TimelineEntry::position).containsExactly("p10", "p30");
        assertThat(r.touched()).containsExactly(ORDERS, Destination.jmsQueue("q"));
    }

    @Test
    void aNegativeDurationIsRefusedWithTheValue() {
        assertThatThrownBy(() -> record("t", Duration.ofMillis(-5), List.of()))
                .hasMessage("duration of test t is negative: PT-0.005S");
    }

    @Test
    void aBlankTestIdIsRefusedNamingTheTest() {
        assertThatThrownBy(() -> record(" ", Duration.ZERO, List.of()))
                .hasMessage("test id is blank for test 'name' in C");
    }

    @Test
    void aSizeBelowMinusOneIsRefusedWithThePosition() {
        assertThatThrownBy(() -> new TimelineEntry(TestMessages.T0, ORDERS, "kafka:orders[0]@1", Optional.empty(),
                Optional.empty(), Optional.empty(), -7, ""))
                .hasMessage("timeline entry size must be -1 (no payload) or more: -7 at kafka:orders[0]@1");
    }

    @Test
    void aBlankMessageTypeIsRefusedSayingToPassEmpty() {
        assertThatThrownBy(() -> new TimelineEntry(TestMessages.T0, ORDERS, "x", Optional.empty(),
                Optional.empty(), Optional.of(" "), 1, ""))
                .hasMessage("timeline entry at x has a blank message type; pass Optional.empty() when the type is unknown");
    }

    @Test
    void aRunThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new RunReport(TestMessages.T0, TestMessages.T0.minusSeconds(1), "env", List.of(),
                Coverage.empty()))
                .hasMessage("run ended at 2026-01-01T09:59:59Z, before it started at 2026-01-01T10:00:00Z");
    }

    @Test
    void aRunWithTwoTestsOfOneIdIsRefused() {
        TestRecord r = record("dup", Duration.ZERO, List.of());

        assertThatThrownBy(() -> new RunReport(TestMessages.T0, TestMessages.T0, "env", List.of(r, r), Coverage.empty()))
                .hasMessage("test id 'dup' appears twice in the run report; ids must be unique");
    }

    @Test
    void aRunCountsItsTestsByStatus() {
        RunReport report = SampleRun.report();

        assertThat(report.count(TestStatus.PASSED)).isEqualTo(2);
        assertThat(report.count(TestStatus.FAILED)).isEqualTo(1);
        assertThat(report.count(TestStatus.SKIPPED)).isZero();
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void anAsyncApiInventoryHasOnePointPerDestinationAndMessageWithTheContractAsAlias() {
        Inventory inventory = Inventory.of(SampleRun.inventory());

        assertThat(inventory.points()).hasSize(6);
        assertThat(inventory.points().get(0)).isEqualTo(new Inventory.Point(SampleRun.ORDERS, "OrderPlaced", Set.of("shop.OrderPlaced")));
    }
}
