package io.sitkit.jms;

import jakarta.jms.ObjectMessage;

import java.nio.charset.StandardCharsets;

/**
 * Reads an {@link ObjectMessage}'s serialized bytes and class name <b>without deserializing</b>
 * (deserializing untrusted bytes runs code). Raw bytes are read from ActiveMQ Classic (inflated when
 * the producer compressed them) and Artemis; other providers give {@code null} (the message is still
 * reported, as {@code OBJECT} with no payload).
 *
 * <p>Thread-safety: stateless.
 */
final class ObjectMessages {
    private ObjectMessages() {
    }

    static byte[] rawBytes(ObjectMessage om) {
        if (isClassic(om)) {
            org.apache.activemq.command.ActiveMQObjectMessage a = (org.apache.activemq.command.ActiveMQObjectMessage) om;
            if (a.getContent() == null || a.getContent().getData() == null) {
                return null;
            }
            byte[] content = java.util.Arrays.copyOfRange(a.getContent().getData(), a.getContent().getOffset(),
                    a.getContent().getOffset() + a.getContent().getLength());
            return a.isCompressed() ? inflate(content) : content;
        }
        if (om.getClass().getName().equals("org.apache.activemq.artemis.jms.client.ActiveMQObjectMessage")) {
            // Artemis keeps the received serialized form in a private field until getObject() deserializes it.
            try {
                java.lang.reflect.Field data = om.getClass().getDeclaredField("data");
                data.setAccessible(true);
                byte[] bytes = (byte[]) data.get(om);
                return bytes == null ? null : bytes.clone();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static byte[] inflate(byte[] compressed) {
        try (java.io.InputStream in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static boolean isClassic(Object o) {
        try {
            return o instanceof org.apache.activemq.command.ActiveMQObjectMessage;
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }

    /** The top-level class name from a Java serialization stream header, or null if it is not one. */
    static String className(byte[] s) {
        // STREAM_MAGIC AC ED, version 00 05, TC_OBJECT 73, TC_CLASSDESC 72, then a modified-UTF-8 name.
        if (s.length < 8 || (s[0] & 0xff) != 0xAC || (s[1] & 0xff) != 0xED || s[4] != 0x73 || s[5] != 0x72) {
            return null;
        }
        int len = ((s[6] & 0xff) << 8) | (s[7] & 0xff);
        if (8 + len > s.length) {
            return null;
        }
        return new String(s, 8, len, StandardCharsets.UTF_8);
    }
}
