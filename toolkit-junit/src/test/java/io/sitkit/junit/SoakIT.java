package io.sitkit.junit;

import io.sitkit.junit.scenarios.Descriptors;
import io.sitkit.junit.scenarios.SoakScenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * 2 x 500 test executions through the extension in one JVM (real embedded brokers, a topic and
 * captures per test): threads, open file descriptors and heap after GC come back to what they were
 * after a warm-up run. Tagged {@code soak} (about 25 s), which toolkit-junit's build leaves out: it measures
 * the whole JVM, so it runs on its own ({@code -Dtest=SoakIT -Dsitkit.excluded-groups=}).
 */
@Tag("soak")
class SoakIT {
    /** Threads: none may be left; only waits of the check itself differ. */
    static final int THREAD_TOLERANCE = 0;
    /** Threads while the environment is up: consumers and pools may differ by a few from one test to another. */
    static final int IN_RUN_TOLERANCE = 4;
    /** Descriptors once the environment is closed: a few for jars and logs opened late; a leak of one per 50 tests exceeds it. */
    static final long FD_TOLERANCE = 10;
    /** Descriptors other than the broker's logs while it runs, 20th to 250th test: one leaked per 6 tests exceeds it (runs have shown + 0 to + 20). */
    static final long IN_RUN_FD_TOLERANCE = 40;
    /**
     * Heap after GC, after the second 500 against after the first. Not back to baseline: each run
     * keeps about 13 MiB (27 KiB per test) in Kafka's JVM-wide Yammer metrics registry, which holds
     * the per-topic metrics of every fresh topic after the embedded broker has closed (a class
     * histogram shows 5,634 more {@code MetricName}s and JMX gauges per 500 tests). The bound
     * fails if that grows much, or if anything else starts to keep a few KiB per test.
     */
    static final long HEAP_TOLERANCE_BYTES = 20L << 20;

    record Figures(int threads, long fds, long heapBytes) {
        // fds: the total, the broker being closed by then
        @Override
        public String toString() {
            return threads + " threads, " + fds + " open fds, " + (heapBytes >> 20) + " MiB heap after GC";
        }
    }

    private static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("sitkit.junit.output-dir", "target/sitkit-soak")
                .selectors(selectClass(scenario)).execute();
    }

    @Test
    void five_hundred_tests_leave_threads_descriptors_and_heap_where_they_were() {
        run(SoakScenario.Warmup.class).testEvents().assertStatistics(s -> s.started(20).succeeded(20));
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Figures baseline = settled(before);

        Duration tookFirst = runFiveHundred();
        Figures afterFirst = settled(before);
        Duration took = runFiveHundred();
        Figures after = settled(before);

        System.out.printf("soak: 2 x 500 tests in %d + %d ms; baseline %s; after the first 500 %s; after the second %s; left threads %s%n",
                tookFirst.toMillis(), took.toMillis(), baseline, afterFirst, after, leaked(before));
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
        assertThat(leaked(before)).as("threads started by the 500 tests and still alive").isEmpty();
        assertThat(after.threads()).as("threads").isLessThanOrEqualTo(baseline.threads() + THREAD_TOLERANCE);
        assertThat(after.fds()).as("open file descriptors").isLessThanOrEqualTo(baseline.fds() + FD_TOLERANCE);
        assertThat(afterFirst.threads()).as("threads after the first 500").isLessThanOrEqualTo(baseline.threads() + THREAD_TOLERANCE);
        assertThat(afterFirst.fds()).as("open file descriptors after the first 500").isLessThanOrEqualTo(baseline.fds() + FD_TOLERANCE);
        assertThat(after.heapBytes()).as("heap after GC, second 500 against the first").isLessThanOrEqualTo(afterFirst.heapBytes() + HEAP_TOLERANCE_BYTES);
    }

    /** Runs the 500 and checks they passed; returns only the time, so their results can be collected before the heap is measured. */
    private static Duration runFiveHundred() {
        long t0 = System.nanoTime();
        run(SoakScenario.class).testEvents().assertStatistics(s -> s.started(500).succeeded(500));
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Figures once the threads that closing started have ended (bounded wait, no sleeps). */
    private static Figures settled(Set<Thread> before) {
        org.awaitility.Awaitility.await("threads of the closed environment to end").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(leaked(before)).as("threads left").isEmpty());
        return measure();
    }

    private static Figures measure() {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long fds = Descriptors.now().total();
        int threads = (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("awaitility")).count();
        return new Figures(threads, fds, heap);
    }

    /** Alive threads not there at the baseline, except the check's own awaitility thread. */
    private static Set<String> leaked(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("awaitility"))
                .map(Thread::getName).collect(Collectors.toSet());
    }
}
