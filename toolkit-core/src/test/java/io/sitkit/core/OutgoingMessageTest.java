package io.sitkit.core;

import io.sitkit.core.internal.RawBytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingMessageTest {

    @Test
    void withersReturnNewInstancesAndLeaveTheOriginalAlone() {
        OutgoingMessage base = OutgoingMessage.text("kafka:orders", "{}");
        OutgoingMessage keyed = base.withKey("o-1").withHeader("h", "v");
        assertThat(base.key()).isNull();
        assertThat(base.headers().isEmpty()).isTrue();
        assertThat(keyed.key()).containsExactly('o', '-', '1');
        assertThat(keyed.headers().lastAsString("h")).contains("v");
    }

    @Test
    void payloadArraysAreCopiedSoCallersCannotMutateAMessage() {
        byte[] payload = {1, 2, 3};
        OutgoingMessage m = OutgoingMessage.bytes("kafka:t", payload);
        payload[0] = 9;
        assertThat(m.payload()).containsExactly(1, 2, 3);
        m.payload()[1] = 9;
        assertThat(m.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void invalidValuesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> OutgoingMessage.text("jms:queue:q", "x").withPriority(10))
                .hasMessage("JMS priority must be 0-9: 10");
        assertThatThrownBy(() -> OutgoingMessage.text("kafka:t", "x").withPartition(-1))
                .hasMessage("partition must be >= 0: -1");
    }

    @Test
    void typedPropertiesKeepTheirTypeAndTextValue() {
        Header h = Header.typed("retries", 3);
        assertThat(h.type()).isEqualTo(PropertyType.INT);
        assertThat(h.valueAsString()).isEqualTo("3");
        assertThat(h.typedValue()).isEqualTo(3);
        assertThat(Header.typed("ok", true).typedValue()).isEqualTo(Boolean.TRUE);
        assertThat(Header.typed("d", 2.5d).typedValue()).isEqualTo(2.5d);
    }

    @Test
    void withersShareTheArraysTheyStartFromSoABuilderChainCopiesThePayloadOnce() {
        byte[] source = "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);
        OutgoingMessage first = OutgoingMessage.bytes("kafka:orders", source);
        OutgoingMessage built = first.withKey("o-1").withHeader("h", "v").withPartition(2)
                .withDestination(Destination.kafka("copy"));

        assertThat(RawBytes.payload(first)).isNotSameAs(source).isEqualTo(source);
        assertThat(RawBytes.payload(built)).isSameAs(RawBytes.payload(first));
        assertThat(RawBytes.key(built.withHeader("h2", "v2"))).isSameAs(RawBytes.key(built));
    }

    @Test
    void newArraysComingInAreCopiedOnce() {
        byte[] key = {7};
        byte[] payload = {1, 2, 3};
        OutgoingMessage m = OutgoingMessage.text("kafka:t", "x").withKey(key).withPayload(payload);
        OutgoingMessage constructed = new OutgoingMessage(Destination.kafka("t"), key, Headers.empty(), payload,
                BodyType.BYTES, null, null, null, null, null, null, null);
        key[0] = 9;
        payload[0] = 9;

        assertThat(m.key()).containsExactly(7);
        assertThat(m.payload()).containsExactly(1, 2, 3);
        assertThat(constructed.key()).containsExactly(7);
        assertThat(constructed.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void jmsFieldsSetOneByOneEqualTheSameFieldsGivenToTheConstructor() {
        Destination q = Destination.parse("jms:queue:payments");
        Destination replies = Destination.parse("jms:queue:replies");
        OutgoingMessage built = OutgoingMessage.text(q, "{}").withCorrelationId("o-1").withReplyTo(replies)
                .withType("Payment").withPriority(7).withPersistent(false).withTimeToLive(Duration.ofSeconds(30));
        OutgoingMessage constructed = new OutgoingMessage(q, null, Headers.empty(), "{}".getBytes(StandardCharsets.UTF_8),
                BodyType.TEXT, null, "o-1", replies, "Payment", 7, false, Duration.ofSeconds(30));

        assertThat(built).isEqualTo(constructed).hasSameHashCodeAs(constructed);
        assertThat(built.correlationId()).isEqualTo("o-1");
        assertThat(built.replyTo()).isEqualTo(replies);
        assertThat(built.type()).isEqualTo("Payment");
        assertThat(built.priority()).isEqualTo(7);
        assertThat(built.persistent()).isFalse();
        assertThat(built.timeToLive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.withCorrelationId(null).withReplyTo((Destination) null).withType(null)
                .withPriority(4).priority()).isEqualTo(4);
        assertThat(built).isNotEqualTo(built.withPriority(6));
    }

    @Test
    void aMessageWithoutJmsFieldsAnswersNullForThem() {
        OutgoingMessage m = OutgoingMessage.bytes("kafka:t", new byte[]{1});

        assertThat(m.correlationId()).isNull();
        assertThat(m.replyTo()).isNull();
        assertThat(m.type()).isNull();
        assertThat(m.priority()).isNull();
        assertThat(m.persistent()).isNull();
        assertThat(m.timeToLive()).isNull();
        assertThat(m).isEqualTo(OutgoingMessage.bytes("kafka:t", new byte[]{1}).withCorrelationId("c").withCorrelationId(null));
    }

    @Test
    void theConstructorRefusesInvalidJmsFieldsWithTheValue() {
        Destination q = Destination.parse("jms:queue:q");
        assertThatThrownBy(() -> new OutgoingMessage(q, null, Headers.empty(), null, BodyType.TEXT, null, null, null,
                null, 10, null, null)).hasMessage("JMS priority must be 0-9: 10");
        assertThatThrownBy(() -> OutgoingMessage.text(q, "x").withTimeToLive(Duration.ZERO))
                .hasMessage("time-to-live must be positive: PT0S");
        assertThatThrownBy(() -> new OutgoingMessage(q, null, Headers.empty(), null, BodyType.MAP, null, null, null,
                null, null, null, null)).hasMessage("only TEXT and BYTES bodies can be published, not MAP");
        assertThatThrownBy(() -> new OutgoingMessage(null, null, Headers.empty(), null, BodyType.TEXT, null, null, null,
                null, 10, null, null)).isInstanceOf(NullPointerException.class).hasMessage("destination");
    }

    @Test
    void anOwnedMessageTakesItsArraysAsTheyAre() {
        byte[] key = {1};
        byte[] payload = {2};
        OutgoingMessage m = RawBytes.ownedOutgoing(Destination.parse("jms:queue:q"), key, Headers.empty(), payload,
                BodyType.BYTES, "c-1", null, "T", null, null, null);

        assertThat(RawBytes.key(m)).isSameAs(key);
        assertThat(RawBytes.payload(m)).isSameAs(payload);
        assertThat(m.correlationId()).isEqualTo("c-1");
        assertThat(m.type()).isEqualTo("T");
        assertThat(m.payload()).isNotSameAs(payload).containsExactly(2);
    }
}
