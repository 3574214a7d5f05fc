package io.sitkit.env;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The threads a test started and left running after it closed its environment, told apart from
 * the threads of brokers that other test classes keep running in the same JVM (a shared test
 * environment), which start threads whenever they have work.
 */
public final class LeftoverThreads {
    /**
     * JVM-wide daemons that are not ours to stop: Kafka's metrics ticker and the JDK's process reaper
     * (kept after keytool ran).
     */
    private static final Set<String> KNOWN_JVM_WIDE = Set.of("metrics-meter-tick-thread", "process reaper");

    private LeftoverThreads() {
    }

    /**
     * Threads started since {@code before} that are still alive after a bounded join of the
     * non-daemon ones (5 s in all; some, like Netty's global executor left by other tests, end by
     * themselves within a second), except:
     * <ul>
     *   <li>JVM-wide daemons;</li>
     *   <li>Kafka's purgatory timer threads {@code executor-*}, when another Kafka broker was already
     *       running (it starts them lazily);</li>
     *   <li>the threads of any ActiveMQ broker but {@code ourActiveMq} ({@code ActiveMQ BrokerService[<name>] …}):
     *       a broker's task pool starts a thread whenever it has work, also during this test.</li>
     * </ul>
     *
     * @param ourActiveMq the broker name of the ActiveMQ the test started, or null if it started none
     */
    public static Set<Thread> since(Set<Thread> before, String ourActiveMq) throws InterruptedException {
        boolean otherKafka = before.stream().anyMatch(t -> t.getName().startsWith("kafka-request-handler")
                || t.getName().startsWith("ExpirationReaper"));
        String ours = "ActiveMQ BrokerService[" + ourActiveMq + "]";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !t.isDaemon()) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !(t.isDaemon() && KNOWN_JVM_WIDE.stream().anyMatch(t.getName()::startsWith)))
                .filter(t -> !(otherKafka && t.getName().startsWith("executor-")))
                .filter(t -> !t.getName().startsWith("ActiveMQ BrokerService[") || t.getName().startsWith(ours))
                .collect(Collectors.toSet());
    }

    /** The names of {@code threads}, each marked daemon or not, for an assertion's message. */
    public static java.util.List<String> describe(Set<Thread> threads) {
        return threads.stream().map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).toList();
    }
}
