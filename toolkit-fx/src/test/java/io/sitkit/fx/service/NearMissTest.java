package io.sitkit.fx.service;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Near misses read back from failure messages in the core's layout. */
class NearMissTest {
    private static final String TWO_FAILURES = """
            Multiple Failures (2 failures)
            \texpected a message matching $.orderId == "o-1" and $.amount == 25.0
              on jms:queue:payment.requests.t1
              within 200ms (looking back at earlier messages)
              but saw 0 matching
              nearest misses (2 of 2 on jms:queue:payment.requests.t1):
                jms:queue:payment.requests.t1 id=ID:vm-1:1:1:1:1 {"orderId":"o-1","amount":2.5}
                  ok   $.orderId == "o-1"
                  FAIL $.amount == 25.0: was 2.5
                jms:queue:payment.requests.t1 id=ID:vm-1:1:1:1:2 {"orderId":"o-2","amount":25.0}
                  FAIL $.orderId == "o-1": was "o-2"
                  ok   $.amount == 25.0
              capture started from now: jms:queue:payment.requests.t1
            \texpected a message matching $.total_amount == 42
              on kafka:orders
              within 200ms
              but saw 0 matching
              nearest misses (1 of 1 on kafka:orders):
                kafka:orders[2]@17 key=o-7 {"orderId":"o-7","totalAmount":42}
                  FAIL $.total_amount == 42: missing
              hint: field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)""";

    @Test
    void every_near_miss_of_every_failed_expectation_is_read_with_its_position_and_checks() {
        List<NearMiss> misses = NearMiss.parse(TWO_FAILURES);

        assertThat(misses).hasSize(3);
        assertThat(misses.get(0)).isEqualTo(new NearMiss("expected a message matching $.orderId == \"o-1\" and $.amount == 25.0",
                "jms:queue:payment.requests.t1", "jms:queue:payment.requests.t1 id=ID:vm-1:1:1:1:1",
                "jms:queue:payment.requests.t1 id=ID:vm-1:1:1:1:1 {\"orderId\":\"o-1\",\"amount\":2.5}",
                List.of("ok   $.orderId == \"o-1\"", "FAIL $.amount == 25.0: was 2.5")));
        assertThat(misses.get(1).position()).isEqualTo("jms:queue:payment.requests.t1 id=ID:vm-1:1:1:1:2");
        assertThat(misses.get(1).failedChecks()).containsExactly("FAIL $.orderId == \"o-1\": was \"o-2\"");
        assertThat(misses.get(2)).isEqualTo(new NearMiss("expected a message matching $.total_amount == 42", "kafka:orders",
                "kafka:orders[2]@17", "kafka:orders[2]@17 key=o-7 {\"orderId\":\"o-7\",\"totalAmount\":42}",
                List.of("FAIL $.total_amount == 42: missing")));
    }

    @Test
    void a_failure_without_near_misses_has_none() {
        assertThat(NearMiss.parse("expected a message matching any message\n  on kafka:orders\n  but saw 0 matching")).isEmpty();
        assertThat(NearMiss.parse("")).isEmpty();
        assertThat(NearMiss.parse(null)).isEmpty();
    }

    @Test
    void a_near_miss_is_the_message_at_its_position() {
        NearMiss miss = NearMiss.parse(TWO_FAILURES).get(2);
        Message at17 = at(17);
        Message at18 = at(18);

        assertThat(miss.is(at17)).isTrue();
        assertThat(miss.is(at18)).isFalse();
    }

    private static Message at(long offset) {
        return new Message(Destination.kafka("orders"), null, Headers.empty(), new byte[0], BodyType.BYTES, Instant.EPOCH, Instant.EPOCH,
                new KafkaMetadata(2, offset, "CREATE_TIME", -1));
    }
}
