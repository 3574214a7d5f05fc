package io.sitkit.correlate;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.match.JsonPathExpression;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a message carries its correlation key: the Kafka key, a header or JMS property, the JMS
 * correlation id or message id, a JSON path in the payload, or the trace id of a W3C
 * {@code traceparent} header.
 *
 * <pre>{@code
 * KeySource byOrderId = KeySource.jsonPath("$.orderId");
 * Optional<String> key = byOrderId.keyOf(message);
 * byOrderId.text();                                   // "jsonPath:$.orderId"
 * KeySource.parse("header:orderId");                  // as KeySource.header("orderId")
 * }</pre>
 *
 * <p>Each has a text form, {@link #text()}, that {@link #parse} reads back — how a stub file's
 * {@code statePer}, a recording's {@code correlation} names and the inspector's saved rules write a
 * key source.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface KeySource {

    /** The text forms {@link #parse} reads, in the order its error message lists them. */
    List<String> FORMS = List.of("key", "header:<name>", "correlationId", "messageId", "jsonPath:<path>", "traceId");

    /** The key this message carries, or empty when it carries none. Never throws. */
    Optional<String> keyOf(Message message);

    /** For failure messages: {@code key}, {@code header orderId}, {@code $.orderId}… */
    String describe();

    /** The text form, one of {@link #FORMS}, that {@link #parse} reads back: {@code key}, {@code header:orderId}, {@code jsonPath:$.orderId}… */
    String text();

    /**
     * Reads a key source from its {@link #text()} form: {@code key}, {@code header:<name>},
     * {@code correlationId}, {@code messageId}, {@code jsonPath:<path>} or {@code traceId}. The word
     * may be in any case; blanks around the word and the argument are ignored.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static KeySource parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int colon = t.indexOf(':');
        String word = (colon < 0 ? t : t.substring(0, colon)).strip();
        String argument = colon < 0 ? "" : t.substring(colon + 1).strip();
        KeySource plain = switch (word.toLowerCase(Locale.ROOT)) {
            case "key" -> kafkaKey();
            case "correlationid" -> jmsCorrelationId();
            case "messageid" -> jmsMessageId();
            case "traceid" -> traceId();
            case "header" -> {
                if (argument.isEmpty()) {
                    throw new IllegalArgumentException("header needs a header name (header:orderId)");
                }
                yield header(argument);
            }
            case "jsonpath" -> {
                if (argument.isEmpty()) {
                    throw new IllegalArgumentException("jsonPath needs a JSON path (jsonPath:$.orderId)");
                }
                yield jsonPath(argument);
            }
            default -> throw new IllegalArgumentException("'" + t + "' is not a correlation key source; use one of "
                    + String.join(", ", FORMS));
        };
        if (colon >= 0 && !(plain instanceof HeaderValue) && !(plain instanceof JsonField)) {
            throw new IllegalArgumentException("'" + t + "': " + plain.text() + " takes nothing after it");
        }
        return plain;
    }

    /** The Kafka record key (for JMS messages, {@code JMSXGroupID}). */
    static KeySource kafkaKey() {
        return new RecordKey();
    }

    /** A Kafka header or JMS property (typed properties by their text). */
    static KeySource header(String name) {
        return new HeaderValue(name);
    }

    /** {@code JMSCorrelationID}. */
    static KeySource jmsCorrelationId() {
        return new JmsCorrelationId();
    }

    /** {@code JMSMessageID} — on the request side of request/reply, whose replies carry it as correlation id. */
    static KeySource jmsMessageId() {
        return new JmsMessageId();
    }

    /** A value in the JSON payload, e.g. {@code $.orderId}. */
    static KeySource jsonPath(String path) {
        return new JsonField(JsonPathExpression.compile(path));
    }

    /** The trace id (32 hex digits) of a W3C {@code traceparent} header. */
    static KeySource traceId() {
        return new TraceId();
    }

    record RecordKey() implements KeySource {
        @Override
        public Optional<String> keyOf(Message message) {
            return message.keyText();
        }

        @Override
        public String describe() {
            return "key";
        }

        @Override
        public String text() {
            return "key";
        }
    }

    record HeaderValue(String name) implements KeySource {
        public HeaderValue {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name is empty");
            }
        }

        @Override
        public Optional<String> keyOf(Message message) {
            return message.headers().last(name).map(Header::typedValue).map(Object::toString);
        }

        @Override
        public String describe() {
            return "header " + name;
        }

        @Override
        public String text() {
            return "header:" + name;
        }
    }

    record JmsCorrelationId() implements KeySource {
        @Override
        public Optional<String> keyOf(Message message) {
            return message.jms().map(j -> j.correlationId());
        }

        @Override
        public String describe() {
            return "JMSCorrelationID";
        }

        @Override
        public String text() {
            return "correlationId";
        }
    }

    record JmsMessageId() implements KeySource {
        @Override
        public Optional<String> keyOf(Message message) {
            return message.jms().map(j -> j.messageId());
        }

        @Override
        public String describe() {
            return "JMSMessageID";
        }

        @Override
        public String text() {
            return "messageId";
        }
    }

    record JsonField(JsonPathExpression path) implements KeySource {
        public JsonField {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<String> keyOf(Message message) {
            return path.readText(message);
        }

        @Override
        public String describe() {
            return path.path();
        }

        @Override
        public String text() {
            return "jsonPath:" + path.path();
        }
    }

    record TraceId() implements KeySource {
        @Override
        public Optional<String> keyOf(Message message) {
            // version-traceid-parentid-flags: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
            return message.headers().lastAsString("traceparent").map(String::trim)
                    .filter(t -> t.length() >= 55 && t.charAt(2) == '-' && t.charAt(35) == '-')
                    .map(t -> t.substring(3, 35))
                    .filter(id -> id.chars().allMatch(c -> Character.digit(c, 16) >= 0) && !id.equals("0".repeat(32)));
        }

        @Override
        public String describe() {
            return "traceparent trace id";
        }

        @Override
        public String text() {
            return "traceId";
        }
    }
}
