package io.sitkit.core;

/**
 * What kind of body a message had. Kafka records are {@link #BYTES}. JMS bodies map as:
 * {@code TextMessage} → {@link #TEXT} (payload = UTF-8 of the text); {@code BytesMessage} →
 * {@link #BYTES}; {@code MapMessage} → {@link #MAP} (payload = a JSON object of the entries,
 * byte arrays as base64); {@code StreamMessage} → {@link #STREAM} (payload = a JSON array);
 * {@code ObjectMessage} → {@link #OBJECT} (payload = the raw Java-serialization bytes where the
 * provider exposes them, never deserialized; class name in the JMS metadata); a plain
 * {@code Message} → {@link #NONE} (payload {@code null}).
 *
 * <p>Thread-safety: immutable.
 */
public enum BodyType { BYTES, TEXT, MAP, STREAM, OBJECT, NONE }
