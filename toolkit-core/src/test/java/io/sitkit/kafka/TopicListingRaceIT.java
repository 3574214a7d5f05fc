package io.sitkit.kafka;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
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
import static org.awaitility.Awaitility.await;

/**
 * Listing topics and consumer groups while other clients create and delete topics: a topic that
 * vanishes between the listing and its description is left out, one created meanwhile shows on the
 * next listing, and the listing itself never fails.
 */
@ExtendWith(SharedEmbedded.class)
class TopicListingRaceIT {
    private static final int CYCLES = 25;
    private static final int LISTINGS = 40;

    @Test
    void listings_taken_while_topics_come_and_go_never_fail_and_only_show_whole_topics(EmbeddedEnvironment env) throws Exception {
        String prefix = "race-" + System.nanoTime() + "-";
        try (Bus bus = env.openBus()) {
            KafkaClient kafka = bus.kafka();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger cycles = new AtomicInteger();
            AtomicReference<Throwable> churnFailure = new AtomicReference<>();
            // Each cycle creates a 3-partition topic, publishes to it, gives a consumer group committed
            // offsets on it and deletes it, as fast as the broker answers: listings interleave at every step.
            Thread churn = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        String topic = prefix + i;
                        kafka.createTopic(topic, 3);
                        // the publish waits until the new topic's leader hosts it, so the group can commit on it
                        kafka.publish(OutgoingMessage.text("kafka:" + topic, "m").withPartition(0));
                        kafka.resetOffsets(prefix + "group", topic, OffsetReset.earliest());
                        kafka.deleteTopic(topic);
                        cycles.incrementAndGet();
                    }
                } catch (Throwable t) {
                    churnFailure.set(t);
                }
            }, "race-churn");
            churn.setDaemon(true);
            churn.start();

            List<Throwable> listingFailures = new ArrayList<>();
            int listings = 0;
            int churnTopicsSeen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            try {
                while ((listings < LISTINGS || cycles.get() < CYCLES) && churnFailure.get() == null
                        && System.nanoTime() < deadline) {
                    try {
                        for (DestinationInfo info : kafka.listDestinations()) {
                            if (info.destination().name().startsWith(prefix)) {
                                churnTopicsSeen++;
                                assertThat(info.partitions()).as("partitions of %s", info).isEqualTo(3);
                                if (info.messageCount() >= 0) {
                                    assertThat(info.endOffsets()).as("end offsets of %s", info).hasSize(3);
                                }
                            }
                        }
                        kafka.consumerGroups();
                    } catch (RuntimeException e) {
                        listingFailures.add(e);
                    }
                    listings++;
                }
            } finally {
                stop.set(true);
                churn.join(Duration.ofSeconds(30).toMillis());
            }

            assertThat(churnFailure.get()).as("the churning thread's failure").isNull();
            assertThat(listingFailures).as("listings that failed out of %d", listings).isEmpty();
            assertThat(cycles.get()).as("create/delete cycles").isGreaterThanOrEqualTo(CYCLES);
            assertThat(listings).isGreaterThanOrEqualTo(LISTINGS);
            assertThat(churnTopicsSeen).as("churned topics caught by a listing").isPositive();
            assertThat(churn.isAlive()).isFalse();
        }
    }

    @Test
    void a_topic_created_by_another_client_shows_on_a_later_listing_and_goes_once_deleted(EmbeddedEnvironment env) {
        String topic = "race-late-" + System.nanoTime();
        try (Bus bus = env.openBus(); KafkaClient other = new KafkaClient(bus.kafka().settings())) {
            other.createTopic(topic, 2);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(bus.kafka().listDestinations())
                    .filteredOn(i -> i.destination().equals(Destination.kafka(topic)))
                    .singleElement().satisfies(i -> assertThat(i.partitions()).isEqualTo(2)));
            other.deleteTopic(topic);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(bus.kafka().listDestinations())
                    .noneMatch(i -> i.destination().equals(Destination.kafka(topic))));
        }
    }
}
