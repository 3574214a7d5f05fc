package io.sitkit.jms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Payloads;
import io.sitkit.core.PropertyType;
import io.sitkit.core.SitkitException;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The JMS side of the message model, defined once:
 * <ul>
 *   <li><b>key</b> ↔ the {@code JMSXGroupID} property (message groups are JMS's per-key ordering,
 *       as partition keys are Kafka's); the key must be UTF-8 text on JMS;</li>
 *   <li><b>headers</b> ↔ properties, names mapped by {@link JmsNames}; a typed header becomes a
 *       property of its {@link PropertyType}; an untyped header becomes a String property and must
 *       be UTF-8 (JMS properties cannot hold raw bytes); a captured property comes back as a typed
 *       header whose bytes are the value's text;</li>
 *   <li><b>bodies</b> as {@link BodyType} documents; ObjectMessages are never deserialized.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; JMS objects passed in must belong to the calling thread's session.
 */
public final class JmsMessages {
    /** The JMS property that carries the key. */
    public static final String KEY_PROPERTY = "JMSXGroupID";
    /** Jackson is loaded for the first Map or Stream message only. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private JmsMessages() {
    }

    static jakarta.jms.Message toJms(Session session, OutgoingMessage m) throws JMSException {
        if (m.partition() != null) {
            throw new IllegalArgumentException("message for " + m.destination()
                    + " names Kafka partition " + m.partition() + "; JMS destinations have no partitions");
        }
        jakarta.jms.Message msg;
        byte[] payload = io.sitkit.core.internal.RawBytes.payload(m);   // read only: the JMS message copies it
        if (m.bodyType() == BodyType.TEXT) {
            msg = session.createTextMessage(payload == null ? null : new String(payload, StandardCharsets.UTF_8));
        } else if (payload == null) {
            msg = session.createMessage();
        } else {
            BytesMessage b = session.createBytesMessage();
            b.writeBytes(payload);
            msg = b;
        }
        byte[] key = io.sitkit.core.internal.RawBytes.key(m);
        if (key != null) {
            msg.setStringProperty(KEY_PROPERTY, Payloads.utf8(key).orElseThrow(() -> new IllegalArgumentException(
                    "key of message for " + m.destination() + " is not UTF-8 text; on JMS the key is the JMSXGroupID "
                            + "string property")));
        }
        java.util.Set<String> named = m.headers().size() > 1 ? new java.util.HashSet<>() : null;
        for (Header h : m.headers()) {
            if (named != null && !named.add(h.name())) {
                // Kafka keeps every value of a repeated header; a JMS property holds one, and setting it again would drop the first.
                throw new IllegalArgumentException("header '" + h.name() + "' appears more than once in the message for "
                        + m.destination() + "; a JMS property holds one value: join the values into one header, or "
                        + "publish to Kafka, whose headers repeat");
            }
            setProperty(msg, h, m.destination());
        }
        if (m.correlationId() != null) {
            msg.setJMSCorrelationID(m.correlationId());
        }
        if (m.replyTo() != null) {
            msg.setJMSReplyTo(toJms(session, m.replyTo()));
        }
        if (m.type() != null) {
            msg.setJMSType(m.type());
        }
        return msg;
    }

    private static void setProperty(jakarta.jms.Message msg, Header h, Destination d) throws JMSException {
        if (h.value() == null) {
            throw new IllegalArgumentException("header '" + h.name() + "' of message for " + d
                    + " has a null value; JMS properties cannot be null");
        }
        String name = JmsNames.toProperty(h.name());
        if (h.type() == PropertyType.BYTES) {
            String text = Payloads.utf8(h.value()).orElseThrow(() -> new IllegalArgumentException("header '" + h.name()
                    + "' of message for " + d + " is not UTF-8 (" + Payloads.preview(h.value(), 40)
                    + "); JMS properties cannot hold raw bytes — encode it (e.g. base64) or use a typed header"));
            msg.setStringProperty(name, text);
        } else {
            msg.setObjectProperty(name, h.typedValue());
        }
    }

    static jakarta.jms.Destination toJms(Session session, Destination d) throws JMSException {
        if (!d.isJms()) {
            throw new IllegalArgumentException(d + " is not a JMS destination");
        }
        jakarta.jms.Destination temporary = TemporaryDestinations.lookup(d);
        if (temporary != null) {
            return temporary;
        }
        return d.isQueue() ? session.createQueue(d.name()) : session.createTopic(d.name());
    }

    static Destination fromJms(jakarta.jms.Destination d) throws JMSException {
        if (d instanceof Queue q) {
            return Destination.jmsQueue(q.getQueueName());
        }
        if (d instanceof Topic t) {
            return Destination.jmsTopic(t.getTopicName());
        }
        return null;
    }

    /**
     * Maps a received, browsed or captured JMS message.
     *
     * @param destination where sitkit saw it (for a mirrored queue, the queue, not the mirror topic)
     */
    public static Message fromJms(jakarta.jms.Message msg, Destination destination, Instant capturedAt) {
        return fromJms(msg, destination, io.sitkit.core.internal.RawBytes.epochNanos(capturedAt), capturedAt);
    }

    /**
     * A capture's form: the capture time as epoch nanoseconds, so no {@code Instant} is made per message.
     *
     * @param capturedAtNanos when sitkit saw it, e.g. {@link io.sitkit.core.internal.RawBytes#nowNanos()}
     */
    static Message fromJms(jakarta.jms.Message msg, Destination destination, long capturedAtNanos) {
        return fromJms(msg, destination, capturedAtNanos, null);
    }

    /** {@code capturedAt} may be null when {@code capturedAtNanos} holds the time; it is needed only out of the nanosecond range. */
    private static Message fromJms(jakarta.jms.Message msg, Destination destination, long capturedAtNanos, Instant capturedAt) {
        try {
            byte[] key = null;
            List<Header> headers = null;
            for (java.util.Enumeration<?> names = msg.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                Object value = msg.getObjectProperty(name);
                if (value == null) {
                    continue;
                }
                if (name.equals(KEY_PROPERTY)) {
                    key = value.toString().getBytes(StandardCharsets.UTF_8);
                } else {
                    if (headers == null) {
                        headers = new ArrayList<>(8);
                    }
                    headers.add(new Header(JmsNames.toHeader(name), PropertyType.encode(value), PropertyType.of(value)));
                }
            }
            BodyType bodyType;
            byte[] payload;
            String objectClass = null;
            if (msg instanceof TextMessage t) {
                bodyType = BodyType.TEXT;
                String text = t.getText();
                payload = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            } else if (msg instanceof BytesMessage b) {
                bodyType = BodyType.BYTES;
                b.reset();
                payload = new byte[(int) b.getBodyLength()];
                b.readBytes(payload);
            } else if (msg instanceof MapMessage mm) {
                bodyType = BodyType.MAP;
                payload = mapJson(mm);
            } else if (msg instanceof StreamMessage sm) {
                bodyType = BodyType.STREAM;
                payload = streamJson(sm);
            } else if (msg instanceof ObjectMessage om) {
                bodyType = BodyType.OBJECT;
                payload = ObjectMessages.rawBytes(om);
                objectClass = payload == null ? null : ObjectMessages.className(payload);
            } else {
                bodyType = BodyType.NONE;
                payload = null;
            }
            long ts = msg.getJMSTimestamp();
            long exp = msg.getJMSExpiration();
            jakarta.jms.Destination replyTo = msg.getJMSReplyTo();
            JmsMetadata md = new JmsMetadata(msg.getJMSMessageID(), msg.getJMSCorrelationID(),
                    replyTo == null ? null : TemporaryDestinations.remember(replyTo, fromJms(replyTo)),
                    msg.getJMSType(),
                    Math.max(0, Math.min(9, msg.getJMSPriority())), msg.getJMSDeliveryMode() == DeliveryMode.PERSISTENT,
                    exp == 0 ? null : Instant.ofEpochMilli(exp), msg.getJMSRedelivered(), objectClass);
            Headers mapped = headers == null ? Headers.empty() : Headers.of(headers);
            // Key and payload arrays were allocated here for this message alone: it takes them over.
            boolean tsFits = ts >= -io.sitkit.core.internal.RawBytes.MAX_NANOS_MILLIS && ts <= io.sitkit.core.internal.RawBytes.MAX_NANOS_MILLIS;
            if (capturedAtNanos != io.sitkit.core.internal.RawBytes.NO_TIME && tsFits) {
                return io.sitkit.core.internal.RawBytes.ownedMessageAtNanos(destination, key, mapped, payload, bodyType,
                        ts == 0 ? io.sitkit.core.internal.RawBytes.NO_TIME : ts * 1_000_000L, capturedAtNanos, md);
            }
            Instant captured = capturedAt != null ? capturedAt : io.sitkit.core.internal.RawBytes.instant(capturedAtNanos);
            return io.sitkit.core.internal.RawBytes.ownedMessage(destination, key, mapped, payload, bodyType,
                    ts == 0 ? null : Instant.ofEpochMilli(ts), captured, md);
        } catch (JMSException e) {
            throw new SitkitException("cannot read a JMS message on " + destination + ": " + e, e);
        }
    }

    private static byte[] mapJson(MapMessage mm) throws JMSException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (Object n : Collections.list(mm.getMapNames())) {
            String name = (String) n;
            node.set(name, Json.MAPPER.valueToTree(jsonValue(mm.getObject(name))));
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] streamJson(StreamMessage sm) throws JMSException {
        ArrayNode node = Json.MAPPER.createArrayNode();
        sm.reset();
        while (true) {
            try {
                node.add(Json.MAPPER.valueToTree(jsonValue(sm.readObject())));
            } catch (MessageEOFException end) {
                break;
            }
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object jsonValue(Object v) {
        return v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v;
    }
}
