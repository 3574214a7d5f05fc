package io.sitkit.samples.health;

import io.sitkit.junit.Deep;
import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.samples.iot.IotSystem;
import io.sitkit.samples.outage.AuthRelease;
import io.sitkit.samples.outage.OutageSystem;
import io.sitkit.samples.support.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.jsonPath;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stopped system leaves no thread behind: the healthcare, outage and IoT systems each run a flow
 * and close, and every thread that appeared meanwhile must end. Isolated, so that no other
 * test's threads come and go during the count.
 */
@Isolated
@SitTest
class ServicesLeaveNoThreadsIT {

    @Deep
    @Test
    @Observe(HealthRoutes.EMR_RECORDS)
    void the_healthcare_system(SitBus bus, SitEnvironment env) {
        leavesNoThreads(n -> {
            try (HealthSystem health = HealthSystem.start(wiring(bus, env), Set.of())) {
                health.registration().register(HealthRoutes.ANN);
                bus.expect(HealthRoutes.EMR_RECORDS).messages(jsonPath("$.type").isEqualTo("RecordCreated")).count(atLeast(n))
                        .within(ofSeconds(10));
            }
        });
    }

    @Deep
    @Test
    @Observe("jms:queue:billing.subscriptions")
    void the_outage_system(SitBus bus, SitEnvironment env) {
        leavesNoThreads(n -> {
            try (OutageSystem system = OutageSystem.start(wiring(bus, env), AuthRelease.V1)) {
                system.auth().signUp("u-" + n, "ann@example.com", "PRO");
                bus.expect("jms:queue:billing.subscriptions").messages(anyMessage()).count(atLeast(n)).within(ofSeconds(10));
            }
        });
    }

    @Deep
    @Test
    @Observe("kafka:device-status")
    void the_iot_system(SitBus bus, SitEnvironment env) {
        leavesNoThreads(n -> {
            try (IotSystem iot = IotSystem.start(wiring(bus, env), Set.of())) {
                iot.registry().register("d-" + n, "TH-200", 70);
                bus.expect("kafka:device-status").messages(anyMessage()).count(atLeast(n)).within(ofSeconds(10));
            }
        });
    }

    /**
     * Runs the flow once to let the brokers start what they start on first use (a group coordinator,
     * fetch sessions), then again counting threads: every thread the second run started must end.
     */
    private static void leavesNoThreads(IntConsumer flow) {
        flow.accept(1);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        flow.accept(2);
        await("the services' threads to end").atMost(ofSeconds(10)).untilAsserted(() -> assertThat(
                Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                        .map(Thread::getName)
                        .filter(n -> !n.startsWith("metrics-meter-tick-thread") && !n.startsWith("awaitility"))
                        .collect(Collectors.toSet())).isEmpty());
    }

    private static Wiring wiring(SitBus bus, SitEnvironment env) {
        return Wiring.of(env.connectionProperties(), bus::destination);
    }
}
