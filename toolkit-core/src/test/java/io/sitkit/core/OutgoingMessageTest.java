package io.sitkit.core;

import org.junit.jupiter.api.Test;

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
}
