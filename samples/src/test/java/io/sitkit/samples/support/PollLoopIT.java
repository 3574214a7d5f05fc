package io.sitkit.samples.support;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's poll loop is consuming when {@code start} returns: its group has given it partitions
 * of every topic — also of topics the subscription itself creates, whose first assignment is empty —
 * so what a test publishes straight after starting a system is taken up at once.
 */
@SitTest
class PollLoopIT {

    @Test
    void start_returns_once_the_loop_holds_partitions_of_every_topic_even_of_topics_that_did_not_exist(SitBus bus, SitEnvironment env)
            throws Exception {
        // Names no one has created: the consumer's subscription creates them, as a service does on a fresh environment.
        String run = UUID.randomUUID().toString().substring(0, 8);
        Wiring wiring = Wiring.of(env.connectionProperties(), a -> Destination.parse(a + "." + run));
        String events = wiring.topic("events");
        String commands = wiring.topic("commands");
        CompletableFuture<ConsumerRecord<String, String>> first = new CompletableFuture<>();

        try (PollLoop<String, String> loop = PollLoop.start("poll-loop-it", wiring.consumer("poll-loop-it." + run),
                List.of(events, commands), first::complete)) {
            assertThat(loop.assignment()).contains(new TopicPartition(events, 0), new TopicPartition(commands, 0));

            bus.bus().publish(OutgoingMessage.text("kafka:" + commands, "{\"n\":1}").withKey("k"));
            assertThat(first.get(10, TimeUnit.SECONDS).value()).isEqualTo("{\"n\":1}");
        }
    }
}
