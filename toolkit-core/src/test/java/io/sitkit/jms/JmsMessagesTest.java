package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.internal.RawBytes;
import org.apache.activemq.command.ActiveMQTextMessage;
import org.apache.activemq.command.MessageId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMS-to-message mapping a capture runs for every message, with its capture time as epoch nanoseconds. */
class JmsMessagesTest {
    private static final Destination PAYMENTS = Destination.jmsQueue("payments");
    private static final Instant SEEN = Instant.parse("2026-12-07T10:15:30.123456789Z");

    private static ActiveMQTextMessage message(long timestamp) throws Exception {
        ActiveMQTextMessage m = new ActiveMQTextMessage();
        m.setMessageId(new MessageId("ID:host-1-2-3:1:1:1", 7));
        m.setText("{\"orderId\":\"o-1\"}");
        m.setJMSTimestamp(timestamp);
        m.setStringProperty("orderId", "o-1");
        return m;
    }

    @Test
    void theCapturesNanosecondFormGivesTheSameMessageAsTheInstantForm() throws Exception {
        Message viaNanos = JmsMessages.fromJms(message(1_765_102_530_123L), PAYMENTS, RawBytes.epochNanos(SEEN));
        Message viaInstant = JmsMessages.fromJms(message(1_765_102_530_123L), PAYMENTS, SEEN);

        assertThat(viaNanos).isEqualTo(viaInstant);
        assertThat(viaNanos.timestamp()).isEqualTo(Instant.ofEpochMilli(1_765_102_530_123L));
        assertThat(viaNanos.capturedAt()).isEqualTo(SEEN);
        assertThat(viaNanos.jms()).map(JmsMetadata::messageId).contains("ID:host-1-2-3:1:1:1:7");
        assertThat(viaNanos.headers().lastAsString("orderId")).contains("o-1");
    }

    @Test
    void aMessageWithoutATimestampHasNone() throws Exception {
        Message m = JmsMessages.fromJms(message(0), PAYMENTS, RawBytes.epochNanos(SEEN));

        assertThat(m.timestamp()).isNull();
        assertThat(m.flowTimeNanos()).isEqualTo(m.capturedAtNanos());
    }

    @Test
    void timesPastTheNanosecondRangeAreKeptWhole() throws Exception {
        // Only replayed or synthetic data has such times; they must be kept, not refused or rounded.
        long farMillis = Long.MAX_VALUE / 1_000_000L + 1;
        Instant farCapture = Instant.parse("+30000-01-01T00:00:00.000000001Z");

        assertThat(JmsMessages.fromJms(message(farMillis), PAYMENTS, RawBytes.epochNanos(SEEN)).timestamp())
                .isEqualTo(Instant.ofEpochMilli(farMillis));
        assertThat(JmsMessages.fromJms(message(1_765_102_530_123L), PAYMENTS, farCapture).capturedAt()).isEqualTo(farCapture);
    }
}
