package io.sitkit.report;

import io.sitkit.contract.Violation;
import io.sitkit.core.Destination;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one test did: its names and tags, how it ended, the destinations it touched, the messages
 * it saw as a timeline, the contract violations found, and where its flow trace was written.
 * Usually made by {@link RunReportBuilder}.
 *
 * <pre>{@code
 * TestRecord r = report.tests().get(0);
 * if (r.status() == TestStatus.FAILED) {
 *     System.out.println(r.displayName() + ": " + r.failure().orElse(""));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param id           unique within the run, e.g. the test framework's unique id
 * @param className    the test class, e.g. {@code com.shop.CheckoutSit}
 * @param displayName  the name the test framework shows
 * @param tags         tags, sorted
 * @param status       how the test ended
 * @param duration     how long it ran, never negative
 * @param failure      the first lines of the failure message (redacted), for failed and aborted tests
 * @param destinations the destinations the test declared it uses (captures, publishes to), in first-declared
 *                     order; {@link #touched()} adds those seen in the timeline
 * @param timeline     the messages seen, ordered by capture time
 * @param flowTrace    the path of the flow-trace file written for this test, if any
 * @param violations   contract violations found in the messages of this test
 */
public record TestRecord(String id, String className, String displayName, Set<String> tags, TestStatus status,
                         Duration duration, Optional<String> failure, List<Destination> destinations,
                         List<TimelineEntry> timeline, Optional<String> flowTrace, List<Violation> violations) {
    public TestRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(flowTrace, "flowTrace");
        if (id.isBlank()) {
            throw new IllegalArgumentException("test id is blank for test '" + displayName + "' in " + className);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration of test " + id + " is negative: " + duration);
        }
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        destinations = List.copyOf(new LinkedHashSet<>(destinations));
        timeline = timeline.stream().sorted(Comparator.comparing(TimelineEntry::capturedAt)).toList();
        violations = List.copyOf(violations);
    }

    /** The destinations declared and those seen in the timeline, declared first. */
    public List<Destination> touched() {
        Set<Destination> all = new LinkedHashSet<>(destinations);
        timeline.forEach(e -> all.add(e.destination()));
        return List.copyOf(all);
    }

    /** Whether the test failed or was aborted. */
    public boolean unsuccessful() {
        return status == TestStatus.FAILED || status == TestStatus.ABORTED;
    }
}
