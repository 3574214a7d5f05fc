package io.sitkit.report;

import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ways to tell a message's type for coverage: from a header, or from JMS's {@code JMSType}.
 *
 * <pre>{@code
 * RunReportBuilder builder = new RunReportBuilder("staging", Instant.now(), redactor, MessageTypes.headers("eventName"));
 * }</pre>
 *
 * <p>Thread-safety: stateless; the functions returned are immutable.
 */
public final class MessageTypes {
    /** The headers {@link #byDefault()} reads, first present wins. */
    public static final List<String> DEFAULT_HEADERS =
            List.of("messageType", "message-type", "eventType", "event-type", "type", "ce_type", "ce-type");

    private MessageTypes() {
    }

    /** The first non-blank of {@link #DEFAULT_HEADERS}, else a JMS message's {@code JMSType}. */
    public static Function<Message, Optional<String>> byDefault() {
        Function<Message, Optional<String>> headers = headers(DEFAULT_HEADERS.toArray(String[]::new));
        return m -> headers.apply(m).or(() -> m.jms().map(JmsMetadata::type).filter(t -> !t.isBlank()));
    }

    /** The first non-blank of the named headers (names are matched exactly). */
    public static Function<Message, Optional<String>> headers(String... names) {
        List<String> list = List.of(names);
        list.forEach(n -> Objects.requireNonNull(n, "header name"));
        return m -> {
            for (String name : list) {
                Optional<String> value = m.headers().lastAsString(name).map(String::strip).filter(v -> !v.isEmpty());
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        };
    }

    /** Types unknown: every message counts for its destination only. */
    public static Function<Message, Optional<String>> none() {
        return m -> Optional.empty();
    }
}
