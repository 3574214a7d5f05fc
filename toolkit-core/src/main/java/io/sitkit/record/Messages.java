package io.sitkit.record;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.core.TransportMetadata;
import io.sitkit.core.internal.RawBytes;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Conversions between captured, published and recorded messages for the recorder and the replay.
 *
 * <p>Thread-safety: stateless.
 */
final class Messages {
    /** JMS's default priority, used for an injected message that set none. */
    private static final int JMS_DEFAULT_PRIORITY = 4;

    private Messages() {
    }

    /** The message with its destination (and JMS reply-to) as {@code names} gives them; the same instance when nothing changes. */
    static Message renamed(Message m, UnaryOperator<Destination> names) {
        Destination d = names.apply(m.destination());
        // A captured Kafka record makes its metadata on each call: compare by change, not by identity.
        TransportMetadata md = m.metadata();
        boolean changed = !d.equals(m.destination());
        if (md instanceof JmsMetadata j && j.replyTo() != null) {
            Destination replyTo = names.apply(j.replyTo());
            if (!replyTo.equals(j.replyTo())) {
                md = new JmsMetadata(j.messageId(), j.correlationId(), replyTo, j.type(), j.priority(), j.persistent(),
                        j.expiration(), j.redelivered(), j.objectClassName());
                changed = true;
            }
        }
        if (!changed) {
            return m;
        }
        return new Message(d, m.key(), m.headers(), m.payload(), m.bodyType(), m.timestamp(), m.capturedAt(), md);
    }

    /** What {@code sent} became once the broker took it, as a recorded message captured at {@code at}. */
    static Message sent(OutgoingMessage sent, PublishResult result, Instant at) {
        Destination d = result.destination();
        TransportMetadata md;
        if (d.isKafka()) {
            md = new KafkaMetadata(Math.max(0, result.partition()), result.offset(), "CreateTime", -1);
        } else {
            md = new JmsMetadata(result.messageId(), sent.correlationId(), sent.replyTo(), sent.type(),
                    sent.priority() == null ? JMS_DEFAULT_PRIORITY : sent.priority(),
                    sent.persistent() == null || sent.persistent(),
                    sent.timeToLive() == null ? null : at.plus(sent.timeToLive()), false, null);
        }
        return new Message(d, sent.key(), sent.headers(), sent.payload(), sent.bodyType(), result.timestamp(), at, md);
    }

    /**
     * The recorded message as one to publish to {@code to}, with {@code key} and {@code payload}
     * (already remapped or re-encoded), taken without copies: pass arrays nobody changes (fresh ones,
     * or the recorded message's own). A JMS message keeps its correlation id, reply-to, type,
     * priority and delivery mode; map and stream bodies go as text (their JSON), object bodies as bytes.
     */
    static OutgoingMessage outgoing(Message m, Destination to, byte[] key, byte[] payload, Destination replyTo) {
        BodyType body = m.bodyType() == BodyType.TEXT || m.bodyType() == BodyType.MAP || m.bodyType() == BodyType.STREAM
                ? BodyType.TEXT : BodyType.BYTES;
        if (to.isJms() && m.metadata() instanceof JmsMetadata j) {
            return RawBytes.ownedOutgoing(to, key, m.headers(), payload, body, j.correlationId(), replyTo, j.type(),
                    j.priority(), j.persistent(), null);
        }
        return RawBytes.ownedOutgoing(to, key, m.headers(), payload, body, null, null, null, null, null, null);
    }
}
