package io.sitkit.bench;

import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.EmbeddedEnvironmentProvider;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;

/**
 * Child main of the {@code env} suite: start-to-ready of the embedded environment in a JVM that
 * has already started and closed one (classes loaded, code warm), as a second test class in the
 * same Surefire fork sees it.
 *
 * <p>Reports {@code warm_<i>_ms} for each of {@code n} fresh environments after a first, discarded
 * one; with Kafka, also {@code restart_<i>_ms}: {@link EmbeddedKafkaBroker#restart()} (same ports,
 * same data) from the stopped broker until a new bus round-trips a message.
 *
 * <p>Usage: {@code WarmRestartProbe kafka|activemq|both <n>}.
 */
public final class WarmRestartProbe {
    private WarmRestartProbe() {
    }

    public static void main(String[] args) {
        Brokers brokers = Brokers.parse(args[0]);
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i <= n; i++) {
            long t0 = System.nanoTime();
            try (EmbeddedEnvironment env = (EmbeddedEnvironment) new EmbeddedEnvironmentProvider().start(brokers.config())) {
                try (Bus bus = env.openBus()) {
                    RoundTrip.on(bus, brokers, "bench-warm-" + i);
                }
                long ms = Probe.millisSince(t0);
                if (i > 0) {
                    Probe.fact("warm_" + i + "_ms", ms);
                }
                if (i == n && brokers.kafka) {
                    restarts(env.kafkaBroker().orElseThrow(), env, n);
                }
            }
        }
        System.exit(0);
    }

    private static void restarts(EmbeddedKafkaBroker broker, EmbeddedEnvironment env, int n) {
        for (int i = 1; i <= n; i++) {
            broker.stop();
            long t0 = System.nanoTime();
            broker.restart();
            try (Bus bus = env.openBus()) {
                RoundTrip.kafka(bus, "bench-restart-" + i);
            }
            Probe.fact("restart_" + i + "_ms", Probe.millisSince(t0));
        }
    }
}
