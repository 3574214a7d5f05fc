package io.sitkit.fx.service;

import io.sitkit.correlate.KeySource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The text form of a {@link KeySource} as the inspector saves it in a profile: the words of the stub
 * files' {@code statePer} — {@code key}, {@code correlationId}, {@code messageId}, {@code traceId} —
 * and {@code header:<name>}, {@code jsonPath:<path>} for the two that take an argument.
 *
 * <pre>{@code
 * KeySource s = KeySourceText.parse("jsonPath:$.orderId");
 * String text = KeySourceText.format(KeySource.header("orderId"));   // "header:orderId"
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class KeySourceText {
    /** What a correlation rule reads, as the rules dialog offers it. */
    public enum Kind {
        KEY("key", false), HEADER("header", true), CORRELATION_ID("correlationId", false), MESSAGE_ID("messageId", false),
        JSON_PATH("jsonPath", true), TRACE_ID("traceId", false);

        private final String word;
        private final boolean takesArgument;

        Kind(String word, boolean takesArgument) {
            this.word = word;
            this.takesArgument = takesArgument;
        }

        /** The word saved in a profile: {@code key}, {@code jsonPath}, … */
        public String word() {
            return word;
        }

        /** Whether it needs a header name or a JSON path after the colon. */
        public boolean takesArgument() {
            return takesArgument;
        }

        /** The kind of {@code source}. */
        public static Kind of(KeySource source) {
            Objects.requireNonNull(source, "source");
            if (source instanceof KeySource.RecordKey) {
                return KEY;
            } else if (source instanceof KeySource.HeaderValue) {
                return HEADER;
            } else if (source instanceof KeySource.JmsCorrelationId) {
                return CORRELATION_ID;
            } else if (source instanceof KeySource.JmsMessageId) {
                return MESSAGE_ID;
            } else if (source instanceof KeySource.JsonField) {
                return JSON_PATH;
            }
            return TRACE_ID;
        }

        /** The source of this kind; {@code argument} is the header name or JSON path when it takes one. */
        public KeySource source(String argument) {
            String a = argument == null ? "" : argument.strip();
            if (takesArgument && a.isEmpty()) {
                throw new IllegalArgumentException(word + " needs " + (this == HEADER ? "a header name (header:orderId)"
                        : "a JSON path (jsonPath:$.orderId)"));
            }
            return switch (this) {
                case KEY -> KeySource.kafkaKey();
                case HEADER -> KeySource.header(a);
                case CORRELATION_ID -> KeySource.jmsCorrelationId();
                case MESSAGE_ID -> KeySource.jmsMessageId();
                case JSON_PATH -> jsonPath(a);
                case TRACE_ID -> KeySource.traceId();
            };
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private KeySourceText() {
    }

    /**
     * Reads {@code key}, {@code correlationId}, {@code messageId}, {@code traceId}, {@code header:<name>}
     * or {@code jsonPath:<path>} (words in any case).
     *
     * @throws IllegalArgumentException naming the text and what is expected
     */
    public static KeySource parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String word = colon < 0 ? t : t.substring(0, colon).strip();
        String argument = colon < 0 ? "" : t.substring(colon + 1);
        for (Kind k : Kind.values()) {
            if (k.word.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
                if (!k.takesArgument && colon >= 0) {
                    throw new IllegalArgumentException("'" + t + "': " + k.word + " takes nothing after it");
                }
                return k.source(argument);
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a correlation key source; use one of " + expected());
    }

    /** The text {@link #parse} reads back to {@code source}. */
    public static String format(KeySource source) {
        Kind k = Kind.of(source);
        if (source instanceof KeySource.HeaderValue h) {
            return k.word + ":" + h.name();
        }
        if (source instanceof KeySource.JsonField j) {
            return k.word + ":" + j.path().path();
        }
        return k.word;
    }

    /** The header name or JSON path of {@code source}, "" for the kinds without one. */
    public static String argument(KeySource source) {
        String text = format(source);
        int colon = text.indexOf(':');
        return colon < 0 ? "" : text.substring(colon + 1);
    }

    private static KeySource jsonPath(String path) {
        try {
            return KeySource.jsonPath(path);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + path + "' is not a JSON path: " + e.getMessage(), e);
        }
    }

    private static String expected() {
        List<String> words = Arrays.stream(Kind.values()).map(k -> k.takesArgument ? k.word + ":<" + (k == Kind.HEADER ? "name" : "path") + ">"
                : k.word).toList();
        return String.join(", ", words);
    }
}
