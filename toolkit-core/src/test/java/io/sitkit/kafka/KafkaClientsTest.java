package io.sitkit.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTest {

    @Test
    void the_producer_sends_at_once_instead_of_lingering_for_a_batch() {
        Map<String, Object> p = KafkaClients.producer(KafkaSettings.of("localhost:9092"));

        assertThat(p).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(10_000);
    }

    @Test
    void a_linger_set_by_the_user_wins_and_the_delivery_timeout_makes_room_for_it() {
        KafkaSettings s = KafkaSettings.of("localhost:9092").withTimeout(Duration.ofSeconds(5))
                .withClientProperty(ProducerConfig.LINGER_MS_CONFIG, "20");

        Map<String, Object> p = KafkaClients.producer(s);

        assertThat(p).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20");
        // request.timeout.ms (the 5 s timeout) + linger: Kafka refuses a delivery timeout below that sum.
        assertThat(p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5_020);
    }
}
