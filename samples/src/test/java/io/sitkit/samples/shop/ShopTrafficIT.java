package io.sitkit.samples.shop;

import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.List;
import java.util.Set;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.header;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_RESULTS;
import static io.sitkit.samples.shop.ShopProbe.NOTIFICATIONS;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo traffic the sandbox runs: orders flow through every service — some discounted, some
 * declined — and stopping the traffic and the shop leaves no thread of theirs behind. Isolated, so
 * no other test's services start or stop while the threads are counted.
 */
@Isolated
@SitTest(observe = {CHECKOUT_RESULTS, NOTIFICATIONS})
@ExtendWith(LocalRegistryExtension.class)
class ShopTrafficIT {

    @Smoke
    @Test
    void demo_traffic_flows_through_every_service_and_stopping_leaves_no_thread_behind(SitBus bus, SitEnvironment env,
                                                                                         SchemaRegistryClient registry) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

        try (ShopSystem shop = ShopSystem.start(ShopProbe.of(bus, env, registry).wiring(), Bug.none());
             ShopTraffic traffic = ShopTraffic.start(shop.cart(), ofMillis(20), 42)) {
            bus.expect(CHECKOUT_RESULTS).messages(anyMessage()).count(atLeast(7)).within(ofSeconds(10));
            bus.expect(CHECKOUT_RESULTS).message(allOf(key("demo-7"), jsonPath("$.error.code").isEqualTo("card_declined")))
                    .within(ofSeconds(1));
            bus.expect(NOTIFICATIONS).message(allOf(header("orderId", "demo-5"), jsonPath("$.discount").isGreaterThan(0)))
                    .within(ofSeconds(10));
            assertThat(traffic.placed()).isGreaterThanOrEqualTo(7);
        }

        await().atMost(ofSeconds(5)).untilAsserted(() -> assertThat(startedSince(before)).isEmpty());
    }

    /** Threads of services, their clients and the traffic that were not there before the shop started (the broker's own pool aside). */
    private static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .filter(n -> n.startsWith("sample-") || n.startsWith("kafka-producer-network-thread") || n.startsWith("kafka-coordinator")
                        || n.startsWith("ActiveMQ") && !n.startsWith("ActiveMQ BrokerService")).sorted().toList();
    }
}
