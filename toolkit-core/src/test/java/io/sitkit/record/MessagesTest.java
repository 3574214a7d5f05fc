package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
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

    @Test
    void aReplayedMessageSharesTheRecordedArraysAndKeepsItsJmsFields() {
        Destination replies = Destination.parse("jms:queue:replies");
        Message m = RawBytes.ownedMessage(Destination.parse("jms:queue:in"), new byte[]{5}, Headers.empty(),
                new byte[]{1, 2}, BodyType.MAP, null, java.time.Instant.EPOCH,
                new JmsMetadata("ID:1", "c-1", replies, "Order", 7, false, null, false, null));
        byte[] payload = RawBytes.payload(m);

        OutgoingMessage out = Messages.outgoing(m, Destination.parse("jms:queue:out"), RawBytes.key(m), payload, replies);

        assertThat(RawBytes.payload(out)).isSameAs(payload).isSameAs(RawBytes.payload(m));
        assertThat(RawBytes.key(out)).isSameAs(RawBytes.key(m));
        assertThat(out.bodyType()).isEqualTo(BodyType.TEXT);
        assertThat(out.correlationId()).isEqualTo("c-1");
        assertThat(out.replyTo()).isEqualTo(replies);
        assertThat(out.type()).isEqualTo("Order");
        assertThat(out.priority()).isEqualTo(7);
        assertThat(out.persistent()).isFalse();
        assertThat(Messages.outgoing(m, Destination.kafka("out"), null, payload, null).correlationId()).isNull();
    }
}
