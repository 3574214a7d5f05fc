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
 * 500 test executions through the extension in one JVM (real embedded brokers, a topic and
 * captures per test): threads, open file descriptors and heap after GC come back to what they were
 * after a warm-up run. Tagged {@code soak}: about 20 s; {@code -DexcludedGroups=soak} leaves it out.
 */
@Tag("soak")
class SoakIT {
    /** Threads: none may be left; only waits of the check itself differ. */
    static final int THREAD_TOLERANCE = 0;
    /** Threads while the environment is up: consumers and pools may differ by a few from one test to another. */
    static final int IN_RUN_TOLERANCE = 4;
    /** Descriptors: a few for jars and logs opened late; a leak of one per 50 tests would already exceed it. */
    static final long FD_TOLERANCE = 10;
    /** Heap after GC: 32 KiB per test; the run's own results (500 tests' events) are still referenced when measured. */
    static final long HEAP_TOLERANCE_BYTES = 16L << 20;

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

        long t0 = System.nanoTime();
        EngineExecutionResults results = run(SoakScenario.class);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Figures after = settled(before);

        System.out.printf("soak: 500 tests in %d ms; baseline %s; after %s; left threads %s%n",
                took.toMillis(), baseline, after, leaked(before));
        results.testEvents().assertStatistics(s -> s.started(500).succeeded(500));
        for (String kind : new String[] {"kafka", "jms"}) {
            SoakScenario.Sample early = SoakScenario.IN_RUN.get(kind + "-20");
            SoakScenario.Sample late = SoakScenario.IN_RUN.get(kind + "-250");
            System.out.printf("soak, while running (%s tests): test 20: %d threads, %s; test 250: %d threads, %s%n",
                    kind, early.threads(), early.fds(), late.threads(), late.fds());
            assertThat(late.threads()).as("threads at the 250th %s test against the 20th", kind)
                    .isLessThanOrEqualTo(early.threads() + IN_RUN_TOLERANCE);
            assertThat(late.fds().others()).as("fds other than the broker's logs at the 250th %s test against the 20th", kind)
                    .isLessThanOrEqualTo(early.fds().others() + FD_TOLERANCE);
        }
        assertThat(leaked(before)).as("threads started by the 500 tests and still alive").isEmpty();
        assertThat(after.threads()).as("threads").isLessThanOrEqualTo(baseline.threads() + THREAD_TOLERANCE);
        assertThat(after.fds()).as("open file descriptors").isLessThanOrEqualTo(baseline.fds() + FD_TOLERANCE);
        assertThat(after.heapBytes()).as("heap after GC").isLessThanOrEqualTo(baseline.heapBytes() + HEAP_TOLERANCE_BYTES);
    }

    /** Figures once the threads that closing started have ended (bounded wait, no sleeps). */
    private static Figures settled(Set<Thread> before) {
        org.awaitility.Awaitility.await("threads of the closed environment to end").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> leaked(before).isEmpty());
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
