package io.sitkit.fx.service;

import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.kafka.KafkaClient;
import io.sitkit.kafka.OffsetReset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The destination tree refreshed while another client creates and deletes topics (another tester
 * on the same cluster, say): every refresh succeeds, and a churned topic is either listed whole or
 * not at all.
 */
@ExtendWith(SharedSandbox.class)
class DestinationCatalogRaceIT {
    private static final int CYCLES = 15;
    private static final int REFRESHES = 25;

    @Test
    void refreshing_the_catalog_while_topics_come_and_go_never_fails(Connection shared) throws Exception {
        String prefix = "svc-churn-" + System.nanoTime() + "-";
        try (KafkaClient other = new KafkaClient(shared.bus().kafka().settings())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger cycles = new AtomicInteger();
            AtomicReference<Throwable> churnFailure = new AtomicReference<>();
            Thread churn = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        String topic = prefix + i;
                        other.createTopic(topic, 2);
                        other.publish(OutgoingMessage.text("kafka:" + topic, "m").withPartition(1));
                        other.resetOffsets(prefix + "group", topic, OffsetReset.earliest());
                        other.deleteTopic(topic);
                        cycles.incrementAndGet();
                    }
                } catch (Throwable t) {
                    churnFailure.set(t);
                }
            }, "catalog-churn");
            churn.setDaemon(true);
            churn.start();

            List<Throwable> failures = new ArrayList<>();
            List<DestinationEntry> churned = new ArrayList<>();
            int refreshes = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            try {
                while ((refreshes < REFRESHES || cycles.get() < CYCLES) && churnFailure.get() == null && System.nanoTime() < deadline) {
                    try {
                        DestinationCatalog.list(shared).stream().filter(e -> e.destination().name().startsWith(prefix))
                                .forEach(churned::add);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    refreshes++;
                }
            } finally {
                stop.set(true);
                churn.join(Duration.ofSeconds(30).toMillis());
            }

            assertThat(churnFailure.get()).as("the churning client's failure").isNull();
            assertThat(failures).as("refreshes that failed out of %d", refreshes).isEmpty();
            assertThat(cycles.get()).isGreaterThanOrEqualTo(CYCLES);
            assertThat(refreshes).isGreaterThanOrEqualTo(REFRESHES);
            assertThat(churned).as("churned topics caught by a refresh").isNotEmpty().allSatisfy(e -> {
                assertThat(e.partitions()).isEqualTo(2);
                if (e.messageCount() < 0) {
                    assertThat(e.summary()).as("offsets not readable: marked").startsWith("2 partitions · ? messages");
                } else {
                    assertThat(e.endOffsets()).hasSize(2);
                }
            });
        }
    }
}
