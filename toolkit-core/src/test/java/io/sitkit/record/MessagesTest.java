package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.Message;
import io.sitkit.core.internal.RawBytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Renaming recorded messages, which the recorder does for every message it writes. */
class MessagesTest {
    private static Message captured(String topic) {
        // A message as a Kafka capture makes it: its metadata is made anew on each call.
        return RawBytes.ownedKafkaRecord(Destination.kafka(topic), null, Headers.empty(), new byte[]{1, 2},
                1_765_102_530_123_000_000L, 1_765_102_530_124_000_000L, 0, 7L, "CreateTime", 0);
    }

    @Test
    void aCapturedKafkaRecordThatKeepsItsNameIsTheSameInstance() {
        Message m = captured("orders");

        assertThat(Messages.renamed(m, d -> d)).isSameAs(m);
    }

    @Test
    void aRenamedCapturedKafkaRecordKeepsEverythingButItsDestination() {
        Message m = captured("orders");

        Message renamed = Messages.renamed(m, d -> Destination.kafka("copy." + d.name()));

        assertThat(renamed.destination()).isEqualTo(Destination.kafka("copy.orders"));
        assertThat(renamed.metadata()).isEqualTo(m.metadata());
        assertThat(renamed.payload()).containsExactly(1, 2);
        assertThat(renamed.capturedAt()).isEqualTo(m.capturedAt());
        assertThat(renamed.timestamp()).isEqualTo(m.timestamp());
    }
}
