package io.sitkit.fx.service;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of the message table: the message and its decoded payload, with the columns already
 * rendered (so the table never decodes on the FX thread).
 *
 * <p>Thread-safety: immutable.
 *
 * @param message  the message
 * @param decoded  its payload, decoded
 * @param position "2 @ 1,204" (partition @ offset) or the JMS browse index
 * @param key      key preview ("" when none)
 * @param headers  header summary: "eventType=OrderPlaced, traceparent=00-…"
 * @param preview  payload preview on one line
 */
public record MessageRow(Message message, DecodedPayload decoded, String position, String key, String headers, String preview) {
    /** Characters of payload preview per row. */
    public static final int PREVIEW_CHARS = 160;

    public MessageRow {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decoded, "decoded");
    }

    /** Decodes and renders {@code m}; {@code index} is its place in a JMS browse (ignored for Kafka). */
    public static MessageRow of(Message m, long index, PayloadDecoding decoding, DecoderChoice choice) {
        DecodedPayload d = decoding.decode(m, choice);
        String position = m.kafka().map(k -> k.partition() + " @ " + k.offset()).orElse("#" + index);
        String key = m.key() == null ? "" : Payloads.preview(m.key(), 60);
        String headers = m.headers().asList().stream().map(MessageRow::header).collect(Collectors.joining(", "));
        return new MessageRow(m, d, position, key, headers.length() > 200 ? headers.substring(0, 199) + "…" : headers,
                PayloadDecoding.preview(m, d, PREVIEW_CHARS));
    }

    private static String header(Header h) {
        return h.name() + "=" + Payloads.preview(h.value(), 40);
    }

    /** The message's own timestamp, or null. */
    public Instant timestamp() {
        return message.timestamp();
    }

    /** Kafka partition, or -1. */
    public int partition() {
        return message.kafka().map(k -> k.partition()).orElse(-1);
    }

    /** Kafka offset, or -1. */
    public long offset() {
        return message.kafka().map(k -> k.offset()).orElse(-1L);
    }
}
