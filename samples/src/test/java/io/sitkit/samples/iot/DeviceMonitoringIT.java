package io.sitkit.samples.iot;

import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.Count;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.match.MessageMatcher;
import io.sitkit.samples.support.Wiring;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.match.Matchers.property;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The IoT system on the brokers: the test registers devices through the registry and stands in for
 * the devices, publishing their readings on Kafka {@code telemetry}.
 */
@SitTest(observe = {DeviceMonitoringIT.DEVICE_EVENTS, DeviceMonitoringIT.TELEMETRY, DeviceMonitoringIT.STATUS, DeviceMonitoringIT.ALERTS})
class DeviceMonitoringIT {
    static final String DEVICE_EVENTS = "kafka:device-events";
    static final String TELEMETRY = "kafka:telemetry";
    static final String STATUS = "kafka:device-status";
    static final String ALERTS = "jms:topic:alerts";

    @Smoke
    @Test
    void a_registered_device_appears_in_monitoring_and_its_status_syncs_back_to_the_registry(SitBus bus, SitEnvironment env) {
        try (IotSystem iot = IotSystem.start(wiring(bus, env), Set.of())) {
            iot.registry().register("d-1", "TH-200", 70);

            bus.expect(STATUS).message(status("d-1", "REGISTERED")).within(ofSeconds(10));
            assertThat(iot.monitoring().devices()).containsExactly("d-1");
            await("the registry to learn the status").atMost(ofSeconds(5))
                    .untilAsserted(() -> assertThat(iot.registry().status("d-1")).contains("REGISTERED"));
        }
    }

    @Smoke
    @Test
    void readings_flow_into_the_device_status_in_order(SitBus bus, SitEnvironment env) {
        try (IotSystem iot = IotSystem.start(wiring(bus, env), Set.of())) {
            registered(bus, iot, "d-2", 70);
            for (int seq = 1; seq <= 3; seq++) {
                reading(bus, "d-2", 20 + seq, seq);
            }

            bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.kafkaKey())).expectFlow("d-2")
                    .through(bus.destination(DEVICE_EVENTS).toString(), bus.destination(TELEMETRY).toString(),
                            bus.destination(STATUS).toString())
                    .within(ofSeconds(10));
            Message last = bus.expect(STATUS).message(allOf(status("d-2", "ONLINE"), jsonPath("$.seq").isEqualTo(3))).within(ofSeconds(10));
            assertThat(last).hasKey("d-2").hasJsonPath("$.lastTemperatureC", 23);
            bus.expect(STATUS).inOrderPerKey(KeySource.kafkaKey(), "$.seq").now();
            await("the registry to learn the status").atMost(ofSeconds(5))
                    .untilAsserted(() -> assertThat(iot.registry().status("d-2")).contains("ONLINE"));
        }
    }

    @Deep
    @Test
    void each_device_alerts_above_its_own_threshold_only(SitBus bus, SitEnvironment env) {
        try (IotSystem iot = IotSystem.start(wiring(bus, env), Set.of())) {
            registered(bus, iot, "freezer-1", 40);
            registered(bus, iot, "oven-1", 70);

            reading(bus, "freezer-1", 55, 1);
            reading(bus, "oven-1", 55, 1);
            reading(bus, "oven-1", 70, 2);

            Message alert = bus.expect(ALERTS).message(property("deviceId", "freezer-1")).within(ofSeconds(10));
            assertThat(alert).hasProperty("maxTemperatureC", 40).hasJsonPath("$.type", "TemperatureAlert")
                    .hasJsonPath("$.temperatureC", 55);
            bus.expect(STATUS).message(allOf(status("oven-1", "ONLINE"), jsonPath("$.seq").isEqualTo(2))).within(ofSeconds(10));
            bus.expect(ALERTS).noMessage(property("deviceId", "oven-1")).within(ofSeconds(1));
            bus.expect(ALERTS).messages(property("deviceId", "freezer-1")).count(Count.exactly(1)).within(ofSeconds(0));
        }
    }

    @Smoke
    @Test
    void a_decommissioned_device_is_removed_and_raises_no_more_alerts(SitBus bus, SitEnvironment env) {
        try (IotSystem iot = IotSystem.start(wiring(bus, env), Set.of())) {
            registered(bus, iot, "d-4", 30);
            iot.registry().decommission("d-4");

            bus.expect(STATUS).message(status("d-4", "DECOMMISSIONED")).within(ofSeconds(10));
            assertThat(iot.monitoring().devices()).isEmpty();
            await("the registry to learn the status").atMost(ofSeconds(5))
                    .untilAsserted(() -> assertThat(iot.registry().status("d-4")).contains("DECOMMISSIONED"));
            reading(bus, "d-4", 95, 1);
            bus.expect(ALERTS).noMessage(property("deviceId", "d-4")).within(ofSeconds(1));
            bus.expect(STATUS).noMessage(status("d-4", "ONLINE")).within(ofSeconds(0));
        }
    }

    @Deep
    @Test
    void a_monitoring_that_misses_the_renamed_decommission_event_keeps_alerting(SitBus bus, SitEnvironment env) {
        try (IotSystem iot = IotSystem.start(wiring(bus, env), EnumSet.of(Bug.OLD_DECOMMISSION_EVENT_NAME))) {
            registered(bus, iot, "d-5", 30);
            iot.registry().decommission("d-5");

            String status = bus.destination(STATUS).toString();
            assertThatThrownBy(() -> bus.expect(STATUS).message(status("d-5", "DECOMMISSIONED")).within(ofSeconds(2)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected a message matching key == "d-5" and $.status == "DECOMMISSIONED"
                              on %s
                              within 2s (looking back at earlier messages)
                              but saw 0 matching
                            """.formatted(status))
                    .hasMessageContaining("""
                              nearest misses (1 of 1 on %1$s):
                                %1$s[0]@0 key=d-5 {"deviceId":"d-5","status":"REGISTERED","seq":0}
                                  ok   key == "d-5"
                                  FAIL $.status == "DECOMMISSIONED": was "REGISTERED"
                            """.formatted(status));
            assertThat(iot.monitoring().devices()).as("still monitored").containsExactly("d-5");

            reading(bus, "d-5", 95, 1);
            String alerts = bus.destination(ALERTS).toString();
            // The alert may be captured before the expectation starts or after it: the message says which.
            assertThatThrownBy(() -> bus.expect(ALERTS).noMessage(property("deviceId", "d-5")).within(ofSeconds(2)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected no message matching property deviceId == "d-5"
                              on %1$s
                              within 2s (looking back at earlier messages)
                              but saw 1 matching,\s""".formatted(alerts))
                    .hasMessageMatching("(?s).* but saw 1 matching, (the first after \\S+|captured before the expectation started)\n.*")
                    .hasMessageContaining("""
                            {"type":"TemperatureAlert","deviceId":"d-5","temperatureC":95}
                              seen since the capture started:\s""");
        }
    }

    private static MessageMatcher status(String deviceId, String status) {
        return allOf(key(deviceId), jsonPath("$.status").isEqualTo(status));
    }

    /** Registers a device and waits until monitoring reports it. */
    private static void registered(SitBus bus, IotSystem iot, String deviceId, int maxTemperatureC) {
        iot.registry().register(deviceId, "TH-200", maxTemperatureC);
        bus.expect(STATUS).message(status(deviceId, "REGISTERED")).within(ofSeconds(10));
    }

    /** What the device itself sends. */
    private static void reading(SitBus bus, String deviceId, int temperatureC, int seq) {
        bus.publish(TELEMETRY, deviceId, "{\"deviceId\":\"%s\",\"temperatureC\":%d,\"seq\":%d}".formatted(deviceId, temperatureC, seq));
    }

    private static Wiring wiring(SitBus bus, SitEnvironment env) {
        return Wiring.of(env.connectionProperties(), bus::destination);
    }
}
