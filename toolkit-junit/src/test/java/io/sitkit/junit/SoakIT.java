package io.sitkit.junit;

import io.sitkit.junit.scenarios.Descriptors;
import io.sitkit.junit.scenarios.SoakScenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * 2 x 500 test executions through the extension in one JVM (real embedded brokers, a topic and
 * captures per test): threads, open file descriptors and platform MBeans come back to exactly what
 * they were after a warm-up run, and the heap after GC to within {@link #HEAP_TOLERANCE_BYTES}.
 * Tagged {@code soak}: toolkit-junit's build runs it in a surefire execution of its own (its own
 * JVM), since it measures the whole JVM and the module's other test classes share an environment
 * that stays up until their run ends.
 */
@Tag("soak")
class SoakIT {
    /** Threads while the environment is up: consumers and pools may differ by a few from one test to another. */
    static final int IN_RUN_TOLERANCE = 4;
    /** Descriptors other than the broker's logs while it runs, 20th to 250th test: one leaked per 6 tests exceeds it (runs have shown −21 to + 24). */
    static final long IN_RUN_FD_TOLERANCE = 40;
    /**
     * Live heap (the class histogram's total after a full GC) against the baseline, after 500 and
     * after 1,000 tests: 4 KiB per test over the 1,000. The baseline's own histogram (about 0.5 MiB)
     * is live at the later counts, and Kafka keeps about 130 bytes per fresh topic name in a static
     * map ({@code CompressionRatioEstimator}, one estimate per topic a producer sent to). Before the embedded broker released Kafka's server gauges
     * ({@code ServerMetrics} in core), each 500 tests kept 6-23 MiB: the gauges of every fresh topic,
     * and the closed logs and partitions they held.
     */
    static final long HEAP_TOLERANCE_BYTES = 4L << 20;
    /** Classes shown, most grown first, in the output and when the heap grew too much. */
    static final int HISTOGRAM_TOP = 15;

    /**
     * The JVM once a run's environment has closed.
     *
     * @param fds       all open descriptors, the broker being closed by then
     * @param heapBytes live heap after a full GC
     * @param grownMost the classes that grew most in bytes since the baseline
     */
    record Figures(int threads, long fds, int mbeans, long heapBytes, String grownMost) {
        @Override
        public String toString() {
            return threads + " threads, " + fds + " open fds, " + mbeans + " MBeans, "
                    + String.format("%.1f MiB live heap", heapBytes / 1048576.0);
        }
    }

    private static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("sitkit.junit.output-dir", "target/sitkit-soak")
                .selectors(selectClass(scenario)).execute();
    }

    @Test
    void five_hundred_tests_leave_threads_descriptors_mbeans_and_heap_where_they_were() {
        run(SoakScenario.Warmup.class).testEvents().assertStatistics(s -> s.started(20).succeeded(20));
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        awaitNoneLeft(before);
        ClassHistogram base = ClassHistogram.now();
        Figures baseline = measure(base, base);

        Duration tookFirst = runFiveHundred();
        Figures afterFirst = settled(before, base);
        Duration took = runFiveHundred();
        Figures after = settled(before, base);

        System.out.printf("soak: 2 x 500 tests in %d + %d ms; baseline %s; after the first 500 %s; after the second %s; left threads %s%n",
                tookFirst.toMillis(), took.toMillis(), baseline, afterFirst, after, leaked(before));
        System.out.printf("soak: grown most since the baseline, after 1,000 tests (bytes, instances, class):%n%s%n", after.grownMost());
        for (String kind : new String[] {"kafka", "jms"}) {
            SoakScenario.Sample early = SoakScenario.IN_RUN.get(kind + "-20");
            SoakScenario.Sample late = SoakScenario.IN_RUN.get(kind + "-250");
            System.out.printf("soak, while running (%s tests): test 20: %d threads, %s; test 250: %d threads, %s%n",
                    kind, early.threads(), early.fds(), late.threads(), late.fds());
            assertThat(late.threads()).as("threads at the 250th %s test against the 20th", kind)
                    .isLessThanOrEqualTo(early.threads() + IN_RUN_TOLERANCE);
            assertThat(late.fds().others()).as("fds other than the broker's logs at the 250th %s test against the 20th", kind)
                    .isLessThanOrEqualTo(early.fds().others() + IN_RUN_FD_TOLERANCE);
        }
        assertThat(leaked(before)).as("threads started by the 1,000 tests and still alive").isEmpty();
        for (Figures now : List.of(afterFirst, after)) {
            String when = now == afterFirst ? "after 500 tests" : "after 1,000 tests";
            assertThat(now.threads()).as("threads %s", when).isEqualTo(baseline.threads());
            assertThat(now.fds()).as("open file descriptors %s", when).isEqualTo(baseline.fds());
            assertThat(now.mbeans()).as("platform MBeans %s", when).isEqualTo(baseline.mbeans());
            assertThat(now.heapBytes()).as("live heap %s against the baseline; grown most:%n%s", when, now.grownMost())
                    .isLessThanOrEqualTo(baseline.heapBytes() + HEAP_TOLERANCE_BYTES);
        }
    }

    /** Runs the 500 and checks they passed; returns only the time, so their results can be collected before the heap is measured. */
    private static Duration runFiveHundred() {
        long t0 = System.nanoTime();
        run(SoakScenario.class).testEvents().assertStatistics(s -> s.started(500).succeeded(500));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Figures once the threads that closing started have ended. */
    private static Figures settled(Set<Thread> before, ClassHistogram base) {
        awaitNoneLeft(before);
        return measure(ClassHistogram.now(), base);
    }

    /** Bounded wait, no sleeps: a closed environment's threads end a little after its close returns. */
    private static void awaitNoneLeft(Set<Thread> before) {
        org.awaitility.Awaitility.await("threads of the closed environment to end").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(leaked(before)).as("threads left").isEmpty());
    }

    private static Figures measure(ClassHistogram now, ClassHistogram base) {
        long fds = Descriptors.now().total();
        int threads = (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("awaitility")).count();
        return new Figures(threads, fds, ManagementFactory.getPlatformMBeanServer().getMBeanCount(), now.totalBytes(),
                now.grownSince(base, HISTOGRAM_TOP));
    }

    /** Alive threads not there at the baseline, except the check's own awaitility thread. */
    private static Set<String> leaked(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("awaitility"))
                .map(Thread::getName).collect(Collectors.toSet());
    }
}
