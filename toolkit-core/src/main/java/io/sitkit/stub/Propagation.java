package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.Payloads;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Carries correlation from a request to its reply the way services do it:
 * <ul>
 *   <li>a JMS reply's {@code JMSCorrelationID} is the request's message id (or its correlation id,
 *       by {@link StubSpec.CorrelateBy}); for a Kafka request, the value of its correlation header;</li>
 *   <li>a Kafka reply carries the correlation header ({@code kafka_correlationId} by default, as
 *       Spring's {@code ReplyingKafkaTemplate} sends it): the request's raw header, or the JMS id as text;</li>
 *   <li>the request's key and chosen headers are copied, unless the reply sets them;</li>
 *   <li>a W3C {@code traceparent} is continued: same trace id and flags, a new span id whose parent
 *       is the request's; {@code tracestate} is copied.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless apart from the span-id source, which is synchronized.
 */
final class Propagation {
    static final String TRACEPARENT = "traceparent";
    private static final Pattern TRACEPARENT_FORM = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private final StubSpec spec;
    private final Random spans;

    Propagation(StubSpec spec, long seed) {
        this.spec = spec;
        this.spans = new Random(seed ^ 0x5DEECE66DL);
    }

    /** The request's own reply address: JMSReplyTo, or the Kafka reply-topic header (a topic, or a full address). */
    Optional<Destination> replyAddress(Message request) {
        if (request.destination().isJms()) {
            return request.jms().map(JmsMetadata::replyTo);
        }
        return request.headers().lastAsString(spec.kafkaReplyTopicHeader()).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.indexOf(':') >= 0 ? Destination.parse(s) : Destination.kafka(s));
    }

    /** The request's correlation value, if it has one. */
    Optional<String> token(Message request) {
        if (request.destination().isJms()) {
            Optional<JmsMetadata> jms = request.jms();
            Optional<String> correlationId = jms.map(JmsMetadata::correlationId);
            if (spec.correlateBy() == StubSpec.CorrelateBy.CORRELATION_ID && correlationId.isPresent()) {
                return correlationId;
            }
            return jms.map(JmsMetadata::messageId);
        }
        return request.headers().lastAsString(spec.kafkaCorrelationHeader());
    }

    OutgoingMessage apply(OutgoingMessage reply, Message request, boolean replySetKey) {
        OutgoingMessage out = reply;
        Destination to = reply.destination();
        Optional<String> token = token(request);
        if (to.isJms() && token.isPresent()) {
            out = out.withCorrelationId(token.get());
        }
        String correlationHeader = spec.kafkaCorrelationHeader();
        if (to.isKafka() && !out.headers().contains(correlationHeader)) {
            Optional<Header> raw = request.headers().last(correlationHeader);
            if (raw.isPresent()) {
                out = out.withHeader(raw.get());
            } else if (token.isPresent()) {
                out = out.withHeader(correlationHeader, token.get());
            }
        }
        byte[] key = request.key();
        if (!replySetKey && key != null && (to.isKafka() || Payloads.utf8(key).isPresent())) {
            out = out.withKey(key);
        }
        for (String name : spec.copiedHeaders()) {
            if (!out.headers().contains(name)) {
                for (Header h : request.headers().all(name)) {
                    out = out.withHeader(h);
                }
            }
        }
        OutgoingMessage traced = continueTrace(out, request);
        // A JMS property holds one value: copied repeats (tracestate, say) are joined, as W3C trace context joins them.
        return to.isJms() ? traced.withHeaders(traced.headers().joinedPerName()) : traced;
    }

    private OutgoingMessage continueTrace(OutgoingMessage out, Message request) {
        if (out.headers().contains(TRACEPARENT)) {
            return out;
        }
        Optional<String> parent = request.headers().lastAsString(TRACEPARENT).map(String::trim);
        if (parent.isEmpty()) {
            return out;
        }
        var m = TRACEPARENT_FORM.matcher(parent.get());
        if (!m.matches()) {
            return out;
        }
        OutgoingMessage continued = out.withHeader(TRACEPARENT, m.group(1) + "-" + m.group(2) + "-" + spanId() + "-" + m.group(4));
        for (String state : request.headers().all("tracestate").stream()
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).toList()) {
            continued = continued.withHeader("tracestate", state);
        }
        return continued;
    }

    private String spanId() {
        long id;
        synchronized (spans) {
            do {
                id = spans.nextLong();
            } while (id == 0);
        }
        return String.format("%016x", id);
    }

    static List<String> defaultCopiedHeaders() {
        return List.of("correlation-id", "correlationId", "x-correlation-id", "tenant", "x-request-id");
    }
}
